using System.Threading.Tasks;
using EffectiveML.CodeFixes.Versatility;
using Microsoft.CodeAnalysis;
using Xunit;
using VerifyEML3001 = EffectiveML.Tests.Infrastructure.Verify<EffectiveML.Analyzers.Rules.Versatility.PipelineBuiltInEntryPointRule>;

namespace EffectiveML.Tests.Rules.Versatility
{
    public class PipelineBuiltInEntryPointRuleTests
    {
        [Fact]
        public async Task Flags_a_chain_with_a_trainer_built_in_Main()
        {
            const string source = """
                using System.Threading.Tasks;
                using Microsoft.ML;

                public static class Program
                {
                    public static async Task<int> Main(string[] args)
                    {
                        var mlContext = new MLContext(seed: 1);
                        var data = mlContext.Data.LoadFromTextFile<Row>(args[0], ',', hasHeader: true);
                        var pipeline = {|#0:mlContext.Transforms.Concatenate("Features", "A", "B")
                            .Append(mlContext.Transforms.NormalizeMinMax("Features"))
                            .Append(mlContext.BinaryClassification.Trainers.SdcaLogisticRegression())|};
                        var model = pipeline.Fit(data);
                        await Task.Yield();
                        return 0;
                    }
                }

                public class Row
                {
                    [Microsoft.ML.Data.LoadColumn(0)] public float A { get; set; }
                    [Microsoft.ML.Data.LoadColumn(1)] public float B { get; set; }
                    [Microsoft.ML.Data.LoadColumn(2)] public bool Label { get; set; }
                }
                """;

            await VerifyEML3001.Analyzer(
                source,
                VerifyEML3001.Diagnostic("EML3001").WithLocation(0).WithSeverity(DiagnosticSeverity.Info).WithArguments("SdcaLogisticRegression", "'Main'"));
        }

        [Fact]
        public async Task Flags_a_chain_in_top_level_statements()
        {
            const string source = """
                using Microsoft.ML;

                var mlContext = new MLContext(seed: 1);
                var data = mlContext.Data.LoadFromTextFile<Row>("rows.csv", ',', hasHeader: true);
                var model = {|#0:mlContext.Transforms.Concatenate("Features", "A", "B")
                    .Append(mlContext.Regression.Trainers.FastTree())|}
                    .Fit(data);

                public class Row
                {
                    [Microsoft.ML.Data.LoadColumn(0)] public float A { get; set; }
                    [Microsoft.ML.Data.LoadColumn(1)] public float B { get; set; }
                    [Microsoft.ML.Data.LoadColumn(2)] public float Label { get; set; }
                }
                """;

            await VerifyEML3001.Test(source)
                .AsProgram()
                .Expecting(
                    VerifyEML3001.Diagnostic("EML3001").WithLocation(0).WithSeverity(DiagnosticSeverity.Info).WithArguments("FastTree", "the top-level statements"))
                .RunAsync();
        }

        [Fact]
        public async Task Flags_a_trainer_held_in_a_local_and_appended_later()
        {
            const string source = """
                using Microsoft.ML;

                public static class Program
                {
                    public static void Main(string[] args)
                    {
                        var mlContext = new MLContext(seed: 1);
                        var data = mlContext.Data.LoadFromTextFile<Row>(args[0], ',', hasHeader: true);
                        var preparation = mlContext.Transforms.Concatenate("Features", "A", "B")
                            .Append(mlContext.Transforms.NormalizeMinMax("Features"));
                        var trainer = mlContext.BinaryClassification.Trainers.SdcaLogisticRegression();
                        var pipeline = {|#0:preparation.Append(trainer)|};
                        var model = pipeline.Fit(data);
                    }
                }

                public class Row
                {
                    [Microsoft.ML.Data.LoadColumn(0)] public float A { get; set; }
                    [Microsoft.ML.Data.LoadColumn(1)] public float B { get; set; }
                    [Microsoft.ML.Data.LoadColumn(2)] public bool Label { get; set; }
                }
                """;

            await VerifyEML3001.Analyzer(
                source,
                VerifyEML3001.Diagnostic("EML3001").WithLocation(0).WithSeverity(DiagnosticSeverity.Info).WithArguments("SdcaLogisticRegression", "'Main'"));
        }

        [Fact]
        public async Task Flags_a_local_function_of_the_top_level_statements_by_its_name()
        {
            const string source = """
                using Microsoft.ML;

                var mlContext = new MLContext(seed: 1);
                var data = mlContext.Data.LoadFromTextFile<Row>("rows.csv", ',', hasHeader: true);
                var model = Train(data);

                ITransformer Train(IDataView rows) =>
                    {|#0:mlContext.Transforms.Concatenate("Features", "A", "B")
                        .Append(mlContext.Regression.Trainers.FastTree())|}
                        .Fit(rows);

                public class Row
                {
                    [Microsoft.ML.Data.LoadColumn(0)] public float A { get; set; }
                    [Microsoft.ML.Data.LoadColumn(1)] public float B { get; set; }
                    [Microsoft.ML.Data.LoadColumn(2)] public float Label { get; set; }
                }
                """;

            await VerifyEML3001.Test(source)
                .AsProgram()
                .Expecting(
                    VerifyEML3001.Diagnostic("EML3001").WithLocation(0).WithSeverity(DiagnosticSeverity.Info).WithArguments("FastTree", "the local function 'Train' in the top-level statements"))
                .RunAsync();
        }

