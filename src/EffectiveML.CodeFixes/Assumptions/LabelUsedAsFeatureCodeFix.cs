using System.Composition;
using System.Threading.Tasks;
using EffectiveML.Analyzers.Infrastructure;
using EffectiveML.Analyzers.Rules.Assumptions;
using EffectiveML.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace EffectiveML.CodeFixes.Assumptions
{
    /// <summary>EML4007: removes the leaking column from the <c>Concatenate</c> inputs.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LabelUsedAsFeatureCodeFix)), Shared]
    public sealed class LabelUsedAsFeatureCodeFix : RuleCodeFix
    {
        protected override string RuleId => LabelUsedAsFeatureRule.Id;

        public override string Summary => "remove the label from the inputs";

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return;
            }

            foreach (var diagnostic in OwnFindings(context))
            {
                if (!diagnostic.Properties.TryGetValue(LabelUsedAsFeatureRule.RemovableProperty, out var column)
                    || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not { } node)
                {
                    continue;
                }

                // The leaking input is a params argument of Concatenate, or an element of an explicit array.
                SyntaxNode? removable = node.FirstAncestorOrSelf<ArgumentSyntax>() is { Parent: ArgumentListSyntax } argument && argument.Span == node.Span
                    ? argument
                    : node.Parent is InitializerExpressionSyntax ? node : null;
                if (removable is null)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Remove '{column}' from the features",
                        _ => Task.FromResult(context.Document.WithSyntaxRoot(root.RemoveNode(removable, SyntaxRemoveOptions.KeepNoTrivia)!)),
                        equivalenceKey: LabelUsedAsFeatureRule.Id),
                    diagnostic);
            }
        }
    }
}
