using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace EffectiveML.CodeFixes.Infrastructure
{
    /// <summary>
    /// The reproducibility fixes: each writes the seed the analyzer passed in the diagnostic (from
    /// the rule's <c>seed_value</c> option) into the call or creation it reported. A subclass says
    /// which node that is and how the seed goes in.
    /// </summary>
    public abstract class AddSeedCodeFix : RuleCodeFix
    {
        public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return;
            }

            foreach (var diagnostic in OwnFindings(context))
            {
                if (!CanFix(diagnostic)
                    || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not { } node
                    || FindTarget(node) is not { } target)
                {
                    continue;
                }

                var seed = SeedArguments.SeedFrom(diagnostic);
                var title = $"Add seed: {seed}";
                context.RegisterCodeFix(
                    CodeAction.Create(
                        title,
                        _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(target, WithSeed(target, seed)))),
                        equivalenceKey: RuleId + ":" + title),
                    diagnostic);
            }
        }

        /// <summary>Whether this diagnostic has a mechanical fix at all.</summary>
        protected virtual bool CanFix(Diagnostic diagnostic) => true;

        /// <summary>The call or creation to rewrite, found from the node the diagnostic covers.</summary>
        protected abstract SyntaxNode? FindTarget(SyntaxNode diagnosticNode);

        protected abstract SyntaxNode WithSeed(SyntaxNode target, int seed);
    }
}
