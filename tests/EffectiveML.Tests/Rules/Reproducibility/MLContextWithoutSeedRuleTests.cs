using System.Threading.Tasks;
using EffectiveML.CodeFixes.Reproducibility;
using Microsoft.CodeAnalysis;
using Xunit;
using VerifyEML5001 = EffectiveML.Tests.Infrastructure.Verify<EffectiveML.Analyzers.Rules.Reproducibility.MLContextWithoutSeedRule>;

namespace EffectiveML.Tests.Rules.Reproducibility
{
    public class MLContextWithoutSeedRuleTests
    {
        private const string HouseData = """
            using Microsoft.ML.Data;

            public class HouseData
            {
                [LoadColumn(0)] public float Size { get; set; }
                [LoadColumn(1)] public float Rooms { get; set; }
                [LoadColumn(2)] public float Price { get; set; }
            }

            public class PricePrediction
            {
                [ColumnName("Score")] public float Price { get; set; }
            }
            """;

        [Fact]
        public async Task Flags_unseeded_context_used_for_split_and_training()
        {
            const string source = """
                using Microsoft.ML;

                public static class PriceModel
                {
                    public static ITransformer Train(string path)
                    {
                        var mlContext = new MLContext();
                        IDataView data = mlContext.Data.LoadFromTextFile<HouseData>(path, separatorChar: ',', hasHeader: true);
                        var split = mlContext.Data.TrainTestSplit(data, testFraction: 0.2);

                        var pipeline = mlContext.Transforms.Concatenate("Features", nameof(HouseData.Size), nameof(HouseData.Rooms))
                            .Append(mlContext.Transforms.NormalizeMinMax("Features"))
                            .Append(mlContext.Regression.Trainers.Sdca(labelColumnName: nameof(HouseData.Price)));

                        return pipeline.Fit(split.TrainSet);
                    }
                }
                """;

            await VerifyEML5001.Test(source, HouseData)
                .Expecting(
                    VerifyEML5001.Diagnostic("EML5001")
                        .WithSpan("/0/Test0.cs", 7, 25, 7, 40)
                        .WithArguments("'TrainTestSplit' and 'Sdca'"))
                .RunAsync();
        }

        [Fact]
        public async Task Names_only_the_calls_that_draw_from_the_context()
        {
            // The normalizer, the boosted trees (their own seed) and the seeded split draw nothing from the context.
            const string source = """
                using Microsoft.ML;

                public static class PriceModel
                {
                    public static ITransformer Train(IDataView data)
                    {
                        var mlContext = new MLContext();
                        var shuffled = mlContext.Data.ShuffleRows(data);
                        var split = mlContext.Data.TrainTestSplit(shuffled, testFraction: 0.2, seed: 3);
                        var pipeline = mlContext.Transforms.NormalizeMinMax("Features")
                            .Append(mlContext.Regression.Trainers.FastTree(labelColumnName: nameof(HouseData.Price)));
                        return pipeline.Fit(split.TrainSet);
                    }
                }
                """;

            await VerifyEML5001.Test(source, HouseData)
                .Expecting(
                    VerifyEML5001.Diagnostic("EML5001")
                        .WithSpan("/0/Test0.cs", 7, 25, 7, 40)
                        .WithArguments("'ShuffleRows'"))
                .RunAsync();
        }

        [Fact]
        public async Task Flags_field_initializer_used_by_a_trainer_in_another_member()
        {
            const string source = """
                using Microsoft.ML;

                public sealed class ChurnTrainer
                {
                    private readonly MLContext _mlContext = {|EML5001:new MLContext()|};

                    public IEstimator<ITransformer> BuildPipeline() =>
                        _mlContext.Transforms.Concatenate("Features", "Tenure", "MonthlyCharges")
                            .Append(_mlContext.BinaryClassification.Trainers.SdcaLogisticRegression());

                    public ITransformer Train(IDataView data) => BuildPipeline().Fit(data);
                }
                """;

            await VerifyEML5001.Analyzer(source);
        }

