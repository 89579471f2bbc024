using System.Threading.Tasks;
using EffectiveML.Tests.Infrastructure;
using Xunit;
using VerifyEML4105 = EffectiveML.Tests.Infrastructure.Verify<EffectiveML.Analyzers.Rules.Assumptions.PredictionColumnNotProducedRule>;

namespace EffectiveML.Tests.Rules.Assumptions
{
    public class PredictionColumnNotProducedRuleTests
    {
        private const string Types = """

            public class Visit
            {
                public float Minutes { get; set; }
                public float Pages { get; set; }
                public bool Bought { get; set; }
                public float Spent { get; set; }

                public static IEnumerable<Visit> Sample() => Enumerable.Range(1, 60).Select(i => new Visit
                {
                    Minutes = i % 17, Pages = i % 9, Bought = i % 17 > 8, Spent = i % 17 * 3.5f,
                });
            }

            public class PurchaseChance
            {
                public bool PredictedLabel { get; set; }
                public float Probability { get; set; }
            }

            public class SpendEstimate
            {
                public float Scor { get; set; }
            }

            public class PurchaseScore
            {
                public bool PredictedLabel { get; set; }
                public float Score { get; set; }
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
                    var data = ml.Data.LoadFromEnumerable(Visit.Sample());
                    {{body}}
                }
            }
            """ + Types;

        [Fact]
        public async Task Flags_Probability_after_a_trainer_that_is_not_calibrated_and_the_engine_leaves_it_at_zero()
        {
            var source = Program("""
                    var model = ml.Transforms.Concatenate("Features", "Minutes", "Pages")
                        .Append(ml.BinaryClassification.Trainers.AveragedPerceptron("Bought"))
                        .Fit(data);
                    var engine = ml.Model.{|#0:CreatePredictionEngine<Visit, PurchaseChance>(model)|};
                    return engine.Predict(new Visit { Minutes = 16, Pages = 8 }).Probability;
            """);
            await VerifyEML4105.Analyzer(
                source,
                VerifyEML4105.Diagnostic("EML4105").WithLocation(0).WithArguments(
                    "'PurchaseChance.Probability' reads the column 'Probability', which the model does not produce",
                    "'AveragedPerceptron' is not calibrated and adds no Probability; the prediction engine leaves it at its default"));
            Assert.Equal(0f, (float)MLProgram.Run(source)!);
        }

        [Fact]
        public async Task Flags_a_misspelled_column_that_CreateEnumerable_cannot_find()
        {
            var source = Program("""
                    var model = ml.Transforms.Concatenate("Features", "Minutes", "Pages")
                        .Append(ml.Regression.Trainers.Sdca("Spent"))
                        .Fit(data);
                    return ml.Data.{|#0:CreateEnumerable<SpendEstimate>(model.Transform(data), reuseRowObject: false)|}.First().Scor;
            """);
            await VerifyEML4105.Analyzer(
                source,
                VerifyEML4105.Diagnostic("EML4105").WithLocation(0).WithArguments(
                    "'SpendEstimate.Scor' reads the column 'Scor', which the model does not produce",
                    "the closest column it produces is 'Score'; CreateEnumerable throws 'Could not find column'"));
            Assert.Contains("column 'Scor'", MLProgram.Failure(source));
        }

        [Fact]
        public async Task Flags_Evaluate_on_a_model_that_is_not_calibrated()
        {
            var source = Program("""
                    var model = ml.Transforms.Concatenate("Features", "Minutes", "Pages")
                        .Append(ml.BinaryClassification.Trainers.SdcaNonCalibrated("Bought"))
                        .Fit(data);
                    return ml.BinaryClassification.{|#0:Evaluate(model.Transform(data), "Bought")|}.AreaUnderRocCurve;
            """);
            await VerifyEML4105.Analyzer(
                source,
                VerifyEML4105.Diagnostic("EML4105").WithLocation(0).WithArguments(
                    "Probability column 'Probability' not found",
                    "'SdcaNonCalibrated' is not calibrated and adds no Probability; evaluate it with EvaluateNonCalibrated"));
            Assert.Contains("Probability column 'Probability' not found", MLProgram.Failure(source));
        }

        [Fact]
        public async Task Quiet_for_calibrated_models_scores_and_EvaluateNonCalibrated()
        {
            foreach (var body in new[]
            {
                """
                    var model = ml.Transforms.Concatenate("Features", "Minutes", "Pages").Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression("Bought")).Fit(data);
                    return ml.Model.CreatePredictionEngine<Visit, PurchaseChance>(model).Predict(new Visit { Minutes = 16, Pages = 8 }).Probability;
                """,
                """
                    var model = ml.Transforms.Concatenate("Features", "Minutes", "Pages").Append(ml.BinaryClassification.Trainers.AveragedPerceptron("Bought")).Fit(data);
                    return ml.Model.CreatePredictionEngine<Visit, PurchaseScore>(model).Predict(new Visit { Minutes = 16, Pages = 8 }).Score;
                """,
                """
                    var model = ml.Transforms.Concatenate("Features", "Minutes", "Pages").Append(ml.BinaryClassification.Trainers.AveragedPerceptron("Bought")).Fit(data);
                    return ml.BinaryClassification.EvaluateNonCalibrated(model.Transform(data), "Bought").AreaUnderRocCurve;
                """,
                """
                    var model = ml.Transforms.Concatenate("Features", "Minutes", "Pages").Append(ml.BinaryClassification.Trainers.SdcaNonCalibrated("Bought")).Append(ml.BinaryClassification.Calibrators.Platt("Bought")).Fit(data);
                    return ml.Model.CreatePredictionEngine<Visit, PurchaseChance>(model).Predict(new Visit { Minutes = 16, Pages = 8 }).Probability;
                """,
                """
                    var model = ml.Transforms.Concatenate("Features", "Minutes", "Pages").Append(ml.BinaryClassification.Trainers.FastTree("Bought")).Fit(data);
                    return ml.Data.CreateEnumerable<PurchaseChance>(model.Transform(data), reuseRowObject: false).First().Probability;
                """,
            })
            {
                var source = Program(body);
                await VerifyEML4105.Analyzer(source);
                MLProgram.Run(source);
            }
        }

        [Fact]
        public async Task Quiet_when_the_input_class_supplies_the_column_or_is_not_in_view()
        {
            const string source = """
                using Microsoft.ML;
                using Microsoft.ML.Data;

                public static class Serving
                {
                    public static float PassedThrough(MLContext ml, Visit[] visits)
                    {
                        var model = ml.Transforms.Concatenate("Features", "Minutes").Append(ml.Regression.Trainers.Sdca("Spent")).Fit(ml.Data.LoadFromEnumerable(visits));
                        return ml.Model.CreatePredictionEngine<Visit, Echo>(model).Predict(visits[0]).Minutes;
                    }

                    public static float FromParameter(MLContext ml, ITransformer model, IDataView data) =>
                        ml.Model.CreatePredictionEngine<Visit, Echo>(model).Predict(new Visit()).Scored;

                    public static float TransformedElsewhere(MLContext ml, IDataView scored) =>
                        System.Linq.Enumerable.First(ml.Data.CreateEnumerable<Echo>(scored, reuseRowObject: false)).Scored;
                }

                public class Visit
                {
                    public float Minutes { get; set; }
                    public float Spent { get; set; }
                }

                public class Echo
                {
                    public float Minutes { get; set; }
                    [ColumnName("Score")] public float Scored { get; set; }
                    [NoColumn] public string Note { get; set; }
                    public float Computed => Minutes * 2;
                }
                """;

            await VerifyEML4105.Analyzer(source);
        }
    }
}
