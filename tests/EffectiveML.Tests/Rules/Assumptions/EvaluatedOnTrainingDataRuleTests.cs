using System.Threading.Tasks;
using Xunit;
using VerifyEML4008 = EffectiveML.Tests.Infrastructure.Verify<EffectiveML.Analyzers.Rules.Assumptions.EvaluatedOnTrainingDataRule>;

namespace EffectiveML.Tests.Rules.Assumptions
{
    public class EvaluatedOnTrainingDataRuleTests
    {
        private const string Schema = """

            public class Transaction
            {
                [Microsoft.ML.Data.LoadColumn(0)] public float Amount { get; set; }
                [Microsoft.ML.Data.LoadColumn(1)] public float Hour { get; set; }
                [Microsoft.ML.Data.LoadColumn(2)] public bool Label { get; set; }
            }
            """;

        [Fact]
        public async Task Flags_evaluation_on_the_training_split()
        {
            const string source = """
                using Microsoft.ML;

                public static class Training
                {
                    public static double Train(MLContext mlContext, string path)
                    {
                        var data = mlContext.Data.LoadFromTextFile<Transaction>(path, ',', hasHeader: true);
                        var split = mlContext.Data.TrainTestSplit(data, testFraction: 0.2, seed: 7);
                        var pipeline = mlContext.Transforms.Concatenate("Features", "Amount", "Hour")
                            .Append(mlContext.BinaryClassification.Trainers.FastTree());
                        var model = pipeline.Fit(split.TrainSet);
                        var metrics = mlContext.BinaryClassification.{|#0:Evaluate(model.Transform(split.TrainSet))|};
                        return metrics.AreaUnderRocCurve;
                    }
                }
                """ + Schema;

            await VerifyEML4008.Analyzer(
                source,
                VerifyEML4008.Diagnostic("EML4008").WithLocation(0).WithArguments("Evaluate", "'split.TrainSet'"));
        }

        [Fact]
        public async Task Flags_evaluation_on_the_full_data_the_training_set_came_from()
        {
            const string source = """
                using Microsoft.ML;

                public static class Training
                {
                    public static double Train(MLContext mlContext, string path)
                    {
                        var data = mlContext.Data.LoadFromTextFile<Transaction>(path, ',', hasHeader: true);
                        var split = mlContext.Data.TrainTestSplit(data, testFraction: 0.2, seed: 7);
                        var trainSet = split.TrainSet;
                        var model = mlContext.Transforms.Concatenate("Features", "Amount", "Hour")
                            .Append(mlContext.BinaryClassification.Trainers.FastTree())
                            .Fit(trainSet);
                        var predictions = model.Transform(data);
                        return mlContext.BinaryClassification.{|#0:EvaluateNonCalibrated(predictions)|}.AreaUnderRocCurve;
                    }

                    public static double SameParameter(MLContext mlContext, IDataView trainData, IEstimator<ITransformer> pipeline)
                    {
                        var model = pipeline.Fit(trainData);
                        return mlContext.BinaryClassification.{|#1:Evaluate(model.Transform(trainData))|}.F1Score;
                    }
                }
                """ + Schema;

            await VerifyEML4008.Analyzer(
                source,
                VerifyEML4008.Diagnostic("EML4008").WithLocation(0).WithArguments("EvaluateNonCalibrated", "'data', the data its training set was taken from"),
                VerifyEML4008.Diagnostic("EML4008").WithLocation(1).WithArguments("Evaluate", "'trainData'"));
        }

        [Fact]
        public async Task Quiet_when_training_metrics_are_reported_next_to_test_metrics()
        {
            const string source = """
                using System;
                using Microsoft.ML;

                public static class Training
                {
                    public static void Report(MLContext mlContext, string path)
                    {
                        var data = mlContext.Data.LoadFromTextFile<Transaction>(path, ',', hasHeader: true);
                        var split = mlContext.Data.TrainTestSplit(data, testFraction: 0.2, seed: 7);
                        var model = mlContext.Transforms.Concatenate("Features", "Amount", "Hour")
                            .Append(mlContext.BinaryClassification.Trainers.FastTree())
                            .Fit(split.TrainSet);
                        var onTraining = mlContext.BinaryClassification.Evaluate(model.Transform(split.TrainSet));
                        var onTest = mlContext.BinaryClassification.Evaluate(model.Transform(split.TestSet));
                        Console.WriteLine($"AUC on training rows {onTraining.AreaUnderRocCurve:0.000}, on held-out rows {onTest.AreaUnderRocCurve:0.000}");
                    }
                }
                """ + Schema;

            await VerifyEML4008.Analyzer(source);
        }

