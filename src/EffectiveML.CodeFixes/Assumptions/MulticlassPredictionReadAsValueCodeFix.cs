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
    /// <summary>
    /// EML4104: the fitted estimator, <c>pipeline.Fit(data)</c>, becomes
    /// <c>pipeline.Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel")).Fit(data)</c>.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MulticlassPredictionReadAsValueCodeFix)), Shared]
    public sealed class MulticlassPredictionReadAsValueCodeFix : RuleCodeFix
    {
        protected override string RuleId => MulticlassPredictionReadAsValueRule.Id;

        public override string Summary => "append `MapKeyToValue(\"PredictedLabel\")`";

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return;
            }

            foreach (var diagnostic in OwnFindings(context))
            {
                if (!diagnostic.Properties.TryGetValue(MulticlassPredictionReadAsValueRule.ColumnProperty, out var column)
                    || column is null
                    || NodeAt<ExpressionSyntax>(root, diagnostic, 0) is not { } estimator
                    || NodeAt<ExpressionSyntax>(root, diagnostic, 1) is not { } mlContext)
                {
                    continue;
                }

                var receiver = estimator is IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax or ParenthesizedExpressionSyntax
                    ? estimator.WithoutTrivia()
                    : SyntaxFactory.ParenthesizedExpression(estimator.WithoutTrivia());
                var mapped = SyntaxFactory.ParseExpression(
                    $"{receiver}.Append({mlContext.WithoutTrivia()}.Transforms.Conversion.MapKeyToValue({SyntaxFactory.Literal(column)}))")
                    .WithTriviaFrom(estimator);
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Append MapKeyToValue(\"{column}\")",
                        _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(estimator, mapped))),
                        equivalenceKey: MulticlassPredictionReadAsValueRule.Id),
                    diagnostic);
            }
        }
    }
}
