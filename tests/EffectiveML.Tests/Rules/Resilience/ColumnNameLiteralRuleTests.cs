using System.Threading.Tasks;
using EffectiveML.CodeFixes.Resilience;
using Microsoft.CodeAnalysis;
using Xunit;
using VerifyEML8001 = EffectiveML.Tests.Infrastructure.Verify<EffectiveML.Analyzers.Rules.Resilience.ColumnNameLiteralRule>;

namespace EffectiveML.Tests.Rules.Resilience
{
    public class ColumnNameLiteralRuleTests
    {
        private const string Schema = """

            public class HouseData
            {
                [Microsoft.ML.Data.LoadColumn(0)] public float Size { get; set; }
                [Microsoft.ML.Data.LoadColumn(1)] public float Rooms { get; set; }
                [Microsoft.ML.Data.LoadColumn(2), Microsoft.ML.Data.ColumnName("Label")] public float Price { get; set; }
                [Microsoft.ML.Data.LoadColumn(3)] public string District { get; set; } = "";
            }

            public class PricePrediction
            {
                public float Score { get; set; }
                public float[] Contributions { get; set; } = new float[0];
            }
            """;

        [Fact]
        public async Task Flags_literals_that_spell_input_schema_members_once_per_call()
        {
            const string source = """
                using Microsoft.ML;
                using Microsoft.ML.Data;

                public static class Training
                {
                    public static ITransformer Train(MLContext mlContext, string path)
                    {
                        var data = mlContext.Data.LoadFromTextFile<HouseData>(path, ',', hasHeader: true);
                        var pipeline = mlContext.Transforms.{|#0:Concatenate("Features", {|#1:"Size"|}, {|#2:"Rooms"|})|}
                            .Append(mlContext.Transforms.Conversion.{|#3:ConvertType(new[] { new InputOutputColumnPair("RoomsAsDouble", {|#4:"Rooms"|}) }, Microsoft.ML.Data.DataKind.Double)|})
                            .Append(mlContext.Regression.Trainers.FastTree());
                        var model = pipeline.Fit(data);
                        var sizes = data.{|#5:GetColumn<float>({|#6:"Size"|})|};
                        var scaled = mlContext.Transforms.{|#7:NormalizeMinMax({|#8:"Rooms"|})|}.Fit(data);
                        return model;
                    }
                }
                """ + Schema;

            await VerifyEML8001.Analyzer(
                source,
                VerifyEML8001.Diagnostic("EML8001").WithLocation(0).WithLocation(1).WithLocation(2).WithSeverity(DiagnosticSeverity.Info)
                    .WithArguments("'Concatenate'", "the columns \"Size\" (HouseData.Size) and \"Rooms\" (HouseData.Rooms)", "string literals"),
                VerifyEML8001.Diagnostic("EML8001").WithLocation(3).WithLocation(4).WithSeverity(DiagnosticSeverity.Info)
                    .WithArguments("'ConvertType'", "the column \"Rooms\" (HouseData.Rooms)", "a string literal"),
                VerifyEML8001.Diagnostic("EML8001").WithLocation(5).WithLocation(6).WithSeverity(DiagnosticSeverity.Info)
                    .WithArguments("'GetColumn'", "the column \"Size\" (HouseData.Size)", "a string literal"),
                VerifyEML8001.Diagnostic("EML8001").WithLocation(7).WithLocation(8).WithSeverity(DiagnosticSeverity.Info)
                    .WithArguments("'NormalizeMinMax'", "the column \"Rooms\" (HouseData.Rooms)", "a string literal"));
        }

