using System.Threading.Tasks;
using EffectiveML.CodeFixes.Reproducibility;
using Xunit;
using VerifyEML5002 = EffectiveML.Tests.Infrastructure.Verify<EffectiveML.Analyzers.Rules.Reproducibility.SplitWithoutSeedRule>;

namespace EffectiveML.Tests.Rules.Reproducibility
{
    public class SplitWithoutSeedRuleTests
    {
        [Fact]
        public async Task Flags_split_on_a_context_parameter()
        {
            const string source = """
                using Microsoft.ML;

                public static class DataPreparation
                {
                    public static DataOperationsCatalog.TrainTestData Split(MLContext mlContext, string path)
                    {
                        var data = mlContext.Data.LoadFromTextFile<Row>(path, separatorChar: ',', hasHeader: true);
                        return mlContext.Data.TrainTestSplit(data, testFraction: 0.25);
                    }
                }

                public class Row
                {
                    [Microsoft.ML.Data.LoadColumn(0)] public float Value { get; set; }
                }
                """;

            await VerifyEML5002.Analyzer(
                source,
                VerifyEML5002.Diagnostic("EML5002").WithSpan(8, 31, 8, 71).WithArguments("TrainTestSplit", "the parameter 'mlContext'"));
        }

        [Fact]
        public async Task Flags_context_injected_through_the_constructor()
        {
            const string source = """
                using Microsoft.ML;

                public sealed class ModelSelection
                {
                    private readonly MLContext _mlContext;

                    public ModelSelection(MLContext mlContext) => _mlContext = mlContext;

                    public void Compare(IDataView data, IEstimator<ITransformer> pipeline)
                    {
                        var folds = _mlContext.BinaryClassification.{|EML5002:CrossValidate(data, pipeline, numberOfFolds: 5)|};
                        var shuffled = _mlContext.Data.{|EML5002:ShuffleRows(data, seed: null)|};
                        var foldColumns = _mlContext.Data.{|EML5002:CrossValidationSplit(shuffled)|};
                    }
                }
                """;

            await VerifyEML5002.Analyzer(source);
        }

        [Fact]
        public async Task Flags_settable_property_and_catalog_parameter()
        {
            const string source = """
                using Microsoft.ML;

                public sealed class Sampler
                {
                    public MLContext Context { get; set; } = null!;

                    public IDataView Bootstrap(IDataView data) => Context.Data.{|EML5002:BootstrapSample(data)|};

                    public static IDataView Shuffle(DataOperationsCatalog catalog, IDataView data) => catalog.{|EML5002:ShuffleRows(data)|};
                }
                """;

            await VerifyEML5002.Analyzer(source);
        }

        [Fact]
        public async Task Quiet_when_the_call_passes_a_seed()
        {
            const string source = """
                using Microsoft.ML;

                public static class Splits
                {
                    public static void Run(MLContext mlContext, IDataView data, IEstimator<ITransformer> pipeline, int seed)
                    {
                        var split = mlContext.Data.TrainTestSplit(data, testFraction: 0.2, seed: 7);
                        var shuffled = mlContext.Data.ShuffleRows(data, seed);
                        var folds = mlContext.Regression.CrossValidate(data, pipeline, seed: seed);
                    }
                }
                """;

            await VerifyEML5002.Analyzer(source);
        }

        [Fact]
        public async Task Quiet_when_the_context_creation_is_in_view()
        {
            const string source = """
                using Microsoft.ML;

                public sealed class Pipeline
                {
                    private readonly MLContext _seededInDeclaration = new MLContext(seed: 1);
                    private readonly MLContext _seededInConstructor;

                    public Pipeline()
                    {
                        _seededInConstructor = new MLContext(seed: 2);
                    }

                    public void Run(IDataView data)
                    {
                        _seededInDeclaration.Data.TrainTestSplit(data);
                        _seededInConstructor.Data.ShuffleRows(data);

                        // Unseeded but in view: EML5001 reports the creation, not every call.
                        var local = new MLContext();
                        local.Data.TrainTestSplit(data);
                    }
                }
                """;

            await VerifyEML5002.Analyzer(source);
        }