        [Fact]
        public async Task Quiet_for_factories_main_methods_that_call_them_and_chains_without_a_trainer()
        {
            const string source = """
                using Microsoft.ML;

                public static class Program
                {
                    public static void Main()
                    {
                        var mlContext = new MLContext(seed: 1);
                        var pipeline = BuildPipeline(mlContext);
                        var preparation = mlContext.Transforms.Concatenate("Features", "A", "B")
                            .Append(mlContext.Transforms.NormalizeMinMax("Features"));
                        var lonelyTrainer = mlContext.Regression.Trainers.Sdca();
                    }

                    public static IEstimator<ITransformer> BuildPipeline(MLContext mlContext) =>
                        mlContext.Transforms.Concatenate("Features", "A", "B")
                            .Append(mlContext.Regression.Trainers.Sdca());

                    // Not an entry point: an instance method named Main.
                    public static IEstimator<ITransformer> Main(MLContext mlContext) =>
                        mlContext.Transforms.Concatenate("Features", "A").Append(mlContext.Regression.Trainers.Sdca());
                }
                """;

            await VerifyEML3001.Analyzer(source);
        }

        [Fact]
        public async Task Fix_extracts_the_chain_into_BuildPipeline_next_to_Main()
        {
            const string source = """
                using Microsoft.ML;

                public static class Program
                {
                    public static void Main(string[] args)
                    {
                        var mlContext = new MLContext(seed: 1);
                        var featureColumn = "Features";
                        var pipeline = {|EML3001:mlContext.Transforms.Concatenate(featureColumn, "A", "B")
                            .Append(mlContext.BinaryClassification.Trainers.FastTree(featureColumnName: featureColumn))|};
                    }
                }
                """;

            const string fixedSource = """
                using Microsoft.ML;

                public static class Program
                {
                    public static void Main(string[] args)
                    {
                        var mlContext = new MLContext(seed: 1);
                        var featureColumn = "Features";
                        var pipeline = BuildPipeline(mlContext, featureColumn);
                    }

                    public static IEstimator<ITransformer> BuildPipeline(MLContext mlContext, string featureColumn) =>
                        mlContext.Transforms.Concatenate(featureColumn, "A", "B")
                            .Append(mlContext.BinaryClassification.Trainers.FastTree(featureColumnName: featureColumn));
                }
                """;

            await VerifyEML3001.Test(source).FixedTo<PipelineBuiltInEntryPointCodeFix>(fixedSource).RunAsync();
        }

        [Fact]
        public async Task Fix_All_extracts_each_chain_into_its_own_method()
        {
            const string source = """
                using Microsoft.ML;

                public static class Program
                {
                    public static void Main()
                    {
                        var mlContext = new MLContext(seed: 1);
                        var baseline = {|EML3001:mlContext.Transforms.Concatenate("Features", "A", "B")
                            .Append(mlContext.Transforms.NormalizeMinMax("Features"))
                            .Append(mlContext.Regression.Trainers.Sdca())|};
                        var boosted = {|EML3001:mlContext.Transforms.Concatenate("Features", "A", "B")
                            .Append(mlContext.Regression.Trainers.FastTree())|};
                    }
                }
                """;

            const string fixedSource = """
                using Microsoft.ML;

                public static class Program
                {
                    public static void Main()
                    {
                        var mlContext = new MLContext(seed: 1);
                        var baseline = BuildPipeline(mlContext);
                        var boosted = BuildPipeline2(mlContext);
                    }

                    public static IEstimator<ITransformer> BuildPipeline2(MLContext mlContext) =>
                        mlContext.Transforms.Concatenate("Features", "A", "B")
                            .Append(mlContext.Regression.Trainers.FastTree());

                    public static IEstimator<ITransformer> BuildPipeline(MLContext mlContext) =>
                        mlContext.Transforms.Concatenate("Features", "A", "B")
                            .Append(mlContext.Transforms.NormalizeMinMax("Features"))
                            .Append(mlContext.Regression.Trainers.Sdca());
                }
                """;

            // One fix at a time takes two rounds; Fix All extracts both in one.
            await VerifyEML3001.Test(source)
                .FixedTo<PipelineBuiltInEntryPointCodeFix>(fixedSource)
                .InIterations(2)
                .FixAllInIterations(1)
                .RunAsync();
        }

        [Fact]
        public async Task Fix_moves_a_top_level_chain_into_a_Pipelines_class()
        {
            const string source = """
                using Microsoft.ML;

                var mlContext = new MLContext(seed: 1);
                var pipeline = {|EML3001:mlContext.Transforms.Concatenate("Features", "A", "B")
                    .Append(mlContext.Regression.Trainers.FastTree())|};
                System.Console.WriteLine(pipeline);
                """;

            const string fixedSource = """
                using Microsoft.ML;

                var mlContext = new MLContext(seed: 1);
                var pipeline = Pipelines.BuildPipeline(mlContext);
                System.Console.WriteLine(pipeline);

                public static class Pipelines
                {
                    public static IEstimator<ITransformer> BuildPipeline(MLContext mlContext) =>
                        mlContext.Transforms.Concatenate("Features", "A", "B")
                            .Append(mlContext.Regression.Trainers.FastTree());
                }
                """;

            await VerifyEML3001.Test(source).AsProgram().FixedTo<PipelineBuiltInEntryPointCodeFix>(fixedSource).RunAsync();
        }
    }
}
