using System.Threading.Tasks;
using EffectiveML.CodeFixes.Reproducibility;
using Microsoft.CodeAnalysis;
using Xunit;
using VerifyEML5007 = EffectiveML.Tests.Infrastructure.Verify<EffectiveML.Analyzers.Rules.Reproducibility.SchedulingDependentTrainerRule>;

namespace EffectiveML.Tests.Rules.Reproducibility
{
    public class SchedulingDependentTrainerRuleTests
    {
        [Fact]
        public async Task Flags_SDCA_and_SGD_trained_from_a_seeded_context()
        {
            const string source = """
                using Microsoft.ML;
                using Microsoft.ML.Trainers;

                public static class Training
                {
                    public static void Train(IDataView data)
                    {
                        var mlContext = new MLContext(seed: 42);
                        var split = mlContext.Data.TrainTestSplit(data, testFraction: 0.2);
                        var pipeline = mlContext.Transforms.NormalizeMinMax("Features")
                            .Append(mlContext.Regression.Trainers.{|EML5007:Sdca(labelColumnName: "Price")|});
                        pipeline.Fit(split.TrainSet);

                        var options = new SgdCalibratedTrainer.Options { NumberOfIterations = 30 };
                        mlContext.BinaryClassification.Trainers.{|EML5007:SgdCalibrated(options)|}.Fit(data);

                        // Shuffling off does not make the threads repeatable.
                        mlContext.MulticlassClassification.Trainers.{|EML5007:SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options { Shuffle = false, NumberOfThreads = 4 })|}.Fit(data);
                    }
                }
                """;

            await VerifyEML5007.Analyzer(source);
        }

        [Fact]
        public async Task Flags_a_trainer_whose_context_is_a_seeded_field_or_a_parameter_every_caller_seeds()
        {
            const string source = """
                using Microsoft.ML;

                internal sealed class ChurnModel
                {
                    private readonly MLContext _mlContext = new MLContext(seed: 1);

                    public ITransformer Train(IDataView data) =>
                        _mlContext.BinaryClassification.Trainers.{|EML5007:SdcaLogisticRegression()|}.Fit(data);

                    public ITransformer TrainBaseline(IDataView data) => Baseline(_mlContext, data);

                    private static ITransformer Baseline(MLContext context, IDataView data) =>
                        context.BinaryClassification.Trainers.{|EML5007:SdcaNonCalibrated()|}.Fit(data);
                }
                """;

            await VerifyEML5007.Analyzer(source);
        }

        [Fact]
        public async Task Quiet_on_one_thread()
        {
            const string source = """
                using Microsoft.ML;
                using Microsoft.ML.Trainers;

                public static class Training
                {
                    public static void Train(IDataView data)
                    {
                        var mlContext = new MLContext(seed: 42);
                        mlContext.Regression.Trainers.Sdca(new SdcaRegressionTrainer.Options { NumberOfThreads = 1 }).Fit(data);

                        var options = new SgdCalibratedTrainer.Options();
                        options.NumberOfThreads = 1;
                        mlContext.BinaryClassification.Trainers.SgdCalibrated(options).Fit(data);
                    }
                }
                """;

            await VerifyEML5007.Analyzer(source);
        }

        [Fact]
        public async Task Quiet_when_no_seed_was_asked_for_or_the_seed_is_not_in_view()
        {
            const string source = """
                using Microsoft.ML;
                using Microsoft.ML.Trainers;

                public static class Training
                {
                    // Unseeded: EML5001 reports the context; there is no repeatability to lose.
                    public static void Unseeded(IDataView data)
                    {
                        var mlContext = new MLContext();
                        mlContext.Regression.Trainers.Sdca().Fit(data);
                    }

                    // The caller's context: whether it is seeded is not in view.
                    public static void Injected(MLContext mlContext, IDataView data) =>
                        mlContext.Regression.Trainers.Sdca().Fit(data);

                    // Options from elsewhere may already set one thread.
                    public static void Configured(IDataView data, SdcaRegressionTrainer.Options options) =>
                        new MLContext(seed: 3).Regression.Trainers.Sdca(options).Fit(data);
                }
                """;

            await VerifyEML5007.Analyzer(source);
        }

