using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EffectiveML.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace EffectiveML.Tests.Robustness
{
    /// <summary>Applies EffectiveML's code fixes the way an IDE does: in a workspace, one action or Fix All at a time.</summary>
    internal static class CodeFixRunner
    {
        public static Project CreateProject(IEnumerable<(string Name, string Text)> documents, OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary)
        {
            var workspace = new AdhocWorkspace();
            var projectId = ProjectId.CreateNewId();
            var solution = workspace.CurrentSolution.AddProject(ProjectInfo.Create(
                projectId,
                VersionStamp.Default,
                "Fixed",
                "Fixed",
                LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(
                    outputKind,
                    nullableContextOptions: NullableContextOptions.Enable,
                    specificDiagnosticOptions: SuiteCatalog.Descriptors.ToImmutableDictionary(d => d.Id, _ => ReportDiagnostic.Warn)),
                parseOptions: AnalysisRunner.ParseOptions,
                metadataReferences: TestReferences.MLProject.AddRange(TestReferences.AspNetCore).AddRange(TestReferences.Xunit)));
            foreach (var (name, text) in documents)
            {
                solution = solution.AddDocument(DocumentId.CreateNewId(projectId), name, SourceText.From(text), filePath: "/src/" + name);
            }

            return solution.GetProject(projectId)!;
        }

        /// <summary>The actions the suite's fixes offer for one diagnostic.</summary>
        public static async Task<List<CodeAction>> ActionsFor(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var actions = new List<CodeAction>();
            foreach (var provider in SuiteCatalog.CodeFixes.Where(p => p.FixableDiagnosticIds.Contains(diagnostic.Id)))
            {
                var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), cancellationToken);
                await provider.RegisterCodeFixesAsync(context);
            }

            return actions;
        }

        public static async Task<Solution> ApplyAsync(CodeAction action, Solution solution, CancellationToken cancellationToken)
        {
            foreach (var operation in await action.GetOperationsAsync(cancellationToken))
            {
                if (operation is ApplyChangesOperation apply)
                {
                    solution = apply.ChangedSolution;
                }
            }

            return solution;
        }

        /// <summary>Fix All in project scope for one rule, with the first action offered for its first fixable diagnostic.</summary>
        public static async Task<Project> FixAllAsync(Project project, string ruleId, IReadOnlyList<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var provider = SuiteCatalog.CodeFixes.Single(p => p.FixableDiagnosticIds.Contains(ruleId));
            foreach (var diagnostic in diagnostics)
            {
                var document = project.GetDocument(diagnostic.Location.SourceTree)!;
                var actions = await ActionsFor(document, diagnostic, cancellationToken);
                if (actions.Count == 0)
                {
                    continue;
                }

                var fixAll = provider.GetFixAllProvider();
                if (fixAll is null)
                {
                    return project;
                }

                var context = new FixAllContext(
                    document,
                    provider,
                    FixAllScope.Project,
                    actions[0].EquivalenceKey,
                    new[] { ruleId },
                    new FixedDiagnostics(diagnostics),
                    cancellationToken);
                return await ApplyFixAllAsync(project, fixAll, context, cancellationToken);
            }

            return project;
        }

        /// <summary>
        /// Fix All in solution scope for one rule the way <c>dotnet format</c> asks for it: the
        /// equivalence key comes from whatever the rule's fix offers for the first of
        /// <paramref name="findings"/> (all of the suite's, in order), which may be another rule's.
        /// </summary>
        public static async Task<Project> FixAllAsDotnetFormatAsync(Project project, string ruleId, IReadOnlyList<Diagnostic> findings, CancellationToken cancellationToken)
        {
            var provider = SuiteCatalog.CodeFixes.Single(p => p.FixableDiagnosticIds.Contains(ruleId));
            var first = findings.First(d => d.Location.SourceTree is not null);
            var document = project.GetDocument(first.Location.SourceTree)!;
            CodeAction? offered = null;
            await provider.RegisterCodeFixesAsync(new CodeFixContext(document, first, (action, _) => offered ??= action, cancellationToken));

            var context = new FixAllContext(
                document,
                provider,
                FixAllScope.Solution,
                offered?.EquivalenceKey!,
                new[] { ruleId },
                new FixedDiagnostics(findings),
                cancellationToken);
            return await ApplyFixAllAsync(project, provider.GetFixAllProvider()!, context, cancellationToken);
        }

        private static async Task<Project> ApplyFixAllAsync(Project project, FixAllProvider fixAll, FixAllContext context, CancellationToken cancellationToken)
        {
            var fix = await fixAll.GetFixAsync(context);
            if (fix is null)
            {
                return project;
            }

            var fixedSolution = await ApplyAsync(fix, project.Solution, cancellationToken);
            return fixedSolution.GetProject(project.Id)!;
        }

        private sealed class FixedDiagnostics : FixAllContext.DiagnosticProvider
        {
            private readonly IReadOnlyList<Diagnostic> _diagnostics;

            public FixedDiagnostics(IReadOnlyList<Diagnostic> diagnostics) => _diagnostics = diagnostics;

            public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
                Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);

            public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
            {
                var tree = await document.GetSyntaxTreeAsync(cancellationToken);
                return _diagnostics.Where(d => d.Location.SourceTree == tree);
            }

            public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
                Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics.Where(d => !d.Location.IsInSource));
        }
    }
}
