using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace EffectiveML.CodeFixes.Infrastructure
{
    /// <summary>
    /// Fix All that knows which fix to apply when it is not told. The IDE names the fix (the
    /// equivalence key of the action the user chose). <c>dotnet format</c> takes the key from the
    /// first finding of the analyzers that report the rule; every rule runs in one analyzer, so
    /// that finding may be another rule's, or one of this rule's without a mechanical fix, and the
    /// key arrives empty, which would fix nothing. Then the key is that of the first action this
    /// rule's fix offers for its first finding that has one, and Fix All proceeds as in the IDE.
    /// </summary>
    internal sealed class RuleFixAll : FixAllProvider
    {
        private readonly FixAllProvider _inner;

        private RuleFixAll(FixAllProvider inner) => _inner = inner;

        public static FixAllProvider Around(FixAllProvider inner) => new RuleFixAll(inner);

        public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() => _inner.GetSupportedFixAllScopes();

        public override IEnumerable<string> GetSupportedFixAllDiagnosticIds(CodeFixProvider originalCodeFixProvider) =>
            _inner.GetSupportedFixAllDiagnosticIds(originalCodeFixProvider);

        public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
        {
            if (fixAllContext.CodeActionEquivalenceKey is null
                && await FirstOfferedKeyAsync(fixAllContext).ConfigureAwait(false) is { } key)
            {
                fixAllContext = WithKey(fixAllContext, key);
            }

            return await _inner.GetFixAsync(fixAllContext).ConfigureAwait(false);
        }

        private static async Task<string?> FirstOfferedKeyAsync(FixAllContext context)
        {
            foreach (var project in ProjectsInScope(context))
            {
                var findings = (await context.GetAllDiagnosticsAsync(project).ConfigureAwait(false))
                    .Where(d => d.Location.IsInSource)
                    .OrderBy(d => d.Location.SourceTree!.FilePath, System.StringComparer.Ordinal)
                    .ThenBy(d => d.Location.SourceSpan.Start);
                foreach (var finding in findings)
                {
                    if (project.GetDocument(finding.Location.SourceTree) is not { } document)
                    {
                        continue;
                    }

                    CodeAction? offered = null;
                    await context.CodeFixProvider.RegisterCodeFixesAsync(
                        new CodeFixContext(document, finding, (action, _) => offered ??= action, context.CancellationToken)).ConfigureAwait(false);
                    if (offered?.EquivalenceKey is { } key)
                    {
                        return key;
                    }
                }
            }

            return null;
        }

        private static IEnumerable<Project> ProjectsInScope(FixAllContext context) =>
            context.Scope == FixAllScope.Solution ? context.Project.Solution.Projects : new[] { context.Project };

        private static FixAllContext WithKey(FixAllContext context, string key) => context.Document is { } document
            ? new FixAllContext(document, context.CodeFixProvider, context.Scope, key, context.DiagnosticIds, new SameFindings(context), context.CancellationToken)
            : new FixAllContext(context.Project, context.CodeFixProvider, context.Scope, key, context.DiagnosticIds, new SameFindings(context), context.CancellationToken);

        /// <summary>The findings of the original context, unchanged.</summary>
        private sealed class SameFindings : FixAllContext.DiagnosticProvider
        {
            private readonly FixAllContext _original;

            public SameFindings(FixAllContext original) => _original = original;

            public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
                await _original.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false);

            public override async Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
                await _original.GetProjectDiagnosticsAsync(project).ConfigureAwait(false);

            public override async Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
                await _original.GetAllDiagnosticsAsync(project).ConfigureAwait(false);
        }
    }
}