        [Fact]
        public async Task Flags_context_assigned_in_constructor_and_cross_validated_elsewhere()
        {
            const string source = """
                using Microsoft.ML;

                public sealed class Experiment
                {
                    private readonly MLContext _context;

                    public Experiment()
                    {
                        _context = {|EML5001:new MLContext(seed: null)|};
                    }

                    public double MeanAuc(IDataView data)
                    {
                        var pipeline = _context.Transforms.Concatenate("Features", "A", "B")
                            .Append(_context.BinaryClassification.Trainers.SdcaLogisticRegression());
                        var folds = _context.BinaryClassification.CrossValidate(data, pipeline, numberOfFolds: 5);
                        var total = 0.0;
                        foreach (var fold in folds)
                        {
                            total += fold.Metrics.AreaUnderRocCurve;
                        }

                        return total / folds.Count;
                    }
                }
                """;

            await VerifyEML5001.Analyzer(source);
        }

        [Fact]
        public async Task Flags_inline_creation_and_target_typed_new()
        {
            const string source = """
                using Microsoft.ML;

                public static class Shuffling
                {
                    public static IDataView Shuffle(IDataView data) => {|EML5001:new MLContext()|}.Data.ShuffleRows(data);

                    public static IDataView Sample(IDataView data)
                    {
                        MLContext context = {|EML5001:new()|};
                        return context.Data.BootstrapSample(data);
                    }
                }
                """;

            await VerifyEML5001.Analyzer(source);
        }

        [Fact]
        public async Task Flags_context_in_top_level_statements()
        {
            const string source = """
                using Microsoft.ML;

                var mlContext = {|EML5001:new MLContext()|};
                var data = mlContext.Data.LoadFromTextFile<HouseData>("houses.csv", separatorChar: ',', hasHeader: true);
                var model = mlContext.Regression.Trainers.Sdca(labelColumnName: "Price").Fit(data);
                mlContext.Model.Save(model, data.Schema, "model.zip");
                """;

            await VerifyEML5001.Test(source, HouseData).AsProgram().RunAsync();
        }

        [Fact]
        public async Task Flags_context_reached_through_a_local_alias_of_a_field()
        {
            const string source = """
                using Microsoft.ML;

                public sealed class Featurizer
                {
                    private static readonly MLContext Shared = {|EML5001:new MLContext()|};

                    public ITransformer Train(IDataView data)
                    {
                        var ml = Shared;
                        var trainers = ml.BinaryClassification.Trainers;
                        return trainers.SdcaLogisticRegression().Fit(data);
                    }
                }
                """;

            await VerifyEML5001.Analyzer(source);
        }

        [Fact]
        public async Task Flags_context_handed_to_a_pipeline_factory_that_is_fitted()
        {
            const string source = """
                using Microsoft.ML;

                public static class Training
                {
                    public static IEstimator<ITransformer> BuildPipeline(MLContext mlContext) =>
                        mlContext.Transforms.Concatenate("Features", "Size", "Rooms")
                            .Append(mlContext.Transforms.NormalizeMeanVariance("Features"))
                            .Append(mlContext.Regression.Trainers.Sdca(labelColumnName: "Price"));

                    public static ITransformer Train(IDataView trainingData)
                    {
                        var mlContext = new MLContext();
                        var pipeline = BuildPipeline(mlContext);
                        return pipeline.Fit(trainingData);
                    }
                }
                """;

            await VerifyEML5001.Analyzer(
                source,
                VerifyEML5001.Diagnostic("EML5001").WithSpan(12, 25, 12, 40).WithArguments("'Sdca'"));
        }

        [Fact]
        public async Task Flags_a_nested_type_once_and_survives_cyclic_assignments()
        {
            const string source = """
                using Microsoft.ML;

                public partial class Outer
                {
                    private MLContext _first;
                    private MLContext _second;

                    public Outer()
                    {
                        _first = _second;
                        _second = _first;
                    }

                    public sealed class Inner
                    {
                        private readonly MLContext _context = {|EML5001:new()|};

                        public IDataView Shuffle(IDataView data) => _context.Data.ShuffleRows(data);
                    }
                }

                public partial class Outer
                {
                    public IDataView Split(IDataView data) => _first.Data.TrainTestSplit(data).TrainSet;
                }
                """;

            await VerifyEML5001.Analyzer(source);
        }

