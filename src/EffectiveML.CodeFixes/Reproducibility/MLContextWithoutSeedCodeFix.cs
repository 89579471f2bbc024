using System.Composition;
using EffectiveML.Analyzers.Infrastructure;
using EffectiveML.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using EffectiveML.Analyzers.Rules.Reproducibility;

namespace EffectiveML.CodeFixes.Reproducibility
{
    /// <summary>EML5001: <c>new MLContext()</c> becomes <c>new MLContext(seed: 0)</c>; an explicit null seed becomes 0.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MLContextWithoutSeedCodeFix)), Shared]
    public sealed class MLContextWithoutSeedCodeFix : AddSeedCodeFix
    {
        protected override string RuleId => MLContextWithoutSeedRule.Id;

        public override string Summary => "add `seed: 0`";

        protected override SyntaxNode? FindTarget(SyntaxNode diagnosticNode) =>
            diagnosticNode.FirstAncestorOrSelf<BaseObjectCreationExpressionSyntax>();

        protected override SyntaxNode WithSeed(SyntaxNode target, int seed)
        {
            var creation = (BaseObjectCreationExpressionSyntax)target;
            return creation.WithArgumentList(SeedArguments.WithSeed(creation.ArgumentList, seed, seedOrdinal: 0, named: true));
        }
    }
}