        [Fact]
        public async Task Quiet_for_a_private_method_whose_callers_all_pass_seeded_contexts()
        {
            const string source = """
                using Microsoft.ML;

                internal sealed class Experiment
                {
                    private readonly MLContext mlContext = new MLContext(seed: 1);

                    public void Run(IDataView data)
                    {
                        Evaluate(mlContext, data);
                        Evaluate(new MLContext(seed: 2), data);
                        var local = new MLContext(seed: 3);
                        Evaluate(local, data);
                    }

                    // The parameter shadows the seeded field; every caller passes a seeded context.
                    private static void Evaluate(MLContext mlContext, IDataView data)
                    {
                        var split = mlContext.Data.TrainTestSplit(data, testFraction: 0.2);
                        var shuffled = mlContext.Data.ShuffleRows(split.TrainSet);
                    }
                }
                """;

            await VerifyEML5002.Analyzer(source);
        }

        [Fact]
        public async Task Quiet_for_a_local_function_and_an_internal_method_of_a_program_with_a_seeded_context()
        {
            const string source = """
                using Microsoft.ML;

                class Program
                {
                    static void Main()
                    {
                        var mlContext = new MLContext(seed: 0);
                        var data = mlContext.Data.LoadFromEnumerable(new[] { new Row() });
                        var train = Split(mlContext, data);
                        var shuffled = Shuffle(mlContext);

                        IDataView Shuffle(MLContext context) => context.Data.ShuffleRows(train);
                    }

                    public static IDataView Split(MLContext mlContext, IDataView data) =>
                        mlContext.Data.TrainTestSplit(data).TrainSet;
                }

                public class Row
                {
                    public float Value { get; set; }
                }
                """;

            await VerifyEML5002.Analyzer(source);
        }

        [Fact]
        public async Task Quiet_for_a_private_method_that_top_level_statements_call_with_a_seeded_context()
        {
            const string source = """
                using Microsoft.ML;

                var mlContext = new MLContext(seed: 0);
                var data = mlContext.Data.LoadFromEnumerable(new[] { new Row() });
                var train = Program.Split(mlContext, data);

                public partial class Program
                {
                    private static IDataView Split(MLContext context, IDataView data) =>
                        context.Data.TrainTestSplit(data).TrainSet;
                }

                public class Row
                {
                    public float Value { get; set; }
                }
                """;

            await VerifyEML5002.Test(source).AsProgram().RunAsync();
        }

        [Fact]
        public async Task Flags_a_private_method_that_top_level_statements_call_with_a_context_of_unknown_seed()
        {
            const string source = """
                using Microsoft.ML;

                var mlContext = Program.Context();
                var data = mlContext.Data.LoadFromEnumerable(new[] { new Row() });
                var train = Program.Split(mlContext, data);

                public partial class Program
                {
                    private static IDataView Split(MLContext context, IDataView data) =>
                        context.Data.TrainTestSplit(data).TrainSet;

                    internal static MLContext Context() => new MLContext(seed: 1);
                }

                public class Row
                {
                    public float Value { get; set; }
                }
                """;

            await VerifyEML5002.Test(source)
                .Expecting(VerifyEML5002.Diagnostic("EML5002").WithSpan(10, 22, 10, 42).WithArguments("TrainTestSplit", "the result of 'Context()'"))
                .AsProgram()
                .RunAsync();
        }

        [Fact]
        public async Task Flags_a_private_method_when_a_caller_passes_a_context_of_unknown_seed()
        {
            const string source = """
                using Microsoft.ML;

                internal sealed class Experiment
                {
                    public void Run(IDataView data, MLContext injected)
                    {
                        Split(new MLContext(seed: 1), data);
                        Split(injected, data);
                    }

                    private static IDataView Split(MLContext mlContext, IDataView data) =>
                        mlContext.Data.TrainTestSplit(data).TrainSet;
                }
                """;

            await VerifyEML5002.Analyzer(
                source,
                VerifyEML5002.Diagnostic("EML5002").WithSpan(12, 24, 12, 44).WithArguments("TrainTestSplit", "the parameter 'injected'"));
        }

