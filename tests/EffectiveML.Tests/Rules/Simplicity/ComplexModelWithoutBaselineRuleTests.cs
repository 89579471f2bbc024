using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;
using VerifyEML1001 = EffectiveML.Tests.Infrastructure.Verify<EffectiveML.Analyzers.Rules.Simplicity.ComplexModelWithoutBaselineRule>;

namespace EffectiveML.Tests.Rules.Simplicity
{
    public class ComplexModelWithoutBaselineRuleTests
    {
        private const string BoostedTrees = """
            using Microsoft.ML;

            public static class Boosted
            {
                public static ITransformer Train(MLContext mlContext, IDataView trainSet) =>
                    mlContext.Transforms.Concatenate("Features", "Tenure", "Charges")
                        .Append(mlContext.BinaryClassification.Trainers.{|#0:FastTree(numberOfTrees: 200)|})
                        .Fit(trainSet);
            }
            """;

        [Fact]
        public async Task Quiet_for_boosted_trees_with_an_SDCA_baseline_in_another_class()
        {
            const string baseline = """
                using Microsoft.ML;

                public static class Baselines
                {
                    public static IEstimator<ITransformer> Linear(MLContext mlContext)
                    {
                        var pipeline = mlContext.Transforms.Concatenate("Features", "Tenure", "Charges")
                            .Append(mlContext.Transforms.NormalizeMinMax("Features"))
                            .Append(mlContext.BinaryClassification.Trainers.SdcaLogisticRegression());
                        return pipeline;
                    }
                }
                """;

            await VerifyEML1001.Test(BoostedTrees.Replace("{|#0:", string.Empty).Replace(")|}", ")"), baseline).RunAsync();
        }

        [Fact]
        public async Task Quiet_for_ranking_where_ML_NET_offers_no_simple_trainer()
        {
            const string source = """
                using Microsoft.ML;

                public static class SearchRanking
                {
                    public static ITransformer Train(MLContext mlContext, IDataView data)
                    {
                        var pipeline = mlContext.Transforms.Conversion.MapValueToKey("GroupId", "QueryId")
                            .Append(mlContext.Ranking.Trainers.LightGbm());
                        return pipeline.Fit(data);
                    }

                    public static ITransformer TrainTrees(MLContext mlContext, IDataView data) =>
                        mlContext.Ranking.Trainers.FastTree().Fit(data);
                }
                """;

            await VerifyEML1001.Analyzer(source);
        }

        [Fact]
        public async Task Flags_LightGbm_trained_alone()
        {
            const string source = """
                using Microsoft.ML;

                public static class Training
                {
                    public static ITransformer Train(MLContext mlContext, IDataView data)
                    {
                        var pipeline = mlContext.Transforms.Concatenate("Features", "Rooms", "Area")
                            .Append(mlContext.Regression.Trainers.{|#0:LightGbm(numberOfLeaves: 31)|});
                        return pipeline.Fit(data);
                    }
                }
                """;

            await VerifyEML1001.Analyzer(
                source,
                VerifyEML1001.Diagnostic("EML1001").WithLocation(0).WithArguments("LightGbm", "a boosted tree ensemble", string.Empty));
        }

        [Fact]
        public async Task Flags_an_MLNET_TorchSharp_text_classifier_and_a_TorchSharp_training_loop()
        {
            const string source = """
                using Microsoft.ML;
                using Microsoft.ML.TorchSharp;
                using TorchSharp;
                using static TorchSharp.torch;

                public static class Training
                {
                    public static ITransformer Classify(MLContext mlContext, IDataView reviews) =>
                        mlContext.Transforms.Conversion.MapValueToKey("Label")
                            .Append(mlContext.MulticlassClassification.Trainers.{|#0:TextClassification(sentence1ColumnName: "Text")|})
                            .Fit(reviews);

                    public static void TrainNetwork(nn.Module<Tensor, Tensor> network, Tensor inputs, Tensor targets)
                    {
                        var optimizer = optim.Adam(network.parameters());
                        for (var epoch = 0; epoch < 10; epoch++)
                        {
                            optimizer.zero_grad();
                            nn.functional.mse_loss(network.forward(inputs), targets).backward();
                            optimizer.{|#1:step()|};
                        }
                    }
                }
                """;

            await VerifyEML1001.Analyzer(
                source,
                VerifyEML1001.Diagnostic("EML1001").WithLocation(0).WithArguments("TextClassification", "a transformer network fine-tuned by ML.NET TorchSharp", string.Empty),
                VerifyEML1001.Diagnostic("EML1001").WithLocation(1).WithArguments("step", "a TorchSharp network (an optimizer step() in a training loop)", string.Empty));
        }

        [Fact]
        public async Task Quiet_with_a_justified_suppression_and_for_trainers_never_trained()
        {
            const string source = """
                using System.Diagnostics.CodeAnalysis;
                using Microsoft.ML;

                public static class Training
                {
                    [SuppressMessage("Simplicity", "EML1001:Complex model without a simpler baseline", Justification = "beats the SDCA baseline by 6 AUC points, see experiments/2026-03")]
                    public static ITransformer Train(MLContext mlContext, IDataView trainSet) =>
                        mlContext.Transforms.Concatenate("Features", "Tenure", "Charges")
                            .Append(mlContext.BinaryClassification.Trainers.FastTree())
                            .Fit(trainSet);

                    public static object Describe(MLContext mlContext) =>
                        mlContext.BinaryClassification.Trainers.LightGbm().GetType().Name;
                }
                """;

            await VerifyEML1001.Analyzer(source);
        }

        [Fact]
        public async Task Flags_without_a_location_when_the_suppression_has_no_justification()
        {
            const string source = """
                using System.Diagnostics.CodeAnalysis;
                using Microsoft.ML;

                public static class Training
                {
                    [SuppressMessage("Simplicity", "EML1001")]
                    public static ITransformer Train(MLContext mlContext, IDataView trainSet) =>
                        mlContext.Transforms.Concatenate("Features", "Tenure", "Charges")
                            .Append(mlContext.BinaryClassification.Trainers.FastForest())
                            .Fit(trainSet);
                }
                """;

            await VerifyEML1001.Analyzer(
                source,
                VerifyEML1001.Diagnostic("EML1001").WithArguments(
                    "FastForest",
                    "a random forest",
                    " (in 'Training.Train', whose [SuppressMessage] gives no Justification)"));
        }

        [Fact]
        public async Task Options_extend_the_table_with_baselines_and_complex_trainers()
        {
            await VerifyEML1001.Test(BoostedTrees.Replace("{|#0:", string.Empty).Replace(")|}", ")"))
                .WithEditorConfig("effective_ml.EML1001.baseline_trainers = FastTree\n")
                .RunAsync();

            const string source = """
                using Microsoft.ML;

                public static class Training
                {
                    public static ITransformer Train(MLContext mlContext, IDataView trainSet) =>
                        mlContext.Transforms.Concatenate("Features", "A", "B")
                            .Append(mlContext.Transforms.NormalizeMinMax("Features"))
                            .Append(mlContext.BinaryClassification.Trainers.{|#0:LdSvm()|})
                            .Fit(trainSet);
                }
                """;

            await VerifyEML1001.Test(source)
                .WithEditorConfig("effective_ml.EML1001.complex_trainers = LdSvm, MyEnsemble\n")
                .Expecting(
                    VerifyEML1001.Diagnostic("EML1001").WithLocation(0).WithArguments("LdSvm", "a model configured as complex", string.Empty))
                .RunAsync();
        }
    }
}
