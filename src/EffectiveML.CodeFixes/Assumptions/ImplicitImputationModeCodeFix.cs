using System.Collections.Generic;
using System.Composition;
using EffectiveML.Analyzers.Infrastructure;
using EffectiveML.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Simplification;
using EffectiveML.Analyzers.Rules.Assumptions;

namespace EffectiveML.CodeFixes.Assumptions
{
    /// <summary>EML4002: one action per replacement mode, each writing <c>replacementMode: ...ReplacementMode.X</c>.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ImplicitImputationModeCodeFix)), Shared]
    public sealed class ImplicitImputationModeCodeFix : SetArgumentCodeFix
    {
        /// <summary>DefaultValue first: it keeps today's behaviour and only makes it visible.</summary>
        private static readonly string[] Modes = { "DefaultValue", "Mean", "Minimum", "Maximum", "Mode" };

        protected override string RuleId => ImplicitImputationModeRule.Id;

        public override string Summary => "make the mode explicit (one action per mode)";

        protected override IEnumerable<ArgumentChoice> Choices(Diagnostic diagnostic)
        {
            foreach (var mode in Modes)
            {
                // Fully qualified and marked for simplification: the shortest name the file's usings allow.
                var value = SyntaxFactory.ParseExpression("global::Microsoft.ML.Transforms.MissingValueReplacingEstimator.ReplacementMode." + mode)
                    .WithAdditionalAnnotations(Simplifier.Annotation);
                yield return new ArgumentChoice($"Use replacement mode {mode}", RuleId + ":" + mode, "replacementMode", value);
            }
        }
    }
}
