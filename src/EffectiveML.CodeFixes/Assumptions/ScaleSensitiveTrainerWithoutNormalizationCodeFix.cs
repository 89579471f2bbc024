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
    /// <summary>
    /// EML4010: <c>chain.Append(trainer)</c> becomes
    /// <c>chain.Append(ml.Transforms.NormalizeMinMax("Features")).Append(trainer)</c>.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ScaleSensitiveTrainerWithoutNormalizationCodeFix)), Shared]
    public sealed class ScaleSensitiveTrainerWithoutNormalizationCodeFix : RuleCodeFix
    {
        protected override string RuleId => ScaleSensitiveTrainerWithoutNormalizationRule.Id;

        public override string Summary => "insert `NormalizeMinMax` before the trainer";

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return;
            }

            foreach (var diagnostic in OwnFindings(context))
            {
                if (!diagnostic.Properties.TryGetValue(ScaleSensitiveTrainerWithoutNormalizationRule.ContextProperty, out var mlContext)
                    || !diagnostic.Properties.TryGetValue(ScaleSensitiveTrainerWithoutNormalizationRule.FeatureColumnProperty, out var features)
                    || mlContext is null
                    || features is null
                    || diagnostic.AdditionalLocations.Count == 0
                    || root.FindNode(diagnostic.AdditionalLocations[0].SourceSpan, getInnermostNodeForTie: true)?.FirstAncestorOrSelf<ArgumentSyntax>() is not { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax append } }
                    || append.Expression is not MemberAccessExpressionSyntax access)
                {
                    continue;
                }

                var normalizer = SyntaxFactory.ParseExpression(
                    $"{mlContext}.Transforms.NormalizeMinMax({SyntaxFactory.Literal(features).ToFullString()})");
                // The new call takes the line break that preceded ".Append(trainer)", so a fluent chain stays one call per line.
                var withNormalizer = SyntaxFactory.InvocationExpression(
                        access.WithName(SyntaxFactory.IdentifierName("Append")),
                        SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(normalizer))))
                    .WithTrailingTrivia(access.Expression.GetTrailingTrivia());
                var fixedAppend = append.WithExpression(access.WithExpression(withNormalizer));

                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Normalize '{features}' before the trainer: NormalizeMinMax",
                        _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(append, fixedAppend))),
                        equivalenceKey: ScaleSensitiveTrainerWithoutNormalizationRule.Id),
                    diagnostic);
            }
        }
    }
}