        [Fact]
        public async Task Flags_trainers_at_the_options_that_make_them_draw_from_the_context()
        {
            const string source = """
                using Microsoft.ML;
                using Microsoft.ML.Trainers;
                using Microsoft.ML.Trainers.LightGbm;

                public static class Options
                {
                    public static void WithRandomStart(IDataView data)
                    {
                        var ml = {|EML5001:new MLContext()|};
                        var options = new LbfgsLogisticRegressionBinaryTrainer.Options { InitialWeightsDiameter = 0.1f };
                        ml.BinaryClassification.Trainers.LbfgsLogisticRegression(options).Fit(data);
                    }

                    public static void WithDart(IDataView data)
                    {
                        var ml = {|EML5001:new MLContext()|};
                        ml.Regression.Trainers.LightGbm(new LightGbmRegressionTrainer.Options { Booster = new DartBooster.Options() }).Fit(data);
                    }

                    public static void WithFeatureSampling(IDataView data)
                    {
                        var ml = {|EML5001:new MLContext()|};
                        var booster = new GradientBooster.Options { FeatureFraction = 0.8 };
                        ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options { Booster = booster }).Fit(data);
                    }

                    public static void OneVersusAllOfSdca(IDataView data)
                    {
                        var ml = {|EML5001:new MLContext()|};
                        ml.MulticlassClassification.Trainers.OneVersusAll(ml.BinaryClassification.Trainers.SdcaLogisticRegression()).Fit(data);
                    }

                    public static void Clusters(IDataView data)
                    {
                        var ml = {|EML5001:new MLContext()|};
                        ml.Clustering.Trainers.KMeans(numberOfClusters: 3).Fit(data);
                    }
                }
                """;

            await VerifyEML5001.Analyzer(source);
        }

        [Fact]
        public async Task Flags_feature_importance_and_a_projection_without_a_seed()
        {
            const string source = """
                using Microsoft.ML;

                public static class Explain
                {
                    public static void Importance(IDataView data)
                    {
                        var ml = {|EML5001:new MLContext()|};
                        var model = ml.Regression.Trainers.FastTree().Fit(data);
                        var importance = ml.Regression.PermutationFeatureImportance(model, data, permutationCount: 3);
                        System.Console.WriteLine(importance.Length);
                    }

                    public static ITransformer Project(IDataView data)
                    {
                        var ml = {|EML5001:new MLContext()|};
                        return ml.Transforms.ProjectToPrincipalComponents("Pca", "Features", rank: 3).Fit(data);
                    }
                }
                """;

            await VerifyEML5001.Analyzer(source);
        }

        [Fact]
        public async Task Flags_a_context_created_in_Main_and_passed_to_a_method_that_trains()
        {
            const string source = """
                using Microsoft.ML;

                internal static class Program
                {
                    private static void Main()
                    {
                        var mlContext = {|EML5001:new MLContext()|};
                        var data = mlContext.Data.LoadFromTextFile<HouseData>("houses.csv", separatorChar: ',', hasHeader: true);
                        var model = Train(mlContext, data);
                        mlContext.Model.Save(model, data.Schema, "model.zip");
                    }

                    private static ITransformer Train(MLContext context, IDataView data)
                    {
                        var pipeline = context.Transforms.Concatenate("Features", nameof(HouseData.Size), nameof(HouseData.Rooms))
                            .Append(context.Transforms.NormalizeMinMax("Features"))
                            .Append(context.Regression.Trainers.Sdca(labelColumnName: nameof(HouseData.Price)));
                        return pipeline.Fit(data);
                    }
                }
                """;

            await VerifyEML5001.Test(source, HouseData).AsProgram().RunAsync();
        }

        [Fact]
        public async Task Quiet_for_a_context_that_only_fits_deterministic_transforms()
        {
            const string source = """
                using Microsoft.ML;

                public static class Featurizing
                {
                    public static IDataView Featurize(IDataView data)
                    {
                        var mlContext = new MLContext();
                        var pipeline = mlContext.Transforms.Categorical.OneHotEncoding("Region")
                            .Append(mlContext.Transforms.Text.FeaturizeText("Words", "Review"))
                            .Append(mlContext.Transforms.ResizeImages("Image", 224, 224, "Raw"))
                            .Append(mlContext.Transforms.Concatenate("Features", "Region", "Words", "Size"))
                            .Append(mlContext.Transforms.NormalizeMeanVariance("Features"));
                        return pipeline.Fit(data).Transform(data);
                    }
                }
                """;

            await VerifyEML5001.Analyzer(source);
        }

