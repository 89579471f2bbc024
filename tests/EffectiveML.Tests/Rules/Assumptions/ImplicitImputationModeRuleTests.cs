using System.Threading.Tasks;
using EffectiveML.CodeFixes.Assumptions;
using Microsoft.CodeAnalysis;
using Xunit;
using VerifyEML4002 = EffectiveML.Tests.Infrastructure.Verify<EffectiveML.Analyzers.Rules.Assumptions.ImplicitImputationModeRule>;

namespace EffectiveML.Tests.Rules.Assumptions
{
    public class ImplicitImputationModeRuleTests
    {
        [Fact]
        public async Task Flags_replace_missing_values_without_a_mode()
        {
            const string source = """
                using Microsoft.ML;

                public static class Preparation
                {
                    public static IEstimator<ITransformer> Build(MLContext mlContext) =>
                        mlContext.Transforms.{|#0:ReplaceMissingValues("Age")|}
                            .Append(mlContext.Transforms.{|#1:ReplaceMissingValues(new[] { new InputOutputColumnPair("Fare"), new InputOutputColumnPair("Siblings") })|})
                            .Append(mlContext.Transforms.Concatenate("Features", "Age", "Fare", "Siblings"));
                }
                """;

            await VerifyEML4002.Analyzer(
                source,
                VerifyEML4002.Diagnostic("EML4002").WithLocation(0).WithSeverity(DiagnosticSeverity.Info).WithArguments("'Age'"),
                VerifyEML4002.Diagnostic("EML4002").WithLocation(1).WithSeverity(DiagnosticSeverity.Info).WithArguments("'Fare' and 'Siblings'"));
        }

        [Fact]
        public async Task Quiet_when_the_mode_is_explicit_even_if_it_is_the_default()
        {
            const string source = """
                using Microsoft.ML;
                using Microsoft.ML.Transforms;

                public static class Preparation
                {
                    public static IEstimator<ITransformer> Build(MLContext mlContext, MissingValueReplacingEstimator.ReplacementMode configured) =>
                        mlContext.Transforms.ReplaceMissingValues("Age", "Age", MissingValueReplacingEstimator.ReplacementMode.DefaultValue)
                            .Append(mlContext.Transforms.ReplaceMissingValues("Fare", replacementMode: configured))
                            .Append(mlContext.Transforms.IndicateMissingValues("AgeMissing", "Age"));
                }
                """;

            await VerifyEML4002.Analyzer(source);
        }

        [Theory]
        [InlineData("DefaultValue")]
        [InlineData("Mean")]
        [InlineData("Mode")]
        public async Task Fix_makes_the_chosen_mode_explicit(string mode)
        {
            const string source = """
                using Microsoft.ML;
                using Microsoft.ML.Transforms;

                public static class Preparation
                {
                    public static IEstimator<ITransformer> Build(MLContext mlContext) =>
                        mlContext.Transforms.{|EML4002:ReplaceMissingValues("Age")|}
                            .Append(mlContext.Transforms.{|EML4002:ReplaceMissingValues("Fare", "FareRaw", imputeBySlot: false)|});
                }
                """;

            var fixedSource = $$"""
                using Microsoft.ML;
                using Microsoft.ML.Transforms;

                public static class Preparation
                {
                    public static IEstimator<ITransformer> Build(MLContext mlContext) =>
                        mlContext.Transforms.ReplaceMissingValues("Age", replacementMode: MissingValueReplacingEstimator.ReplacementMode.{{mode}})
                            .Append(mlContext.Transforms.ReplaceMissingValues("Fare", "FareRaw", imputeBySlot: false, replacementMode: MissingValueReplacingEstimator.ReplacementMode.{{mode}}));
                }
                """;

            await VerifyEML4002.Test(source)
                .FixedTo<ImplicitImputationModeCodeFix>(fixedSource)
                .ChoosingAction("EML4002:" + mode)
                .RunAsync();
        }

        [Fact]
        public async Task Fix_writes_the_full_name_when_the_namespace_is_not_imported()
        {
            const string source = """
                using Microsoft.ML;

                public static class Preparation
                {
                    public static IEstimator<ITransformer> Build(MLContext mlContext) =>
                        mlContext.Transforms.{|EML4002:ReplaceMissingValues("Age")|};
                }
                """;

            const string fixedSource = """
                using Microsoft.ML;

                public static class Preparation
                {
                    public static IEstimator<ITransformer> Build(MLContext mlContext) =>
                        mlContext.Transforms.ReplaceMissingValues("Age", replacementMode: Microsoft.ML.Transforms.MissingValueReplacingEstimator.ReplacementMode.Minimum);
                }
                """;

            await VerifyEML4002.Test(source)
                .FixedTo<ImplicitImputationModeCodeFix>(fixedSource)
                .ChoosingAction("EML4002:Minimum")
                .RunAsync();
        }
    }
}
