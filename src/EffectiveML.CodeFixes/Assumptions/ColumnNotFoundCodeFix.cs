using System.Composition;
using System.Threading.Tasks;
using EffectiveML.Analyzers.Rules.Assumptions;
using EffectiveML.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace EffectiveML.CodeFixes.Assumptions
{
    /// <summary>EML4101: the misspelled column literal, <c>"Room"</c>, becomes the closest existing column, <c>"Rooms"</c>.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ColumnNotFoundCodeFix)), Shared]
    public sealed class ColumnNotFoundCodeFix : RuleCodeFix
    {
        protected override string RuleId => ColumnNotFoundRule.Id;

        public override string Summary => "rename to the closest existing column";

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return;
            }

            foreach (var diagnostic in OwnFindings(context))
            {
                if (!diagnostic.Properties.TryGetValue(ColumnNotFoundRule.ClosestProperty, out var closest)
                    || closest is null
                    || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not LiteralExpressionSyntax literal
                    || !literal.IsKind(SyntaxKind.StringLiteralExpression))
                {
                    continue;
                }

                var renamed = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(closest)).WithTriviaFrom(literal);
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Use '{closest}'",
                        _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(literal, renamed))),
                        equivalenceKey: ColumnNotFoundRule.Id),
                    diagnostic);
            }
        }
    }
}
