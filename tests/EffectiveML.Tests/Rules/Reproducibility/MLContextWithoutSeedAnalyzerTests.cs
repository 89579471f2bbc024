using System.Threading.Tasks;
using EffectiveML.CodeFixes.Reproducibility;
using Microsoft.CodeAnalysis;
using Xunit;
using VerifyEML5001 = EffectiveML.Tests.Infrastructure.Verify<EffectiveML.Analyzers.Rules.Reproducibility.MLContextWithoutSeedAnalyzer>;

namespace EffectiveML.Tests.Rules.Reproducibility
{
    public class MLContextWithoutSeedAnalyzerTests
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

            await VerifyEML5001.Analyzer(
                new[] { source, HouseData },
                editorConfig: null,
                OutputKind.DynamicallyLinkedLibrary,
                VerifyEML5001.Diagnostic("EML5001")
                    .WithSpan("/0/Test0.cs", 7, 25, 7, 40)
                    .WithArguments("'TrainTestSplit', 'Sdca' and 'Fit'"));
        }

        [Fact]
        public async Task Names_an_outer_call_before_the_call_it_starts_with()
        {
            // Fit and the trainer call begin at the same position; the fit encloses the trainer.
            const string source = """
                using Microsoft.ML;

                public static class PriceModel
                {
                    public static ITransformer Train(IDataView data)
                    {
                        var mlContext = new MLContext();
                        return mlContext.Regression.Trainers.Sdca(labelColumnName: nameof(HouseData.Price)).Fit(data);
                    }
                }
                """;

            await VerifyEML5001.Analyzer(
                new[] { source, HouseData },
                editorConfig: null,
                OutputKind.DynamicallyLinkedLibrary,
                VerifyEML5001.Diagnostic("EML5001")
                    .WithSpan("/0/Test0.cs", 7, 25, 7, 40)
                    .WithArguments("'Fit' and 'Sdca'"));
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
                            .Append(_mlContext.BinaryClassification.Trainers.FastTree());

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
                var model = mlContext.Regression.Trainers.FastTree(labelColumnName: "Price").Fit(data);
                mlContext.Model.Save(model, data.Schema, "model.zip");
                """;

            await VerifyEML5001.Analyzer(new[] { source, HouseData }, null, OutputKind.ConsoleApplication);
        }

        [Fact]
        public async Task Flags_context_reached_through_a_local_alias_of_a_field()
        {
            const string source = """
                using Microsoft.ML;

                public sealed class Featurizer
                {
                    private static readonly MLContext Shared = {|EML5001:new MLContext()|};

                    public ITransformer FitText(IDataView data)
                    {
                        var ml = Shared;
                        var text = ml.Transforms.Text;
                        return text.FeaturizeText("Features", "Review").Fit(data);
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
                            .Append(mlContext.Regression.Trainers.LbfgsPoissonRegression(labelColumnName: "Price"));

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
                VerifyEML5001.Diagnostic("EML5001").WithSpan(12, 25, 12, 40).WithArguments("'Fit'"));
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

            await VerifyEML5001.Analyzer(new[] { source, HouseData });
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

            await VerifyEML5001.Analyzer(new[] { source, HouseData });
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

            await VerifyEML5001.AnalyzerWithFiles(new[] { ("/0/Trainer.g.cs", generated), ("/0/Other.cs", generated.Replace("// <auto-generated/>", "// <auto-generated>\n// tool output\n// </auto-generated>").Replace("GeneratedTrainer", "OtherGeneratedTrainer")) });
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
                        return ml.BinaryClassification.Trainers.AveragedPerceptron().Fit(data);
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

            await VerifyEML5001.CodeFix<MLContextWithoutSeedCodeFix>(
                new[] { first, second },
                new[] { first.Replace("{|EML5001:new MLContext()|}", "new MLContext(seed: 0)"), second.Replace("{|EML5001:new MLContext()|}", "new MLContext(seed: 0)") });
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

            await VerifyEML5001.CodeFix<MLContextWithoutSeedCodeFix>(source, fixedSource, editorConfig: "effective_ml.EML5001.seed_value = 42");
        }
    }
}
