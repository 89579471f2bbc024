using System.Composition;
using System.Threading.Tasks;
using EffectiveML.Analyzers.Rules.Impact;
using EffectiveML.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace EffectiveML.CodeFixes.Impact
{
    /// <summary>
    /// EML2006: the loop's body becomes <c>{ using (torch.NewDisposeScope()) { …body… } }</c>, so
    /// each iteration's tensors are disposed when the iteration ends.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TensorsNotDisposedInLoopCodeFix)), Shared]
    public sealed class TensorsNotDisposedInLoopCodeFix : RuleCodeFix
    {
        protected override string RuleId => TensorsNotDisposedInLoopRule.Id;

        public override string Summary => "wrap the loop body in `using (torch.NewDisposeScope())`";

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
                if (NodeAt<StatementSyntax>(root, diagnostic, 0) is not { } body)
                {
                    continue;
                }

                var scoped = Statements.WrapInUsing(body, Statements.Torch(semanticModel, body.SpanStart) + ".NewDisposeScope()");
                var replacement = body is BlockSyntax block
                    ? SyntaxFactory.Block(scoped.WithoutTrivia()).WithOpenBraceToken(block.OpenBraceToken).WithCloseBraceToken(block.CloseBraceToken).WithTriviaFrom(block)
                    : (StatementSyntax)scoped;
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Dispose each iteration's tensors: using (torch.NewDisposeScope())",
                        _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(body, replacement))),
                        equivalenceKey: TensorsNotDisposedInLoopRule.Id),
                    diagnostic);
            }
        }
    }
}
