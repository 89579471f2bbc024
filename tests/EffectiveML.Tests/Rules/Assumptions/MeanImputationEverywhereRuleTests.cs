using System.Threading.Tasks;
using Xunit;
using VerifyEML4001 = EffectiveML.Tests.Infrastructure.Verify<EffectiveML.Analyzers.Rules.Assumptions.MeanImputationEverywhereRule>;

namespace EffectiveML.Tests.Rules.Assumptions
{
    public class MeanImputationEverywhereRuleTests
    {
        [Fact]
        public async Task Flags_mean_over_several_column_pairs()
        {
            const string source = """
                using Microsoft.ML;
                using Microsoft.ML.Transforms;

                public static class Preparation
                {
                    public static IEstimator<ITransformer> Build(MLContext mlContext)
                    {
                        return mlContext.Transforms.{|#0:ReplaceMissingValues(
                                new[]
                                {
                                    new InputOutputColumnPair("Age"),
                                    new InputOutputColumnPair("Fare"),
                                    new InputOutputColumnPair("CabinDeck"),
                                    new InputOutputColumnPair("Siblings"),
                                    new InputOutputColumnPair("Parents"),
                                },
                                MissingValueReplacingEstimator.ReplacementMode.Mean)|}
                            .Append(mlContext.Transforms.Concatenate("Features", "Age", "Fare", "CabinDeck", "Siblings", "Parents"));
                    }
                }
                """;

            await VerifyEML4001.Analyzer(
                source,
                VerifyEML4001.Diagnostic("EML4001").WithLocation(0).WithArguments("columns 'Age', 'Fare', 'CabinDeck' and 2 more"));
        }

        [Fact]
        public async Task Flags_mean_on_the_concatenated_features_vector()
        {
            const string source = """
                using Microsoft.ML;
                using Microsoft.ML.Transforms;

                public static class Preparation
                {
                    public static IEstimator<ITransformer> Build(MLContext mlContext)
                    {
                        var features = mlContext.Transforms.Concatenate("Features", nameof(House.Size), nameof(House.Rooms), nameof(House.Age));
                        var pipeline = features
                            .Append(mlContext.Transforms.{|#0:ReplaceMissingValues("Features", replacementMode: MissingValueReplacingEstimator.ReplacementMode.Mean)|})
                            .Append(mlContext.Transforms.NormalizeMinMax("Features"))
                            .Append(mlContext.Regression.Trainers.Sdca());
                        return pipeline;
                    }
                }

                public class House
                {
                    public float Size { get; set; }
                    public float Rooms { get; set; }
                    public float Age { get; set; }
                    public float Label { get; set; }
                }
                """;

            await VerifyEML4001.Analyzer(
                source,
                VerifyEML4001.Diagnostic("EML4001").WithLocation(0).WithArguments("the vector 'Features' concatenated from 'Size', 'Rooms' and 'Age'"));
        }

        [Fact]
        public async Task Flags_mean_on_a_vector_concatenated_from_a_column_list_in_view()
        {
            const string source = """
                using System.Linq;
                using Microsoft.ML;
                using Microsoft.ML.Transforms;

                public static class Preparation
                {
                    private const string Target = "Survived";

                    public static IEstimator<ITransformer> Build(MLContext mlContext)
                    {
                        var numeric = new[] { "Age", "Fare", "Siblings", Target }.Where(c => c != Target).ToArray();
                        return mlContext.Transforms.Concatenate("Features", numeric)
                            .Append(mlContext.Transforms.{|#0:ReplaceMissingValues("Features", replacementMode: MissingValueReplacingEstimator.ReplacementMode.Mean)|});
                    }
                }
                """;

            await VerifyEML4001.Analyzer(
                source,
                VerifyEML4001.Diagnostic("EML4001").WithLocation(0).WithArguments("the vector 'Features' concatenated from 'Age', 'Fare' and 'Siblings'"));
        }

        [Fact]
        public async Task Quiet_for_mean_on_a_single_column()
        {
            const string source = """
                using Microsoft.ML;
                using Microsoft.ML.Transforms;

                public static class Preparation
                {
                    public static IEstimator<ITransformer> Build(MLContext mlContext) =>
                        mlContext.Transforms.ReplaceMissingValues("Temperature", replacementMode: MissingValueReplacingEstimator.ReplacementMode.Mean)
                            .Append(mlContext.Transforms.ReplaceMissingValues(new[] { new InputOutputColumnPair("Humidity") }, MissingValueReplacingEstimator.ReplacementMode.Mean))
                            .Append(mlContext.Transforms.Concatenate("Features", "Temperature", "Humidity"));
                }
                """;

            await VerifyEML4001.Analyzer(source);
        }

        [Fact]
        public async Task Quiet_when_each_column_gets_its_own_mode()
        {
            const string source = """
                using Microsoft.ML;
                using Microsoft.ML.Transforms;

                public static class Preparation
                {
                    public static IEstimator<ITransformer> Build(MLContext mlContext) =>
                        mlContext.Transforms.ReplaceMissingValues("Age", replacementMode: MissingValueReplacingEstimator.ReplacementMode.Mean)
                            .Append(mlContext.Transforms.ReplaceMissingValues("Income", replacementMode: MissingValueReplacingEstimator.ReplacementMode.Minimum))
                            .Append(mlContext.Transforms.IndicateMissingValues("IncomeMissing", "Income"))
                            .Append(mlContext.Transforms.ReplaceMissingValues(
                                new[] { new InputOutputColumnPair("Visits"), new InputOutputColumnPair("Calls") },
                                MissingValueReplacingEstimator.ReplacementMode.Mode))
                            .Append(mlContext.Transforms.Concatenate("Features", "Age", "Income", "Visits", "Calls"));
                }
                """;

            await VerifyEML4001.Analyzer(source);
        }

        [Fact]
        public async Task Quiet_when_the_mean_goes_into_a_vector_that_was_not_concatenated_in_view()
        {
            const string source = """
                using Microsoft.ML;
                using Microsoft.ML.Transforms;

                public static class Preparation
                {
                    public static IEstimator<ITransformer> Build(MLContext mlContext, IEstimator<ITransformer> featurizer) =>
                        featurizer.Append(mlContext.Transforms.ReplaceMissingValues("Features", replacementMode: MissingValueReplacingEstimator.ReplacementMode.Mean));
                }
                """;

            await VerifyEML4001.Analyzer(source);
        }

        [Fact]
        public async Task Quiet_when_the_columns_are_built_at_run_time()
        {
            const string source = """
                using System.Linq;
                using Microsoft.ML;
                using Microsoft.ML.Transforms;

                public static class Preparation
                {
                    public static IEstimator<ITransformer> Build(MLContext mlContext, string[] numericColumns) =>
                        mlContext.Transforms.ReplaceMissingValues(
                            numericColumns.Select(c => new InputOutputColumnPair(c)).ToArray(),
                            MissingValueReplacingEstimator.ReplacementMode.Mean);
                }
                """;

            await VerifyEML4001.Analyzer(source);
        }
    }
}
