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
    /// EML4102, multiclass: <c>chain.Append(trainer)</c> becomes
    /// <c>chain.Append(ml.Transforms.Conversion.MapValueToKey("Species")).Append(trainer)</c>, and a
    /// trainer that starts the chain becomes <c>ml.Transforms.Conversion.MapValueToKey("Species").Append(trainer)</c>.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LabelTypeDoesNotFitTaskCodeFix)), Shared]
    public sealed class LabelTypeDoesNotFitTaskCodeFix : RuleCodeFix
    {
        protected override string RuleId => LabelTypeDoesNotFitTaskRule.Id;

        public override string Summary => "multiclass: insert `MapValueToKey` on the label";

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return;
            }

            foreach (var diagnostic in OwnFindings(context))
            {
                if (!diagnostic.Properties.TryGetValue(LabelTypeDoesNotFitTaskRule.MapToKeyProperty, out var label)
                    || label is null
                    || NodeAt<InvocationExpressionSyntax>(root, diagnostic, 0) is not { } trainer
                    || NodeAt<ExpressionSyntax>(root, diagnostic, 1) is not { } mlContext)
                {
                    continue;
                }

                // The label as the trainer names it (nameof, a constant), else as a literal.
                var labelExpression = NodeAt<ExpressionSyntax>(root, diagnostic, 2)?.WithoutTrivia().ToString() ?? SyntaxFactory.Literal(label).ToString();
                var mapToKey = $"{mlContext.WithoutTrivia()}.Transforms.Conversion.MapValueToKey({labelExpression})";
                SyntaxNode target;
                SyntaxNode replacement;
                if (trainer.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Append" } append } } })
                {
                    target = append.Expression;
                    replacement = SyntaxFactory.ParseExpression($"{append.Expression.WithoutTrivia()}.Append({mapToKey})").WithTriviaFrom(append.Expression);
                }
                else
                {
                    target = trainer;
                    replacement = SyntaxFactory.ParseExpression($"{mapToKey}.Append({trainer.WithoutTrivia()})").WithTriviaFrom(trainer);
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Map '{label}' to a key before the trainer",
                        _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(target, replacement))),
                        equivalenceKey: LabelTypeDoesNotFitTaskRule.Id),
                    diagnostic);
            }
        }
    }
}
