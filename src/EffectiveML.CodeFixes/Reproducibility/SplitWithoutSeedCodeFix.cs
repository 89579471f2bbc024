using System.Composition;
using EffectiveML.Analyzers.Infrastructure;
using EffectiveML.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using EffectiveML.Analyzers.Rules.Reproducibility;

namespace EffectiveML.CodeFixes.Reproducibility
{
    /// <summary>EML5002: <c>TrainTestSplit(data)</c> becomes <c>TrainTestSplit(data, seed: 0)</c>; <c>seed: null</c> becomes <c>seed: 0</c>.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SplitWithoutSeedCodeFix)), Shared]
    public sealed class SplitWithoutSeedCodeFix : AddSeedCodeFix
    {
        protected override string RuleId => SplitWithoutSeedRule.Id;

        public override string Summary => "add `seed: 0`";

        protected override SyntaxNode? FindTarget(SyntaxNode diagnosticNode) =>
            diagnosticNode.FirstAncestorOrSelf<InvocationExpressionSyntax>();

        protected override SyntaxNode WithSeed(SyntaxNode target, int seed)
        {
            var invocation = (InvocationExpressionSyntax)target;
            return invocation.WithArgumentList(SeedArguments.WithSeed(invocation.ArgumentList, seed, seedOrdinal: -1, named: true));
        }
    }
}