        [Fact]
        public async Task Quiet_when_every_random_call_passes_its_own_seed()
        {
            const string source = """
                using Microsoft.ML;

                public static class Sampling
                {
                    public static double Run(IDataView data)
                    {
                        var mlContext = new MLContext();
                        var shuffled = mlContext.Data.ShuffleRows(data, seed: 1);
                        var sample = mlContext.Data.BootstrapSample(shuffled, seed: 2);
                        var split = mlContext.Data.TrainTestSplit(sample, testFraction: 0.3, seed: 3);
                        var folds = mlContext.Regression.CrossValidate(split.TrainSet, mlContext.Regression.Trainers.FastForest(), numberOfFolds: 3, seed: 4);
                        return folds[0].Metrics.RSquared;
                    }
                }
                """;

            await VerifyEML5001.Analyzer(source);
        }

        [Fact]
        public async Task Quiet_for_trainers_that_draw_nothing_from_the_context_at_the_options_in_view()
        {
            const string source = """
                using Microsoft.ML;
                using Microsoft.ML.Trainers;
                using Microsoft.ML.Trainers.LightGbm;

                public static class OwnRandomness
                {
                    public static void Train(IDataView data)
                    {
                        var ml = new MLContext();
                        ml.BinaryClassification.Trainers.FastTree().Fit(data);
                        ml.BinaryClassification.Trainers.FastForest().Fit(data);
                        ml.BinaryClassification.Trainers.LightGbm().Fit(data);
                        ml.BinaryClassification.Trainers.LbfgsLogisticRegression().Fit(data);
                        ml.BinaryClassification.Trainers.AveragedPerceptron().Fit(data);
                        ml.BinaryClassification.Trainers.LinearSvm().Fit(data);
                        ml.Regression.Trainers.OnlineGradientDescent().Fit(data);
                        ml.MulticlassClassification.Trainers.NaiveBayes().Fit(data);
                        ml.MulticlassClassification.Trainers.OneVersusAll(ml.BinaryClassification.Trainers.AveragedPerceptron()).Fit(data);
                        ml.Regression.Trainers.Sdca(new SdcaRegressionTrainer.Options { Shuffle = false }).Fit(data);
                        ml.AnomalyDetection.Trainers.RandomizedPca(new RandomizedPcaTrainer.Options { Seed = 5 }).Fit(data);
                        var seeded = new LightGbmRegressionTrainer.Options { Seed = 5, Booster = new GossBooster.Options() };
                        ml.Regression.Trainers.LightGbm(seeded).Fit(data);
                        ml.BinaryClassification.Calibrators.Platt().Fit(data);
                    }
                }
                """;

            await VerifyEML5001.Analyzer(source);
        }

        [Fact]
        public async Task Quiet_for_a_trainer_whose_options_come_from_elsewhere()
        {
            const string source = """
                using Microsoft.ML;
                using Microsoft.ML.Trainers;

                public static class Configured
                {
                    public static ITransformer Train(IDataView data, SdcaRegressionTrainer.Options options)
                    {
                        var ml = new MLContext();
                        return ml.Regression.Trainers.Sdca(options).Fit(data);
                    }
                }
                """;

            await VerifyEML5001.Analyzer(source);
        }

        [Fact]
        public async Task Quiet_for_context_used_only_to_load_a_model_and_predict()
        {
            const string source = """
                using Microsoft.ML;

                public sealed class PricePredictor
                {
                    private readonly MLContext _mlContext = new MLContext();
                    private readonly PredictionEngine<HouseData, PricePrediction> _engine;

                    public PricePredictor(string modelPath)
                    {
                        ITransformer model = _mlContext.Model.Load(modelPath, out DataViewSchema inputSchema);
                        _engine = _mlContext.Model.CreatePredictionEngine<HouseData, PricePrediction>(model);
                    }

                    public float Predict(HouseData house) => _engine.Predict(house).Price;

                    public IDataView ScoreAll(ITransformer model, string path)
                    {
                        var data = _mlContext.Data.LoadFromTextFile<HouseData>(path, separatorChar: ',', hasHeader: true);
                        return model.Transform(data);
                    }
                }
                """;

            await VerifyEML5001.Test(source, HouseData).RunAsync();
        }

