using System.Composition;
using System.Threading.Tasks;
using EffectiveML.Analyzers.Rules.Assumptions;
using EffectiveML.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace EffectiveML.CodeFixes.Assumptions
{
    /// <summary>EML4201: inserts <c>optimizer.zero_grad();</c> as the first statement of the loop's body.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(GradientsNotClearedCodeFix)), Shared]
    public sealed class GradientsNotClearedCodeFix : RuleCodeFix
    {
        protected override string RuleId => GradientsNotClearedRule.Id;

        public override string Summary => "insert `optimizer.zero_grad();` at the start of the loop body";

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return;
            }

            foreach (var diagnostic in OwnFindings(context))
            {
                if (!diagnostic.Properties.TryGetValue(GradientsNotClearedRule.OptimizerProperty, out var optimizer)
                    || optimizer is null
                    || NodeAt<StatementSyntax>(root, diagnostic, 0) is not { } body)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Clear the gradients: {optimizer}.zero_grad()",
                        _ => Task.FromResult(context.Document.WithSyntaxRoot(
                            root.ReplaceNode(body, Statements.InsertFirst(body, $"{optimizer}.zero_grad();")))),
                        equivalenceKey: GradientsNotClearedRule.Id),
                    diagnostic);
            }
        }
    }
}
