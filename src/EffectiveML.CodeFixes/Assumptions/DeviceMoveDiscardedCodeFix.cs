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
    /// <summary>EML4204: <c>x.to(device);</c> becomes <c>x = x.to(device);</c>.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DeviceMoveDiscardedCodeFix)), Shared]
    public sealed class DeviceMoveDiscardedCodeFix : RuleCodeFix
    {
        protected override string RuleId => DeviceMoveDiscardedRule.Id;

        public override string Summary => "assign the moved tensor back: `x = x.to(device);`";

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return;
            }

            foreach (var diagnostic in OwnFindings(context))
            {
                if (!diagnostic.Properties.ContainsKey(DeviceMoveDiscardedRule.AssignableProperty)
                    || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } move)
                {
                    continue;
                }

                var assignment = SyntaxFactory.AssignmentExpression(
                    SyntaxKind.SimpleAssignmentExpression,
                    access.Expression.WithoutTrivia(),
                    move.WithoutTrivia()).WithTriviaFrom(move);
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Assign the moved tensor back to '{access.Expression}'",
                        _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(move, assignment))),
                        equivalenceKey: DeviceMoveDiscardedRule.Id),
                    diagnostic);
            }
        }
    }
}