        [Fact]
        public async Task Flags_training_metrics_when_the_other_evaluation_scores_another_model()
        {
            const string source = """
                using System;
                using Microsoft.ML;

                public static class Training
                {
                    public static void Report(MLContext mlContext, string path)
                    {
                        var data = mlContext.Data.LoadFromTextFile<Transaction>(path, ',', hasHeader: true);
                        var split = mlContext.Data.TrainTestSplit(data, testFraction: 0.2, seed: 7);
                        var features = mlContext.Transforms.Concatenate("Features", "Amount", "Hour");
                        var trees = features.Append(mlContext.BinaryClassification.Trainers.FastTree()).Fit(split.TrainSet);
                        var linear = features.Append(mlContext.BinaryClassification.Trainers.LbfgsLogisticRegression()).Fit(split.TrainSet);
                        var treesOnTraining = mlContext.BinaryClassification.{|#0:Evaluate(trees.Transform(split.TrainSet))|};
                        var linearOnTest = mlContext.BinaryClassification.Evaluate(linear.Transform(split.TestSet));
                        Console.WriteLine($"{treesOnTraining.AreaUnderRocCurve} {linearOnTest.AreaUnderRocCurve}");
                    }
                }
                """ + Schema;

            await VerifyEML4008.Analyzer(
                source,
                VerifyEML4008.Diagnostic("EML4008").WithLocation(0).WithArguments("Evaluate", "'split.TrainSet'"));
        }

        [Fact]
        public async Task Quiet_for_the_test_split_separate_files_and_data_not_in_view()
        {
            const string source = """
                using Microsoft.ML;

                public static class Training
                {
                    public static double TestSplit(MLContext mlContext, string path)
                    {
                        var data = mlContext.Data.LoadFromTextFile<Transaction>(path, ',', hasHeader: true);
                        var split = mlContext.Data.TrainTestSplit(data, testFraction: 0.2, seed: 7);
                        var model = mlContext.Transforms.Concatenate("Features", "Amount", "Hour")
                            .Append(mlContext.BinaryClassification.Trainers.FastTree())
                            .Fit(split.TrainSet);
                        return mlContext.BinaryClassification.Evaluate(model.Transform(split.TestSet)).AreaUnderRocCurve;
                    }

                    public static double SeparateFiles(MLContext mlContext, IEstimator<ITransformer> pipeline)
                    {
                        var train = mlContext.Data.LoadFromTextFile<Transaction>("train.csv", ',', hasHeader: true);
                        var test = mlContext.Data.LoadFromTextFile<Transaction>("test.csv", ',', hasHeader: true);
                        var model = pipeline.Fit(train);
                        return mlContext.BinaryClassification.Evaluate(model.Transform(test)).AreaUnderRocCurve;
                    }

                    public static double ManualSplit(MLContext mlContext, IDataView data, IEstimator<ITransformer> pipeline)
                    {
                        var model = pipeline.Fit(mlContext.Data.TakeRows(data, 800));
                        return mlContext.BinaryClassification.Evaluate(model.Transform(mlContext.Data.SkipRows(data, 800))).AreaUnderRocCurve;
                    }

                    public static double FromElsewhere(MLContext mlContext, ITransformer model, IDataView holdout) =>
                        mlContext.BinaryClassification.Evaluate(model.Transform(holdout)).AreaUnderRocCurve;

                    public static double Reassigned(MLContext mlContext, IDataView data, IEstimator<ITransformer> pipeline, string testPath)
                    {
                        var model = pipeline.Fit(data);
                        data = mlContext.Data.LoadFromTextFile<Transaction>(testPath, ',', hasHeader: true);
                        return mlContext.BinaryClassification.Evaluate(model.Transform(data)).AreaUnderRocCurve;
                    }
                }
                """ + Schema;

            await VerifyEML4008.Analyzer(source);
        }
    }
}
