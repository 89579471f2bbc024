using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using EffectiveML.Analyzers.Infrastructure;
using EffectiveML.Analyzers.Rules.Assumptions;
using EffectiveML.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace EffectiveML.CodeFixes.Assumptions
{
    /// <summary>EML4005: <c>separatorChar: ','</c>, added or replacing the tab.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CsvWithTabSeparatorCodeFix)), Shared]
    public sealed class CsvWithTabSeparatorCodeFix : CodeFixProvider
    {
        public const string Title = "Read the file as comma-separated: separatorChar: ','";

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIds.CsvWithTabSeparator);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (!diagnostic.Properties.ContainsKey(CsvWithTabSeparatorAnalyzer.FixableProperty)
                    || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true)?.FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { } invocation)
                {
                    continue;
                }

                var comma = SyntaxFactory.LiteralExpression(SyntaxKind.CharacterLiteralExpression, SyntaxFactory.Literal(','));
                if (ArgumentEdits.WithArgument(model, invocation, "separatorChar", comma, context.CancellationToken) is not { } fixedCall)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        Title,
                        _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(invocation, fixedCall))),
                        equivalenceKey: RuleIds.CsvWithTabSeparator),
                    diagnostic);
            }
        }
    }
}
