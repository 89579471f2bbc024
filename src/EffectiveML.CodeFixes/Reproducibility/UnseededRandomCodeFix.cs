using System.Composition;
using EffectiveML.Analyzers.Infrastructure;
using EffectiveML.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using EffectiveML.Analyzers.Rules.Reproducibility;

namespace EffectiveML.CodeFixes.Reproducibility
{
    /// <summary>
    /// EML5003: <c>new Random()</c> becomes <c>new Random(0)</c>. <c>Random.Shared</c> gets no fix:
    /// replacing a shared generator with a new seeded one at each use would repeat the same number.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnseededRandomCodeFix)), Shared]
    public sealed class UnseededRandomCodeFix : AddSeedCodeFix
    {
        protected override string RuleId => UnseededRandomRule.Id;

        public override string Summary => "add a seed to `new Random()`";

        /// <summary>The analyzer attaches a seed only to creations, the one case with a mechanical fix.</summary>
        protected override bool CanFix(Diagnostic diagnostic) =>
            diagnostic.Properties.ContainsKey(EffectiveMLOptions.SeedValueProperty);

        protected override SyntaxNode? FindTarget(SyntaxNode diagnosticNode) =>
            diagnosticNode.FirstAncestorOrSelf<BaseObjectCreationExpressionSyntax>();

        protected override SyntaxNode WithSeed(SyntaxNode target, int seed)
        {
            var creation = (BaseObjectCreationExpressionSyntax)target;
            return creation.WithArgumentList(SeedArguments.WithSeed(creation.ArgumentList, seed, seedOrdinal: -1, named: false));
        }
    }
}
