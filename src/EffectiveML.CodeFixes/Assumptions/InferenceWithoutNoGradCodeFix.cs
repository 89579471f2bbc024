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
    /// <summary>
    /// EML4203: wraps the inference (the evaluation loop that holds it, or its statement) in
    /// <c>using (torch.no_grad()) { … }</c>. A local declaration is left to the user: wrapping it
    /// would hide the local from the statements after it.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(InferenceWithoutNoGradCodeFix)), Shared]
    public sealed class InferenceWithoutNoGradCodeFix : RuleCodeFix
    {
        protected override string RuleId => InferenceWithoutNoGradRule.Id;

        public override string Summary => "wrap the inference in `using (torch.no_grad())`";

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var semanticModel = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || semanticModel is null)
            {
                return;
            }

            foreach (var diagnostic in OwnFindings(context))
            {
                if (!diagnostic.Properties.ContainsKey(InferenceWithoutNoGradRule.WrapProperty)
                    || NodeAt<StatementSyntax>(root, diagnostic, 0) is not { } statement
                    || statement is LocalDeclarationStatementSyntax)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Run the inference without gradients: using (torch.no_grad())",
                        _ => Task.FromResult(context.Document.WithSyntaxRoot(
                            root.ReplaceNode(statement, Statements.WrapInUsing(statement, Statements.Torch(semanticModel, statement.SpanStart) + ".no_grad()")))),
                        equivalenceKey: InferenceWithoutNoGradRule.Id),
                    diagnostic);
            }
        }
    }
}