        [Fact]
        public async Task Quiet_for_trainers_whose_threads_do_not_change_the_model()
        {
            const string source = """
                using Microsoft.ML;

                public static class Training
                {
                    public static void Train(IDataView data)
                    {
                        var mlContext = new MLContext(seed: 42);
                        mlContext.Regression.Trainers.LightGbm().Fit(data);
                        mlContext.Regression.Trainers.FastTree().Fit(data);
                        mlContext.BinaryClassification.Trainers.LbfgsLogisticRegression().Fit(data);
                        mlContext.BinaryClassification.Trainers.AveragedPerceptron().Fit(data);
                        mlContext.Clustering.Trainers.KMeans(numberOfClusters: 4).Fit(data);
                    }
                }
                """;

            await VerifyEML5007.Analyzer(source);
        }

        [Fact]
        public async Task Fix_switches_to_the_options_overload_and_keeps_every_argument()
        {
            const string source = """
                using Microsoft.ML;

                public static class Training
                {
                    public static ITransformer Train(IDataView data)
                    {
                        var mlContext = new MLContext(seed: 42);
                        return mlContext.Regression.Trainers.{|EML5007:Sdca(labelColumnName: "Price", featureColumnName: "Features", l2Regularization: 0.1f)|}.Fit(data);
                    }

                    public static ITransformer TrainBinary(IDataView data)
                    {
                        var mlContext = new MLContext(seed: 42);
                        return mlContext.BinaryClassification.Trainers.{|EML5007:SgdCalibrated("Churned")|}.Fit(data);
                    }
                }
                """;

            const string fixedSource = """
                using Microsoft.ML;
                using Microsoft.ML.Trainers;

                public static class Training
                {
                    public static ITransformer Train(IDataView data)
                    {
                        var mlContext = new MLContext(seed: 42);
                        return mlContext.Regression.Trainers.Sdca(new SdcaRegressionTrainer.Options { LabelColumnName = "Price", FeatureColumnName = "Features", L2Regularization = 0.1f, NumberOfThreads = 1 }).Fit(data);
                    }

                    public static ITransformer TrainBinary(IDataView data)
                    {
                        var mlContext = new MLContext(seed: 42);
                        return mlContext.BinaryClassification.Trainers.SgdCalibrated(new SgdCalibratedTrainer.Options { LabelColumnName = "Churned", NumberOfThreads = 1 }).Fit(data);
                    }
                }
                """;

            await VerifyEML5007.CodeFix<SchedulingDependentTrainerCodeFix>(source, fixedSource);
        }

        [Fact]
        public async Task Fix_sets_one_thread_where_the_options_are_created()
        {
            const string source = """
                using Microsoft.ML;
                using Microsoft.ML.Trainers;

                public static class Training
                {
                    public static void Train(IDataView data)
                    {
                        var mlContext = new MLContext(seed: 42);
                        mlContext.Regression.Trainers.{|EML5007:Sdca(new SdcaRegressionTrainer.Options { LabelColumnName = "Price" })|}.Fit(data);

                        var options = new SgdCalibratedTrainer.Options();
                        mlContext.BinaryClassification.Trainers.{|EML5007:SgdCalibrated(options)|}.Fit(data);

                        var tuned = new SdcaLogisticRegressionBinaryTrainer.Options { NumberOfThreads = 8 };
                        mlContext.BinaryClassification.Trainers.{|EML5007:SdcaLogisticRegression(tuned)|}.Fit(data);

                        var later = new SdcaMaximumEntropyMulticlassTrainer.Options();
                        later.NumberOfThreads = 4;
                        mlContext.MulticlassClassification.Trainers.{|EML5007:SdcaMaximumEntropy(later)|}.Fit(data);
                    }
                }
                """;

            const string fixedSource = """
                using Microsoft.ML;
                using Microsoft.ML.Trainers;

                public static class Training
                {
                    public static void Train(IDataView data)
                    {
                        var mlContext = new MLContext(seed: 42);
                        mlContext.Regression.Trainers.Sdca(new SdcaRegressionTrainer.Options { LabelColumnName = "Price", NumberOfThreads = 1 }).Fit(data);

                        var options = new SgdCalibratedTrainer.Options() { NumberOfThreads = 1 };
                        mlContext.BinaryClassification.Trainers.SgdCalibrated(options).Fit(data);

                        var tuned = new SdcaLogisticRegressionBinaryTrainer.Options { NumberOfThreads = 1 };
                        mlContext.BinaryClassification.Trainers.SdcaLogisticRegression(tuned).Fit(data);

                        var later = new SdcaMaximumEntropyMulticlassTrainer.Options();
                        later.NumberOfThreads = 1;
                        mlContext.MulticlassClassification.Trainers.SdcaMaximumEntropy(later).Fit(data);
                    }
                }
                """;

            await VerifyEML5007.CodeFix<SchedulingDependentTrainerCodeFix>(source, fixedSource);
        }
    }
}
