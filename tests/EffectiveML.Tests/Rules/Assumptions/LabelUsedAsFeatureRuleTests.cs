using System.Threading.Tasks;
using EffectiveML.CodeFixes.Assumptions;
using Xunit;
using VerifyEML4007 = EffectiveML.Tests.Infrastructure.Verify<EffectiveML.Analyzers.Rules.Assumptions.LabelUsedAsFeatureRule>;

namespace EffectiveML.Tests.Rules.Assumptions
{
    public class LabelUsedAsFeatureRuleTests
    {
        private const string Schema = """

            public class House
            {
                public float Size { get; set; }
                public float Rooms { get; set; }
                public float Price { get; set; }
                public bool Sold { get; set; }
            }
            """;

        // The label itself, a copy of it, and a custom label column.
        [Theory]
        [InlineData(
            """mlContext.Transforms.Concatenate("Features", "Size", "Rooms", {|#0:"Label"|}).Append(mlContext.Transforms.NormalizeMinMax("Features")).Append(mlContext.Regression.Trainers.Sdca())""",
            "Label")]
        [InlineData(
            """mlContext.Transforms.CopyColumns("PriceCopy", {|#0:"Label"|}).Append(mlContext.Transforms.Concatenate("Features", "Size", "PriceCopy")).Append(mlContext.Regression.Trainers.FastForest())""",
            "Label")]
        [InlineData(
            """mlContext.Transforms.Concatenate("Features", nameof(House.Size), {|#0:nameof(House.Sold)|}).Append(mlContext.BinaryClassification.Trainers.FastTree(labelColumnName: nameof(House.Sold)))""",
            "Sold")]
        public async Task Flags_the_label_where_a_chain_makes_it_a_feature(string chain, string label)
        {
            var source = $$"""
                using Microsoft.ML;

                public static class Pipelines
                {
                    public static IEstimator<ITransformer> Build(MLContext mlContext) =>
                        {{chain}};
                }
                """ + Schema;

            await VerifyEML4007.Analyzer(
                source,
                VerifyEML4007.Diagnostic("EML4007").WithLocation(0).WithArguments("Features", label, "the label"));
        }

        [Fact]
        public async Task Flags_the_column_the_label_was_copied_from()
        {
            const string source = """
                using Microsoft.ML;

                public static class Pipelines
                {
                    public static IEstimator<ITransformer> Build(MLContext mlContext)
                    {
                        var label = mlContext.Transforms.CopyColumns(outputColumnName: "Label", inputColumnName: nameof(House.Price));
                        var features = mlContext.Transforms.Concatenate("Features", nameof(House.Size), nameof(House.Rooms), {|#0:nameof(House.Price)|});
                        return label.Append(features)
                            .Append(mlContext.Transforms.NormalizeMeanVariance("Features"))
                            .Append(mlContext.Regression.Trainers.Sdca());
                    }
                }
                """ + Schema;

            await VerifyEML4007.Analyzer(
                source,
                VerifyEML4007.Diagnostic("EML4007").WithLocation(0).WithArguments("Features", "Price", "the column the label 'Label' is made from"));
        }

        [Fact]
        public async Task Flags_the_label_among_the_names_of_a_column_list_in_view()
        {
            const string source = """
                using System.Linq;
                using Microsoft.ML;
                using Microsoft.ML.Data;
                using Microsoft.ML.Transforms.Text;

                public static class TicketRouting
                {
                    public static ITransformer Train(MLContext mlContext, string path)
                    {
                        var columns = new[]
                        {
                            new TextLoader.Column("Title", DataKind.String, 0),
                            new TextLoader.Column("Description", DataKind.String, 1),
                            new TextLoader.Column("Area", DataKind.String, 2),
                        };
                        var data = mlContext.Data.LoadFromTextFile(path, columns, separatorChar: ',', hasHeader: true);
                        var pipeline = mlContext.Transforms.Conversion.MapValueToKey("Label", "Area")
                            .Append(mlContext.Transforms.Text.FeaturizeText("Features", new TextFeaturizingEstimator.Options(), {|#0:columns.Select(c => c.Name).ToArray()|}))
                            .Append(mlContext.MulticlassClassification.Trainers.SdcaMaximumEntropy());
                        return pipeline.Fit(data);
                    }

                    public static IEstimator<ITransformer> WithoutTitles(MLContext mlContext)
                    {
                        var columns = new[]
                        {
                            new TextLoader.Column("Title", DataKind.String, 0),
                            new TextLoader.Column("Description", DataKind.String, 1),
                            new TextLoader.Column("Area", DataKind.String, 2),
                            new TextLoader.Column("Priority", DataKind.Single, 3),
                        };
                        var text = columns.Where(c => c.DataKind == DataKind.String && c.Name != "Title").Select(c => c.Name);
                        return mlContext.Transforms.Conversion.MapValueToKey("Label", "Area")
                            .Append(mlContext.Transforms.Text.FeaturizeText("Features", new TextFeaturizingEstimator.Options(), {|#1:text.ToArray()|}))
                            .Append(mlContext.MulticlassClassification.Trainers.SdcaMaximumEntropy());
                    }
                }
                """;

            await VerifyEML4007.Analyzer(
                source,
                VerifyEML4007.Diagnostic("EML4007").WithLocation(0).WithArguments("Features", "Area", "the column the label 'Label' is made from"),
                VerifyEML4007.Diagnostic("EML4007").WithLocation(1).WithArguments("Features", "Area", "the column the label 'Label' is made from"));
        }