        [Fact]
        public async Task Quiet_for_seeded_contexts()
        {
            const string source = """
                using Microsoft.ML;

                public sealed class Settings
                {
                    public int Seed { get; set; } = 7;
                }

                public sealed class Trainers
                {
                    private readonly MLContext _fixed = new MLContext(seed: 0);
                    private readonly MLContext _positional = new MLContext(42);
                    private readonly MLContext _configured;

                    public Trainers(Settings settings)
                    {
                        _configured = new MLContext(seed: settings.Seed);
                    }

                    public void Train(IDataView data)
                    {
                        _fixed.Data.TrainTestSplit(data);
                        _positional.Regression.Trainers.Sdca().Fit(data);
                        _configured.Data.ShuffleRows(data);
                    }
                }
                """;

            await VerifyEML5001.Analyzer(source);
        }

        [Fact]
        public async Task Quiet_when_only_the_seeded_of_two_contexts_trains()
        {
            const string source = """
                using Microsoft.ML;

                public static class TrainThenServe
                {
                    public static float Run(IDataView data, HouseData sample)
                    {
                        var training = new MLContext(seed: 1);
                        var model = training.Regression.Trainers.Sdca(labelColumnName: "Price").Fit(data);

                        var serving = new MLContext();
                        var engine = serving.Model.CreatePredictionEngine<HouseData, PricePrediction>(model);
                        return engine.Predict(sample).Price;
                    }
                }
                """;

            await VerifyEML5001.Test(source, HouseData).RunAsync();
        }

        [Fact]
        public async Task Quiet_for_a_lookalike_MLContext_without_MLNet_semantics()
        {
            const string source = """
                namespace MyCompany.Ml
                {
                    public sealed class MLContext
                    {
                        public Catalog Data { get; } = new Catalog();
                    }

                    public sealed class Catalog
                    {
                        public object TrainTestSplit(object data) => data;
                    }

                    public static class Use
                    {
                        public static object Split(object data) => new MLContext().Data.TrainTestSplit(data);
                    }
                }
                """;

            await VerifyEML5001.Analyzer(source);
        }

        [Fact]
        public async Task Quiet_in_generated_code()
        {
            const string generated = """
                // <auto-generated/>
                using Microsoft.ML;

                public static class GeneratedTrainer
                {
                    public static ITransformer Train(IDataView data)
                    {
                        var ml = new MLContext();
                        return ml.BinaryClassification.Trainers.SdcaLogisticRegression().Fit(data);
                    }
                }
                """;

            await VerifyEML5001.Test()
                .WithFile("/0/Trainer.g.cs", generated)
                .WithFile("/0/Other.cs", generated.Replace("// <auto-generated/>", "// <auto-generated>\n// tool output\n// </auto-generated>").Replace("GeneratedTrainer", "OtherGeneratedTrainer"))
                .RunAsync();
        }

        /// <summary>One part of a partial type: it creates the context (the marker is where EML5001 reports) and only loads with it.</summary>
        private const string PartialExperimentCreatingContext = """
            using Microsoft.ML;

            public partial class Experiment
            {
                private readonly MLContext _ml = {|EML5001:new MLContext()|};

                public IDataView Load(string path) => _ml.Data.LoadFromTextFile<Row>(path);
            }

            public sealed class Row
            {
                public float Label { get; set; }
            }
            """;

        [Fact]
        public async Task Flags_a_context_created_in_one_file_of_a_partial_type_and_used_in_another_once()
        {
            const string use = """
                using Microsoft.ML;

                public partial class Experiment
                {
                    public IDataView Shuffle(IDataView data) => _ml.Data.ShuffleRows(data, seed: 1);

                    public IDataView Split(IDataView data) => _ml.Data.TrainTestSplit(data).TrainSet;
                }
                """;

            await VerifyEML5001.Test()
                .WithFile("/0/Experiment.cs", PartialExperimentCreatingContext)
                .WithFile("/0/Experiment.Split.cs", use)
                .RunAsync();
        }

