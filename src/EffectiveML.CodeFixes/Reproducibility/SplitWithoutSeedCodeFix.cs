using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using EffectiveML.Analyzers.Infrastructure;
using EffectiveML.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace EffectiveML.CodeFixes.Reproducibility
{
    /// <summary>EML5002: <c>TrainTestSplit(data)</c> becomes <c>TrainTestSplit(data, seed: 0)</c>.</summary>
    [ExportCodeFixProvider(Microsoft.CodeAnalysis.LanguageNames.CSharp, Name = nameof(SplitWithoutSeedCodeFix)), Shared]
    public sealed class SplitWithoutSeedCodeFix : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.SplitWithoutSeed);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            foreach (var diagnostic in context.Diagnostics)
            {
                if (root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not { } node
                    || node.FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { } invocation)
                {
                    continue;
                }

                var seed = SeedArguments.SeedFrom(diagnostic);
                var title = $"Add seed: {seed}";
                context.RegisterCodeFix(
                    CodeAction.Create(
                        title,
                        _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(
                            invocation,
                            invocation.WithArgumentList(SeedArguments.WithSeed(invocation.ArgumentList, seed, seedOrdinal: -1, named: true))))),
                        equivalenceKey: RuleIds.SplitWithoutSeed + ":" + title),
                    diagnostic);
            }
        }
    }
}