        [Fact]
        public async Task Quiet_when_a_column_list_filters_the_label_out()
        {
            const string source = """
                using System.Linq;
                using Microsoft.ML;
                using Microsoft.ML.Data;
                using Microsoft.ML.Transforms.Text;

                public static class TicketRouting
                {
                    public static ITransformer Train(MLContext mlContext, string path)
                    {
                        var columns = new[]
                        {
                            new TextLoader.Column("Title", DataKind.String, 0),
                            new TextLoader.Column("Description", DataKind.String, 1),
                            new TextLoader.Column("Area", DataKind.String, 2),
                        };
                        var data = mlContext.Data.LoadFromTextFile(path, columns, separatorChar: ',', hasHeader: true);
                        var inputs = columns.Where(c => c.Name != "Area").Select(c => c.Name).ToArray();
                        var names = new[] { "Title", "Description", "Area" }.Except(new[] { "Area" }).ToArray();
                        var pipeline = mlContext.Transforms.Conversion.MapValueToKey("Label", "Area")
                            .Append(mlContext.Transforms.Text.FeaturizeText("Text", new TextFeaturizingEstimator.Options(), inputs))
                            .Append(mlContext.Transforms.Text.FeaturizeText("Words", new TextFeaturizingEstimator.Options(), names))
                            .Append(mlContext.Transforms.Concatenate("Features", "Text", "Words"))
                            .Append(mlContext.MulticlassClassification.Trainers.SdcaMaximumEntropy());
                        return pipeline.Fit(data);
                    }
                }
                """;

            await VerifyEML4007.Analyzer(source);
        }

        [Fact]
        public async Task Quiet_when_the_label_is_excluded_or_a_custom_label_is_not_among_the_features()
        {
            const string source = """
                using Microsoft.ML;

                public static class Pipelines
                {
                    public static IEstimator<ITransformer> Regression(MLContext mlContext) =>
                        mlContext.Transforms.CopyColumns("Label", nameof(House.Price))
                            .Append(mlContext.Transforms.Concatenate("Features", nameof(House.Size), nameof(House.Rooms)))
                            .Append(mlContext.Transforms.NormalizeMinMax("Features"))
                            .Append(mlContext.Regression.Trainers.Sdca());

                    public static IEstimator<ITransformer> Classification(MLContext mlContext) =>
                        // "Label" is an ordinary column here: the trainer's label is Sold.
                        mlContext.Transforms.Concatenate("Features", "Size", "Label")
                            .Append(mlContext.BinaryClassification.Trainers.FastTree(labelColumnName: "Sold"));

                    public static IEstimator<ITransformer> Unknown(MLContext mlContext, string[] featureColumns) =>
                        mlContext.Transforms.Concatenate("Features", featureColumns)
                            .Append(mlContext.Regression.Trainers.FastTree());
                }
                """ + Schema;

            await VerifyEML4007.Analyzer(source);
        }

        [Fact]
        public async Task Fix_removes_the_label_from_the_inputs()
        {
            const string source = """
                using Microsoft.ML;

                public static class Pipelines
                {
                    public static IEstimator<ITransformer> Build(MLContext mlContext) =>
                        mlContext.Transforms.Concatenate("Features", "Size", {|EML4007:"Label"|}, "Rooms")
                            .Append(mlContext.Regression.Trainers.FastTree());
                }
                """ + Schema;

            const string fixedSource = """
                using Microsoft.ML;

                public static class Pipelines
                {
                    public static IEstimator<ITransformer> Build(MLContext mlContext) =>
                        mlContext.Transforms.Concatenate("Features", "Size", "Rooms")
                            .Append(mlContext.Regression.Trainers.FastTree());
                }
                """ + Schema;

            await VerifyEML4007.CodeFix<LabelUsedAsFeatureCodeFix>(source, fixedSource);
        }
    }
}