        [Fact]
        public async Task Quiet_when_only_a_generated_part_of_a_partial_type_draws_from_the_context()
        {
            const string generated = """
                // <auto-generated/>
                using Microsoft.ML;

                public partial class Experiment
                {
                    public IDataView Split(IDataView data) => _ml.Data.TrainTestSplit(data).TrainSet;
                }
                """;

            await VerifyEML5001.Test()
                .WithFile("/0/Experiment.cs", PartialExperimentCreatingContext.Replace("{|EML5001:new MLContext()|}", "new MLContext()"))
                .WithFile("/0/Experiment.g.cs", generated)
                .RunAsync();
        }

        [Fact]
        public async Task Fix_adds_seed_zero_and_fix_all_covers_every_creation()
        {
            const string source = """
                using Microsoft.ML;

                public static class Experiments
                {
                    public static void Run(IDataView data)
                    {
                        var first = {|EML5001:new MLContext()|};
                        first.Data.TrainTestSplit(data);

                        var second = {|EML5001:new MLContext(seed: null)|};
                        second.Regression.Trainers.Sdca().Fit(data);

                        var third = {|EML5001:new MLContext(null)|};
                        third.Data.ShuffleRows(data);

                        MLContext fourth = {|EML5001:new()|};
                        fourth.Data.BootstrapSample(data);
                    }
                }
                """;

            const string fixedSource = """
                using Microsoft.ML;

                public static class Experiments
                {
                    public static void Run(IDataView data)
                    {
                        var first = new MLContext(seed: 0);
                        first.Data.TrainTestSplit(data);

                        var second = new MLContext(seed: 0);
                        second.Regression.Trainers.Sdca().Fit(data);

                        var third = new MLContext(0);
                        third.Data.ShuffleRows(data);

                        MLContext fourth = new(seed: 0);
                        fourth.Data.BootstrapSample(data);
                    }
                }
                """;

            await VerifyEML5001.CodeFix<MLContextWithoutSeedCodeFix>(source, fixedSource);
        }

        [Fact]
        public async Task Fix_all_in_solution_fixes_every_file()
        {
            const string first = """
                using Microsoft.ML;

                public static class First
                {
                    public static ITransformer Train(IDataView data)
                    {
                        var ml = {|EML5001:new MLContext()|};
                        return ml.BinaryClassification.Trainers.SgdCalibrated().Fit(data);
                    }
                }
                """;

            const string second = """
                using Microsoft.ML;

                public sealed class Second
                {
                    private readonly MLContext _ml = {|EML5001:new MLContext()|};

                    public IDataView Shuffle(IDataView data) => _ml.Data.ShuffleRows(data);
                }
                """;

            await VerifyEML5001.Test(first, second)
                .FixedTo<MLContextWithoutSeedCodeFix>(first.Replace("{|EML5001:new MLContext()|}", "new MLContext(seed: 0)"), second.Replace("{|EML5001:new MLContext()|}", "new MLContext(seed: 0)"))
                .RunAsync();
        }

        [Fact]
        public async Task Fix_uses_the_configured_seed_value()
        {
            const string source = """
                using Microsoft.ML;

                public static class Experiments
                {
                    public static ITransformer Run(IDataView data)
                    {
                        var ml = {|EML5001:new MLContext()|};
                        return ml.Regression.Trainers.Sdca().Fit(data);
                    }
                }
                """;

            const string fixedSource = """
                using Microsoft.ML;

                public static class Experiments
                {
                    public static ITransformer Run(IDataView data)
                    {
                        var ml = new MLContext(seed: 42);
                        return ml.Regression.Trainers.Sdca().Fit(data);
                    }
                }
                """;

            await VerifyEML5001.Test(source)
                .WithEditorConfig("effective_ml.EML5001.seed_value = 42")
                .FixedTo<MLContextWithoutSeedCodeFix>(fixedSource)
                .RunAsync();
        }
    }
}
