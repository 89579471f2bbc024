using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;
using VerifyEML1002 = EffectiveML.Tests.Infrastructure.Verify<EffectiveML.Analyzers.Rules.Simplicity.RaisedCapacityWithoutValidationRule>;

namespace EffectiveML.Tests.Rules.Simplicity
{
    public class RaisedCapacityWithoutValidationRuleTests
    {
        [Fact]
        public async Task Flags_raised_trees_leaves_and_epochs_without_validation()
        {
            const string source = """
                using Microsoft.ML;
                using Microsoft.ML.Trainers.LightGbm;
                using Microsoft.ML.TorchSharp;

                public static class Training
                {
                    public static ITransformer Trees(MLContext mlContext, IDataView data) =>
                        mlContext.BinaryClassification.Trainers.{|#0:FastTree(numberOfLeaves: 256, numberOfTrees: 2000)|}.Fit(data);

                    public static ITransformer Boosted(MLContext mlContext, IDataView data)
                    {
                        var options = new LightGbmRegressionTrainer.Options { NumberOfIterations = 5000 };
                        return mlContext.Regression.Trainers.{|#1:LightGbm(options)|}.Fit(data);
                    }

                    public static ITransformer Text(MLContext mlContext, IDataView data) =>
                        mlContext.MulticlassClassification.Trainers.{|#2:TextClassification(sentence1ColumnName: "Text", maxEpochs: 50)|}.Fit(data);
                }
                """;

            await VerifyEML1002.Analyzer(
                source,
                VerifyEML1002.Diagnostic("EML1002").WithLocation(0).WithSeverity(DiagnosticSeverity.Info).WithArguments("FastTree", "numberOfTrees to 2000 and numberOfLeaves to 256"),
                VerifyEML1002.Diagnostic("EML1002").WithLocation(1).WithSeverity(DiagnosticSeverity.Info).WithArguments("LightGbm", "numberOfIterations to 5000"),
                VerifyEML1002.Diagnostic("EML1002").WithLocation(2).WithSeverity(DiagnosticSeverity.Info).WithArguments("TextClassification", "maxEpochs to 50"));
        }

        [Fact]
        public async Task Quiet_with_a_validation_set_early_stopping_or_modest_settings()
        {
            const string source = """
                using Microsoft.ML;
                using Microsoft.ML.Trainers.LightGbm;
                using Microsoft.ML.TorchSharp;

                public static class Training
                {
                    public static ITransformer Validated(MLContext mlContext, IDataView train, IDataView validation) =>
                        mlContext.BinaryClassification.Trainers.LightGbm(numberOfIterations: 3000).Fit(train, validation);

                    public static ITransformer EarlyStopped(MLContext mlContext, IDataView data)
                    {
                        var options = new LightGbmBinaryTrainer.Options { NumberOfIterations = 5000, EarlyStoppingRound = 50 };
                        return mlContext.BinaryClassification.Trainers.LightGbm(options).Fit(data);
                    }

                    public static ITransformer Text(MLContext mlContext, IDataView data, IDataView validation) =>
                        mlContext.MulticlassClassification.Trainers.TextClassification(sentence1ColumnName: "Text", maxEpochs: 50, validationSet: validation).Fit(data);

                    public static ITransformer Modest(MLContext mlContext, IDataView data) =>
                        mlContext.BinaryClassification.Trainers.FastTree(numberOfLeaves: 64, numberOfTrees: 500).Fit(data);

                    public static ITransformer Configured(MLContext mlContext, IDataView data, int trees) =>
                        mlContext.BinaryClassification.Trainers.FastForest(numberOfTrees: trees).Fit(data);
                }
                """;

            await VerifyEML1002.Analyzer(source);
        }

        [Fact]
        public async Task Thresholds_are_options()
        {
            const string source = """
                using Microsoft.ML;

                public static class Training
                {
                    public static ITransformer Trees(MLContext mlContext, IDataView data) =>
                        mlContext.BinaryClassification.Trainers.{|#0:FastTree(numberOfTrees: 500)|}.Fit(data);
                }
                """;

            await VerifyEML1002.Test(source)
                .WithEditorConfig("effective_ml.EML1002.trees_threshold = 400\n")
                .Expecting(
                    VerifyEML1002.Diagnostic("EML1002").WithLocation(0).WithSeverity(DiagnosticSeverity.Info).WithArguments("FastTree", "numberOfTrees to 500"))
                .RunAsync();
        }
    }
}
