using System.Threading.Tasks;
using Xunit;
using VerifyEML4009 = EffectiveML.Tests.Infrastructure.Verify<EffectiveML.Analyzers.Rules.Assumptions.FittedBeforeSplitRule>;

namespace EffectiveML.Tests.Rules.Assumptions
{
    public class FittedBeforeSplitRuleTests
    {
        private const string Schema = """

            public class Flower
            {
                [Microsoft.ML.Data.LoadColumn(0)] public float PetalLength { get; set; }
                [Microsoft.ML.Data.LoadColumn(1)] public float PetalWidth { get; set; }
                [Microsoft.ML.Data.LoadColumn(2)] public string Species { get; set; } = "";
            }
            """;

        [Fact]
        public async Task Flags_a_normalizer_fitted_on_all_data_then_split()
        {
            const string source = """
                using Microsoft.ML;

                public static class Training
                {
                    public static void Train(MLContext mlContext)
                    {
                        var data = mlContext.Data.LoadFromTextFile<Flower>("iris.csv", ',', hasHeader: true);
                        var preparation = mlContext.Transforms.Concatenate("Features", "PetalLength", "PetalWidth")
                            .Append(mlContext.Transforms.NormalizeMinMax("Features"))
                            .{|#0:Fit(data)|};
                        var prepared = preparation.Transform(data);
                        var split = mlContext.Data.TrainTestSplit(prepared, testFraction: 0.2, seed: 3);
                        var folds = mlContext.MulticlassClassification.CrossValidate(prepared, mlContext.MulticlassClassification.Trainers.SdcaMaximumEntropy(), seed: 3);
                    }
                }
                """ + Schema;

            await VerifyEML4009.Analyzer(
                source,
                VerifyEML4009.Diagnostic("EML4009").WithLocation(0).WithArguments("'NormalizeMinMax'", "TrainTestSplit"));
        }

        [Fact]
        public async Task Flags_text_featurization_and_learned_imputation_before_cross_validation()
        {
            const string source = """
                using Microsoft.ML;
                using Microsoft.ML.Transforms;

                public static class Training
                {
                    public static void Train(MLContext mlContext, IDataView reviews)
                    {
                        var featurizer = mlContext.Transforms.Text.FeaturizeText("Features", "Text")
                            .Append(mlContext.Transforms.ReplaceMissingValues("Rating", replacementMode: MissingValueReplacingEstimator.ReplacementMode.Mean));
                        var featurized = featurizer.{|#0:Fit(reviews)|}.Transform(reviews);
                        var results = mlContext.BinaryClassification.CrossValidate(featurized, mlContext.BinaryClassification.Trainers.SdcaLogisticRegression(), numberOfFolds: 5, seed: 1);
                    }
                }
                """;

            await VerifyEML4009.Analyzer(
                source,
                VerifyEML4009.Diagnostic("EML4009").WithLocation(0).WithArguments("'FeaturizeText' and 'ReplaceMissingValues'", "CrossValidate"));
        }

        [Fact]
        public async Task Quiet_for_label_key_mapping_before_the_split()
        {
            const string source = """
                using Microsoft.ML;

                public static class Training
                {
                    public static ITransformer Train(MLContext mlContext)
                    {
                        var data = mlContext.Data.LoadFromTextFile<Flower>("iris.csv", ',', hasHeader: true);
                        var keyed = mlContext.Transforms.Conversion.MapValueToKey("Label", nameof(Flower.Species)).Fit(data).Transform(data);
                        var split = mlContext.Data.TrainTestSplit(keyed, testFraction: 0.2, seed: 3);
                        var pipeline = mlContext.Transforms.Concatenate("Features", "PetalLength", "PetalWidth")
                            .Append(mlContext.Transforms.NormalizeMinMax("Features"))
                            .Append(mlContext.MulticlassClassification.Trainers.SdcaMaximumEntropy());
                        return pipeline.Fit(split.TrainSet);
                    }
                }
                """ + Schema;

            await VerifyEML4009.Analyzer(source);
        }

        [Fact]
        public async Task Quiet_when_the_normalizer_is_fitted_on_the_training_side_or_the_split_comes_first()
        {
            const string source = """
                using Microsoft.ML;

                public static class Training
                {
                    public static void Train(MLContext mlContext, IDataView data, IDataView other)
                    {
                        var split = mlContext.Data.TrainTestSplit(data, testFraction: 0.2, seed: 3);
                        var normalizer = mlContext.Transforms.NormalizeMinMax("Features").Fit(split.TrainSet);
                        var train = normalizer.Transform(split.TrainSet);
                        var test = normalizer.Transform(split.TestSet);

                        // The normalizer inside the cross-validated pipeline is refitted on each fold's training rows.
                        var folds = mlContext.Regression.CrossValidate(
                            data,
                            mlContext.Transforms.NormalizeMinMax("Features").Append(mlContext.Regression.Trainers.Sdca()),
                            numberOfFolds: 5,
                            seed: 3);

                        // Fitted on other rows than the ones split.
                        var fromOther = mlContext.Transforms.NormalizeMeanVariance("Features").Fit(other);
                        var resplit = mlContext.Data.TrainTestSplit(fromOther.Transform(data), seed: 4);
                    }
                }
                """;

            await VerifyEML4009.Analyzer(source);
        }
    }
}