        [Fact]
        public async Task Flags_column_name_parameters_of_any_case_and_lists_many_literals_briefly()
        {
            const string source = """
                using Microsoft.ML;

                public static class Preparation
                {
                    public static IDataView Prepare(MLContext mlContext, string path)
                    {
                        var data = mlContext.Data.LoadFromTextFile<HouseData>(path, ',', hasHeader: true);
                        var dropped = mlContext.Transforms.{|#0:DropColumns({|#1:"District"|})|}.Fit(data).Transform(data);
                        return mlContext.Transforms.Categorical.{|#2:OneHotEncoding(new[]
                        {
                            new InputOutputColumnPair("SizeCode", {|#3:"Size"|}),
                            new InputOutputColumnPair("RoomsCode", {|#4:"Rooms"|}),
                            new InputOutputColumnPair("DistrictCode", {|#5:"District"|}),
                            new InputOutputColumnPair("Size2", {|#6:"Size"|}),
                            new InputOutputColumnPair("Rooms2", {|#7:"Rooms"|}),
                        })|}.Fit(dropped).Transform(dropped);
                    }
                }
                """ + Schema;

            await VerifyEML8001.Analyzer(
                source,
                VerifyEML8001.Diagnostic("EML8001").WithLocation(0).WithLocation(1).WithSeverity(DiagnosticSeverity.Info)
                    .WithArguments("'DropColumns'", "the column \"District\" (HouseData.District)", "a string literal"),
                VerifyEML8001.Diagnostic("EML8001").WithLocation(2).WithLocation(3).WithLocation(4).WithLocation(5).WithLocation(6).WithLocation(7).WithSeverity(DiagnosticSeverity.Info)
                    .WithArguments("'OneHotEncoding'", "the columns \"Size\" (HouseData.Size), \"Rooms\" (HouseData.Rooms), \"District\" (HouseData.District) and 2 more", "string literals"));
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
        public async Task Quiet_for_output_classes_new_columns_and_the_names_ML_NET_gives_or_reads_by_default()
        {
            const string source = """
                using Microsoft.ML;
                using Microsoft.ML.Data;

                public class Rated
                {
                    public float Label { get; set; }
                    public float[] Features { get; set; } = new float[0];
                    public uint GroupId { get; set; }
                    public float Score { get; set; }
                }

                public static class Scoring
                {
                    public static float[] Score(MLContext mlContext, ITransformer model, Rated[] rows)
                    {
                        var data = mlContext.Data.LoadFromEnumerable(rows);
                        var scored = model.Transform(data);
                        var explained = mlContext.Transforms.CopyColumns("Contributions", "FeatureContributions").Fit(scored).Transform(scored);
                        var ranked = mlContext.Transforms.Conversion.Hash("GroupId", "GroupId").Fit(data).Transform(data);
                        var labels = mlContext.Transforms.Conversion.MapValueToKey("Label").Fit(data).Transform(data);
                        var engine = mlContext.Model.CreatePredictionEngine<HouseData, PricePrediction>(model);
                        var rooms = mlContext.Transforms.Conversion.ConvertType("Rooms", nameof(HouseData.Size)).Fit(data);
                        var copied = mlContext.Transforms.CopyColumns("Price", "Score").Fit(scored);
                        foreach (var prediction in mlContext.Data.CreateEnumerable<PricePrediction>(explained, reuseRowObject: false))
                        {
                            System.Console.WriteLine(prediction.Score);
                        }

                        return System.Linq.Enumerable.ToArray(scored.GetColumn<float>("Score"));
                    }
                }
                """ + Schema;

            await VerifyEML8001.Analyzer(source);
        }

        [Fact]
        public async Task Fix_uses_nameof_for_every_literal_of_the_call()
        {
            const string source = """
                using Microsoft.ML;

                public static class Training
                {
                    public static ITransformer Train(MLContext mlContext, string path)
                    {
                        var data = mlContext.Data.LoadFromTextFile<HouseData>(path, ',', hasHeader: true);
                        return mlContext.Transforms.{|EML8001:Concatenate("Features", "Size", "Rooms")|}.Fit(data);
                    }

                    public static ITransformer Encode(MLContext mlContext, string path)
                    {
                        var data = mlContext.Data.LoadFromTextFile<HouseData>(path, ',', hasHeader: true);
                        return mlContext.Transforms.Categorical.{|EML8001:OneHotEncoding("DistrictCode", "District")|}.Fit(data);
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

                    public static ITransformer Encode(MLContext mlContext, string path)
                    {
                        var data = mlContext.Data.LoadFromTextFile<HouseData>(path, ',', hasHeader: true);
                        return mlContext.Transforms.Categorical.OneHotEncoding("DistrictCode", nameof(HouseData.District)).Fit(data);
                    }
                }
                """ + Schema;

            await VerifyEML8001.CodeFix<ColumnNameLiteralCodeFix>(source, fixedSource);
        }
    }
}
