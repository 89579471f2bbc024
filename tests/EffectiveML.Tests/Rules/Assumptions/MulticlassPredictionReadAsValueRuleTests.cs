using System.Threading.Tasks;
using EffectiveML.CodeFixes.Assumptions;
using EffectiveML.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyEML4104 = EffectiveML.Tests.Infrastructure.Verify<EffectiveML.Analyzers.Rules.Assumptions.MulticlassPredictionReadAsValueRule>;

namespace EffectiveML.Tests.Rules.Assumptions
{
    public class MulticlassPredictionReadAsValueRuleTests
    {
        private const string Types = """

            public class Issue
            {
                public string Title { get; set; }
                public string Area { get; set; }
                public float Length { get; set; }

                public static IEnumerable<Issue> Sample() => Enumerable.Range(1, 60).Select(i => new Issue
                {
                    Title = "crash in " + (i % 3 == 0 ? "parser" : i % 3 == 1 ? "ui" : "network") + " module", Area = "a" + (i % 3), Length = i,
                });
            }

            public class AreaPrediction
            {
                public string PredictedLabel { get; set; }
            }

            public class AreaIndex
            {
                public uint PredictedLabel { get; set; }
                public float[] Score { get; set; }
            }
            """;

        private static string Program(string body) => $$"""
            using System.Collections.Generic;
            using System.Linq;
            using Microsoft.ML;

            public static class Program
            {
                public static object Run()
                {
                    var ml = new MLContext(seed: 1);
                    var data = ml.Data.LoadFromEnumerable(Issue.Sample());
                    {{body}}
                }
            }
            """ + Types;

        private const string Pipeline = """
                    var pipeline = ml.Transforms.Conversion.MapValueToKey("Label", "Area")
                        .Append(ml.Transforms.Text.FeaturizeText("Features", "Title"))
                        .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy());
            """;

        [Theory]
        [InlineData("""
                    var model = pipeline.Fit(data);
                    var engine = ml.Model.{|#0:CreatePredictionEngine<Issue, AreaPrediction>(model)|};
                    return engine.Predict(new Issue { Title = "crash in ui module" }).PredictedLabel;
            """)]
        [InlineData("""
                    var model = pipeline.Fit(data);
                    return ml.Data.{|#0:CreateEnumerable<AreaPrediction>(model.Transform(data), reuseRowObject: false)|}.First().PredictedLabel;
            """)]
        public async Task Flags_a_predicted_key_read_as_a_string(string use)
        {
            var source = Program(Pipeline + use);
            await VerifyEML4104.Analyzer(
                source,
                VerifyEML4104.Diagnostic("EML4104").WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("PredictedLabel", "PredictedLabel", "System.String", "SdcaMaximumEntropy"));
            Assert.Contains("Can't bind the IDataView column 'PredictedLabel' of type 'Key<UInt32", MLProgram.Failure(source));
        }

        [Fact]
        public async Task Fix_appends_MapKeyToValue_to_the_fitted_pipeline()
        {
            var source = Program(Pipeline + """
                    var model = pipeline.Fit(data);
                    return ml.Model.{|EML4104:CreatePredictionEngine<Issue, AreaPrediction>(model)|}.Predict(new Issue { Title = "crash in ui module" }).PredictedLabel;
            """);
            var fixedSource = Program(Pipeline + """
                    var model = pipeline.Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel")).Fit(data);
                    return ml.Model.CreatePredictionEngine<Issue, AreaPrediction>(model).Predict(new Issue { Title = "crash in ui module" }).PredictedLabel;
            """);
            await VerifyEML4104.CodeFix<MulticlassPredictionReadAsValueCodeFix>(source, fixedSource);
            Assert.StartsWith("a", (string)MLProgram.Run(fixedSource)!);
        }

        [Fact]
        public async Task Quiet_when_the_key_is_mapped_back_or_read_as_a_key()
        {
            foreach (var use in new[]
            {
                """
                    var model = pipeline.Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel")).Fit(data);
                    return ml.Model.CreatePredictionEngine<Issue, AreaPrediction>(model).Predict(new Issue { Title = "crash in ui module" }).PredictedLabel;
                """,
                """
                    var model = pipeline.Fit(data);
                    return ml.Model.CreatePredictionEngine<Issue, AreaIndex>(model).Predict(new Issue { Title = "crash in ui module" }).PredictedLabel;
                """,
            })
            {
                var source = Program(Pipeline + use);
                await VerifyEML4104.Analyzer(source);
                MLProgram.Run(source);
            }
        }

        [Fact]
        public async Task Quiet_for_binary_predictions_and_models_not_fitted_in_view()
        {
            const string source = """
                using Microsoft.ML;

                public static class Serving
                {
                    public static string FromParameter(MLContext ml, ITransformer model) =>
                        ml.Model.CreatePredictionEngine<Review, Verdict>(model).Predict(new Review()).PredictedLabel;

                    public static bool Binary(MLContext ml, Review[] reviews)
                    {
                        var data = ml.Data.LoadFromEnumerable(reviews);
                        var model = ml.Transforms.Text.FeaturizeText("Features", nameof(Review.Text))
                            .Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression(nameof(Review.Positive)))
                            .Fit(data);
                        return ml.Model.CreatePredictionEngine<Review, Sentiment>(model).Predict(reviews[0]).PredictedLabel;
                    }
                }

                public class Review
                {
                    public string Text { get; set; }
                    public bool Positive { get; set; }
                }

                public class Verdict
                {
                    public string PredictedLabel { get; set; }
                }

                public class Sentiment
                {
                    public bool PredictedLabel { get; set; }
                }
                """;

            await VerifyEML4104.Analyzer(source);
        }
    }
}
