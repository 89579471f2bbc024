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
    /// EML4202: inserts <c>model.eval();</c> before the statement that holds the inference, in the
    /// block that also holds the training (before a validation loop, not inside it).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(InferenceWithoutEvalCodeFix)), Shared]
    public sealed class InferenceWithoutEvalCodeFix : RuleCodeFix
    {
        protected override string RuleId => InferenceWithoutEvalRule.Id;

        public override string Summary => "insert `model.eval();` before the inference";

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return;
            }

            foreach (var diagnostic in OwnFindings(context))
            {
                if (!diagnostic.Properties.TryGetValue(InferenceWithoutEvalRule.ModuleProperty, out var module)
                    || module is null
                    || NodeAt<StatementSyntax>(root, diagnostic, 0) is not { } statement)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Switch to evaluation mode first: {module}.eval()",
                        _ => Task.FromResult(context.Document.WithSyntaxRoot(Statements.InsertBefore(root, statement, $"{module}.eval();"))),
                        equivalenceKey: InferenceWithoutEvalRule.Id),
                    diagnostic);
            }
        }
    }
}