        [Fact]
        public async Task Flags_a_method_others_can_call_or_that_is_handed_on_as_a_delegate()
        {
            const string source = """
                using System;
                using Microsoft.ML;

                public sealed class Splits
                {
                    public void Run(IDataView data)
                    {
                        var seeded = new MLContext(seed: 1);
                        Public(seeded, data);
                        Private(seeded, data);
                        Func<MLContext, IDataView, IDataView> split = Private;
                    }

                    public IDataView Public(MLContext seeded, IDataView data) => seeded.Data.{|EML5002:ShuffleRows(data)|};

                    private IDataView Private(MLContext context, IDataView data) => context.Data.{|EML5002:ShuffleRows(data)|};
                }
                """;

            await VerifyEML5002.Analyzer(source);
        }

        [Fact]
        public async Task Quiet_for_calls_without_randomness_on_a_parameter_context()
        {
            const string source = """
                using Microsoft.ML;

                public static class Scoring
                {
                    public static IDataView Score(MLContext mlContext, ITransformer model, string path)
                    {
                        var data = mlContext.Data.LoadFromTextFile(path, new[] { new Microsoft.ML.Data.TextLoader.Column("Value", Microsoft.ML.Data.DataKind.Single, 0) }, separatorChar: ',', hasHeader: true);
                        var firstRows = mlContext.Data.TakeRows(data, 100);
                        var trainer = mlContext.Regression.Trainers.Sdca();
                        return model.Transform(firstRows);
                    }
                }
                """;

            await VerifyEML5002.Analyzer(source);
        }

        [Fact]
        public async Task Quiet_in_generated_code()
        {
            const string generated = """
                // <auto-generated/>
                using Microsoft.ML;

                public static class GeneratedSplit
                {
                    public static DataOperationsCatalog.TrainTestData Split(MLContext ml, IDataView data) => ml.Data.TrainTestSplit(data);
                }
                """;

            await VerifyEML5002.Test().WithFile("/0/Split.Designer.cs", generated).RunAsync();
        }

        [Fact]
        public async Task Fix_adds_a_named_seed_and_fix_all_covers_every_call()
        {
            const string source = """
                using Microsoft.ML;

                public static class Splits
                {
                    public static void Run(MLContext mlContext, IDataView data, IEstimator<ITransformer> pipeline)
                    {
                        var split = mlContext.Data.{|EML5002:TrainTestSplit(data, 0.2)|};
                        var shuffled = mlContext.Data.{|EML5002:ShuffleRows(data, seed: null)|};
                        var folds = mlContext.BinaryClassification.{|EML5002:CrossValidate(
                            data,
                            pipeline,
                            numberOfFolds: 10)|};
                    }
                }
                """;

            const string fixedSource = """
                using Microsoft.ML;

                public static class Splits
                {
                    public static void Run(MLContext mlContext, IDataView data, IEstimator<ITransformer> pipeline)
                    {
                        var split = mlContext.Data.TrainTestSplit(data, 0.2, seed: 0);
                        var shuffled = mlContext.Data.ShuffleRows(data, seed: 0);
                        var folds = mlContext.BinaryClassification.CrossValidate(
                            data,
                            pipeline,
                            numberOfFolds: 10, seed: 0);
                    }
                }
                """;

            await VerifyEML5002.CodeFix<SplitWithoutSeedCodeFix>(source, fixedSource);
        }

        [Fact]
        public async Task Fix_uses_the_configured_seed_value()
        {
            const string source = """
                using Microsoft.ML;

                public static class Splits
                {
                    public static DataOperationsCatalog.TrainTestData Run(MLContext mlContext, IDataView data) =>
                        mlContext.Data.{|EML5002:TrainTestSplit(data)|};
                }
                """;

            const string fixedSource = """
                using Microsoft.ML;

                public static class Splits
                {
                    public static DataOperationsCatalog.TrainTestData Run(MLContext mlContext, IDataView data) =>
                        mlContext.Data.TrainTestSplit(data, seed: 2026);
                }
                """;

            await VerifyEML5002.Test(source)
                .WithEditorConfig("effective_ml.EML5002.seed_value = 2026")
                .FixedTo<SplitWithoutSeedCodeFix>(fixedSource)
                .RunAsync();
        }
    }
}
