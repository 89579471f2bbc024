using System.Threading.Tasks;
using EffectiveML.Analyzers.Rules.Assumptions;
using Microsoft.CodeAnalysis;
using Xunit;
using VerifyEML4003 = EffectiveML.Tests.Infrastructure.Verify<EffectiveML.Analyzers.Rules.Assumptions.ImputedWithoutIndicatorRule>;

namespace EffectiveML.Tests.Rules.Assumptions
{
    public class ImputedWithoutIndicatorRuleTests
    {
        private const string Enabled = "dotnet_diagnostic.EML4003.severity = suggestion\n";

        private const string Pipeline = """
            using Microsoft.ML;
            using Microsoft.ML.Transforms;

            public static class Preparation
            {
                public static IEstimator<ITransformer> Build(MLContext mlContext) =>
                    mlContext.Transforms.IndicateMissingValues("IncomeMissing", "Income")
                        .Append(mlContext.Transforms.{|#0:ReplaceMissingValues("Income", replacementMode: MissingValueReplacingEstimator.ReplacementMode.Mean)|})
                        .Append(mlContext.Transforms.{|#1:ReplaceMissingValues("Age", replacementMode: MissingValueReplacingEstimator.ReplacementMode.Mean)|})
                        .Append(mlContext.Transforms.Concatenate("Features", "Income", "IncomeMissing", "Age"));
            }
            """;

        [Fact]
        public async Task Flags_an_imputed_column_without_an_indicator_when_enabled()
        {
            await VerifyEML4003.Test(Pipeline)
                .WithEditorConfig(Enabled)
                .Expecting(VerifyEML4003.Diagnostic("EML4003").WithLocation(1).WithSeverity(DiagnosticSeverity.Info).WithArguments("Age"))
                .RunAsync();
        }

        [Fact]
        public async Task Quiet_by_default()
        {
            var plain = Pipeline.Replace("{|#0:", string.Empty).Replace("{|#1:", string.Empty).Replace(")|}", ")");
            Assert.Empty(await VerifyEML4003.AsBuilt(plain));
            Assert.Single(await VerifyEML4003.AsBuilt(plain, enabledRule: "EML4003"));
            Assert.False(ImputedWithoutIndicatorRule.Descriptor.IsEnabledByDefault);
        }

        [Fact]
        public async Task Quiet_when_part_of_the_pipeline_is_not_in_view()
        {
            const string source = """
                using Microsoft.ML;
                using Microsoft.ML.Transforms;

                public static class Preparation
                {
                    public static IEstimator<ITransformer> Build(MLContext mlContext, IEstimator<ITransformer> indicators) =>
                        indicators.Append(mlContext.Transforms.ReplaceMissingValues("Age", replacementMode: MissingValueReplacingEstimator.ReplacementMode.Mean));
                }
                """;

            await VerifyEML4003.Test(source).WithEditorConfig(Enabled).RunAsync();
        }
    }
}
