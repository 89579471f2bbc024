using System.Collections.Immutable;
using System.Linq;
using EffectiveML.Analyzers.Infrastructure;
using EffectiveML.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace EffectiveML.Analyzers.Rules.Roadblocks
{
    /// <summary>
    /// EML7002: <c>[SuppressMessage]</c> for an EffectiveML rule without a Justification, and
    /// <c>#pragma warning disable EMLxxxx</c> without a comment on the same line.
    /// </summary>
    public sealed class SuppressedWithoutReasonRule : Rule
    {
        public const string Id = "EML7002";

        internal static readonly DiagnosticDescriptor Descriptor = Descriptors.Create(
            Id,
            "Rule suppressed without a reason",
            "{0} suppresses {1} without saying why",
            DiagnosticSeverity.Info,
            "A suppression hides a finding from everyone who reads the code later. The reason is what lets them judge whether it still holds.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptor);

        internal override void Register(RuleRegistry registry)
        {
            var symbols = registry.Symbols;
            if (symbols.SuppressMessageAttribute is not null)
            {
                registry.OnDeclarations((declarations, declaration) =>
                {
                    foreach (var attribute in declaration.Attributes)
                    {
                        if (Unjustified(attribute, symbols, declarations.CancellationToken) is { } finding)
                        {
                            declarations.ReportDiagnostic(finding);
                        }
                    }
                });
            }

            var compilation = registry.Compilation;
            registry.OnSyntaxTree(tree =>
            {
                CheckPragmas(tree);
                if (symbols.SuppressMessageAttribute is not null)
                {
                    CheckAssemblyAttributes(tree, compilation, symbols);
                }
            });
        }

        /// <summary>
        /// Assembly-level suppressions (global suppression files) belong to no symbol action. They
        /// can stand only at the top of a file, so the file's own attribute lists are all there is
        /// to read: no syntax-node action, which would make the driver visit every node of every file.
        /// </summary>
        private static void CheckAssemblyAttributes(SyntaxTreeAnalysisContext context, Compilation compilation, KnownSymbols symbols)
        {
            if (context.Tree.GetRoot(context.CancellationToken) is not CompilationUnitSyntax { AttributeLists.Count: > 0 } unit)
            {
                return;
            }

            foreach (var list in unit.AttributeLists)
            {
                if (list.Target?.Identifier.IsKind(SyntaxKind.AssemblyKeyword) != true)
                {
                    continue;
                }

                foreach (var attribute in compilation.Assembly.GetAttributes())
                {
                    if (attribute.ApplicationSyntaxReference is { } reference
                        && reference.SyntaxTree == context.Tree
                        && list.Span.Contains(reference.Span)
                        && Unjustified(attribute, symbols, context.CancellationToken) is { } finding)
                    {
                        context.ReportDiagnostic(finding);
                    }
                }
            }
        }

        /// <summary>
        /// The finding for a suppression of an EffectiveML rule without a justification; null for
        /// any other attribute. Symbol actions run for every member, so nothing is allocated for one
        /// without such an attribute (no report delegate either).
        /// </summary>
        private static Diagnostic? Unjustified(AttributeData attribute, KnownSymbols symbols, System.Threading.CancellationToken cancellationToken) =>
            Suppressions.Read(attribute, symbols) is { IsJustified: false } suppression
            && attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is { } syntax
                ? Diagnostic.Create(Descriptor, syntax.GetLocation(), "[SuppressMessage]", suppression.RuleId)
                : null;

        private static void CheckPragmas(SyntaxTreeAnalysisContext context)
        {
            var root = context.Tree.GetRoot(context.CancellationToken);
            if (!root.ContainsDirectives)
            {
                return;
            }

            for (var directive = root.GetFirstDirective(); directive is not null; directive = directive.GetNextDirective())
            {
                if (directive is not PragmaWarningDirectiveTriviaSyntax pragma
                    || !pragma.DisableOrRestoreKeyword.IsKind(SyntaxKind.DisableKeyword)
                    || HasComment(pragma))
                {
                    continue;
                }

                var ids = pragma.ErrorCodes
                    .Select(code => code.ToString().Trim())
                    // Turning this rule itself off is a decision about reasons, not a suppression needing one.
                    .Where(code => code.StartsWith("EML", System.StringComparison.Ordinal) && code != Id)
                    .ToList();
                if (ids.Count > 0)
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptor, pragma.GetLocation(), "#pragma warning disable", string.Join(", ", ids)));
                }
            }
        }

        private static bool HasComment(PragmaWarningDirectiveTriviaSyntax pragma) =>
            pragma.DescendantTrivia().Any(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia) || t.IsKind(SyntaxKind.MultiLineCommentTrivia))
            || pragma.EndOfDirectiveToken.LeadingTrivia.Any(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia) || t.IsKind(SyntaxKind.MultiLineCommentTrivia));
    }
}
