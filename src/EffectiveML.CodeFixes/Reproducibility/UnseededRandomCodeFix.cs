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
    /// <summary>
    /// EML5003: <c>new Random()</c> becomes <c>new Random(0)</c>. <c>Random.Shared</c> gets no fix:
    /// replacing a shared generator with a new seeded one at each use would repeat the same number.
    /// </summary>
    [ExportCodeFixProvider(Microsoft.CodeAnalysis.LanguageNames.CSharp, Name = nameof(UnseededRandomCodeFix)), Shared]
    public sealed class UnseededRandomCodeFix : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.UnseededRandom);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            foreach (var diagnostic in context.Diagnostics)
            {
                if (!diagnostic.Properties.ContainsKey(EffectiveMLOptions.SeedValueProperty)
                    || root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not { } node
                    || node.FirstAncestorOrSelf<BaseObjectCreationExpressionSyntax>() is not { } creation)
                {
                    continue;
                }

                var seed = SeedArguments.SeedFrom(diagnostic);
                var title = $"Add seed: {seed}";
                context.RegisterCodeFix(
                    CodeAction.Create(
                        title,
                        _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(
                            creation,
                            creation.WithArgumentList(SeedArguments.WithSeed(creation.ArgumentList, seed, seedOrdinal: -1, named: false))))),
                        equivalenceKey: RuleIds.UnseededRandom + ":" + title),
                    diagnostic);
            }
        }
    }
}
