using System.Threading.Tasks;
using EffectiveML.CodeFixes.Resilience;
using Microsoft.CodeAnalysis;
using Xunit;
using VerifyEML8001 = EffectiveML.Tests.Infrastructure.Verify<EffectiveML.Analyzers.Rules.Resilience.ColumnNameLiteralAnalyzer>;

namespace EffectiveML.Tests.Rules.Resilience
{
    public class ColumnNameLiteralAnalyzerTests
    {
        private const string Schema = """

            public class HouseData
            {
                [Microsoft.ML.Data.LoadColumn(0)] public float Size { get; set; }
                [Microsoft.ML.Data.LoadColumn(1)] public float Rooms { get; set; }
                [Microsoft.ML.Data.LoadColumn(2), Microsoft.ML.Data.ColumnName("Label")] public float Price { get; set; }
            }
            """;

        [Fact]
        public async Task Flags_literals_that_spell_a_schema_property()
        {
            const string source = """
                using Microsoft.ML;

                public static class Training
                {
                    public static ITransformer Train(MLContext mlContext, string path)
                    {
                        var data = mlContext.Data.LoadFromTextFile<HouseData>(path, ',', hasHeader: true);
                        var pipeline = mlContext.Transforms.Concatenate("Features", {|#0:"Size"|}, {|#1:"Rooms"|})
                            .Append(mlContext.Transforms.Conversion.ConvertType(new[] { new InputOutputColumnPair("RoomsAsDouble", {|#2:"Rooms"|}) }, Microsoft.ML.Data.DataKind.Double))
                            .Append(mlContext.Regression.Trainers.FastTree());
                        return pipeline.Fit(data);
                    }
                }
                """ + Schema;

            await VerifyEML8001.Analyzer(
                source,
                VerifyEML8001.Diagnostic("EML8001").WithLocation(0).WithSeverity(DiagnosticSeverity.Info).WithArguments("Size", "HouseData.Size"),
                VerifyEML8001.Diagnostic("EML8001").WithLocation(1).WithSeverity(DiagnosticSeverity.Info).WithArguments("Rooms", "HouseData.Rooms"),
                VerifyEML8001.Diagnostic("EML8001").WithLocation(2).WithSeverity(DiagnosticSeverity.Info).WithArguments("Rooms", "HouseData.Rooms"));
        }

        [Fact]
        public async Task Quiet_for_ColumnName_values_new_columns_nameof_and_schemas_not_in_view()
        {
            const string source = """
                using Microsoft.ML;

                public static class Training
                {
                    public static ITransformer Train(MLContext mlContext, string path)
                    {
                        var data = mlContext.Data.LoadFromTextFile<HouseData>(path, ',', hasHeader: true);
                        var pipeline = mlContext.Transforms.Concatenate("Features", nameof(HouseData.Size), nameof(HouseData.Rooms))
                            .Append(mlContext.Regression.Trainers.FastTree(labelColumnName: "Label"));
                        return pipeline.Fit(data);
                    }

                    public static IEstimator<ITransformer> Factory(MLContext mlContext) =>
                        mlContext.Transforms.Concatenate("Features", "Size", "Rooms");
                }
                """ + Schema;

            await VerifyEML8001.Analyzer(source);
        }

        [Fact]
        public async Task Fix_uses_nameof()
        {
            const string source = """
                using Microsoft.ML;

                public static class Training
                {
                    public static ITransformer Train(MLContext mlContext, string path)
                    {
                        var data = mlContext.Data.LoadFromTextFile<HouseData>(path, ',', hasHeader: true);
                        return mlContext.Transforms.Concatenate("Features", {|EML8001:"Size"|}, {|EML8001:"Rooms"|}).Fit(data);
                    }
                }
                """ + Schema;

            const string fixedSource = """
                using Microsoft.ML;

                public static class Training
                {
                    public static ITransformer Train(MLContext mlContext, string path)
                    {
                        var data = mlContext.Data.LoadFromTextFile<HouseData>(path, ',', hasHeader: true);
                        return mlContext.Transforms.Concatenate("Features", nameof(HouseData.Size), nameof(HouseData.Rooms)).Fit(data);
                    }
                }
                """ + Schema;

            await VerifyEML8001.CodeFix<ColumnNameLiteralCodeFix>(source, fixedSource);
        }
    }
}
