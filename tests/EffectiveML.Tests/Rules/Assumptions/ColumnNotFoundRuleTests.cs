using System.Threading.Tasks;
using EffectiveML.CodeFixes.Assumptions;
using EffectiveML.Tests.Infrastructure;
using Xunit;
using VerifyEML4101 = EffectiveML.Tests.Infrastructure.Verify<EffectiveML.Analyzers.Rules.Assumptions.ColumnNotFoundRule>;

namespace EffectiveML.Tests.Rules.Assumptions
{
    public class ColumnNotFoundRuleTests
    {
        private const string House = """

            public class House
            {
                public float Size { get; set; }
                public float Rooms { get; set; }
                public float Price { get; set; }
                public bool Sold { get; set; }
                public string Street { get; set; }

                public static IEnumerable<House> Sample() => Enumerable.Range(1, 40).Select(i => new House
                {
                    Size = 40 + i, Rooms = i % 5 + 1, Price = 1000 * i, Sold = i % 2 == 0, Street = "s" + (i % 4),
                });
            }
            """;

        private static string Program(string pipeline) => $$"""
            using System.Collections.Generic;
            using System.Linq;
            using Microsoft.ML;

            public static class Program
            {
                public static void Run()
                {
                    var ml = new MLContext(seed: 1);
                    var data = ml.Data.LoadFromEnumerable(House.Sample());
                    var pipeline = {{pipeline}};
                    pipeline.Fit(data);
                }
            }
            """ + House;

        [Theory]
        [InlineData(
            """ml.Transforms.Concatenate("Features", "Size", {|#0:"Room"|}).Append(ml.Regression.Trainers.Sdca("Price"))""",
            "input", "Room", "the data has no such column; the closest existing column is 'Rooms'")]
        [InlineData(
            """ml.Transforms.Concatenate("Features", "Size", "Rooms").Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression(labelColumnName: {|#0:"sold"|}))""",
            "label", "sold", "neither the data nor an earlier step produces it; the closest existing column is 'Sold'")]
        [InlineData(
            """ml.Transforms.Concatenate("Feature", "Size", "Rooms").Append(ml.Regression.Trainers.Sdca("Price", {|#0:"Features"|}))""",
            "feature", "Features", "neither the data nor an earlier step produces it; the closest existing column is 'Feature'")]
        [InlineData(
            """ml.Transforms.DropColumns("Rooms").Append(ml.Transforms.Concatenate("Features", "Size", {|#0:"Rooms"|}))""",
            "input", "Rooms", "'DropColumns' removes it")]
        public async Task Flags_a_column_that_neither_the_data_nor_an_earlier_step_produces(string pipeline, string role, string column, string why)
        {
            await VerifyEML4101.Analyzer(
                Program(pipeline),
                VerifyEML4101.Diagnostic("EML4101").WithLocation(0).WithArguments(role, column, why));
            Assert.Contains($"'{column}'", MLProgram.Failure(Program(pipeline)));
        }

        [Fact]
        public async Task Flags_the_default_label_on_the_trainer_when_the_data_has_no_Label_column()
        {
            var source = Program("""ml.Transforms.Concatenate("Features", "Size", "Rooms").Append({|#0:ml.Regression.Trainers.Sdca()|})""");
            await VerifyEML4101.Analyzer(
                source,
                VerifyEML4101.Diagnostic("EML4101").WithLocation(0).WithArguments("label", "Label", "neither the data nor an earlier step produces it"));
            Assert.Contains("Could not find label column 'Label'", MLProgram.Failure(source));
        }

        [Fact]
        public async Task Flags_a_missing_column_of_data_split_from_a_load_in_view()
        {
            const string source = """
                using Microsoft.ML;

                public static class Training
                {
                    public static ITransformer Train(MLContext ml, string path)
                    {
                        var all = ml.Data.LoadFromTextFile<Reading>(path, separatorChar: ',', hasHeader: true);
                        var split = ml.Data.TrainTestSplit(all, testFraction: 0.2);
                        var pipeline = ml.Transforms.Concatenate("Features", "Temperature", {|#0:"Humidty"|})
                            .Append(ml.Regression.Trainers.Sdca(labelColumnName: "Load"));
                        return pipeline.Fit(split.TrainSet);
                    }
                }

                public class Reading
                {
                    [Microsoft.ML.Data.LoadColumn(0)] public float Temperature { get; set; }
                    [Microsoft.ML.Data.LoadColumn(1)] public float Humidity { get; set; }
                    [Microsoft.ML.Data.LoadColumn(2)] public float Load { get; set; }
                }
                """;

            await VerifyEML4101.Analyzer(
                source,
                VerifyEML4101.Diagnostic("EML4101").WithLocation(0).WithArguments("input", "Humidty", "the data has no such column; the closest existing column is 'Humidity'"));
        }

        [Fact]
        public async Task Fix_renames_the_column_to_the_closest_existing_one()
        {
            await VerifyEML4101.CodeFix<ColumnNotFoundCodeFix>(
                Program("""ml.Transforms.Concatenate("Features", {|EML4101:"size"|}, "Rooms").Append(ml.Regression.Trainers.Sdca("Price"))"""),
                Program("""ml.Transforms.Concatenate("Features", "Size", "Rooms").Append(ml.Regression.Trainers.Sdca("Price"))"""));
        }

        [Fact]
        public async Task Fix_is_not_offered_when_no_column_is_close_or_the_name_is_not_a_literal()
        {
            foreach (var pipeline in new[]
            {
                """ml.Transforms.Concatenate("Features", "Size", {|EML4101:"Garden"|}).Append(ml.Regression.Trainers.Sdca("Price"))""",
                """ml.Transforms.Concatenate("Features", "Size", {|EML4101:$"Room"|}).Append(ml.Regression.Trainers.Sdca("Price"))""",
            })
            {
                await VerifyEML4101.Test(Program(pipeline)).FixedTo<ColumnNotFoundCodeFix>(Program(pipeline)).InIterations(0).RunAsync();
            }
        }

        [Fact]
        public async Task Quiet_for_columns_that_earlier_steps_produce_and_in_place_transforms()
        {
            var source = Program("""
                ml.Transforms.Categorical.OneHotEncoding("StreetEncoded", "Street")
                        .Append(ml.Transforms.Concatenate("Features", "Size", "Rooms", "StreetEncoded"))
                        .Append(ml.Transforms.NormalizeMinMax("Features"))
                        .Append(ml.Transforms.CopyColumns("Label", "Price"))
                        .Append(ml.Regression.Trainers.Sdca())
                """);
            await VerifyEML4101.Analyzer(source);
            MLProgram.Run(source);
        }

        [Fact]
        public async Task Quiet_for_a_column_renamed_with_ColumnName_and_for_the_columns_a_trainer_adds()
        {
            const string source = """
                using Microsoft.ML;
                using Microsoft.ML.Data;

                public static class Training
                {
                    public static ITransformer Train(MLContext ml, string path)
                    {
                        var data = ml.Data.LoadFromTextFile<Passenger>(path, separatorChar: ',', hasHeader: true);
                        var pipeline = ml.Transforms.Concatenate("Features", "Age", "Fare")
                            .Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression(labelColumnName: "Survived"))
                            .Append(ml.Transforms.CopyColumns("Chance", "Probability"))
                            .Append(ml.Transforms.CopyColumns("Guess", "PredictedLabel"));
                        return pipeline.Fit(data);
                    }
                }

                public class Passenger
                {
                    [LoadColumn(0)] public float Age { get; set; }
                    [LoadColumn(1), ColumnName("Fare")] public float TicketPrice { get; set; }
                    [LoadColumn(2)] public bool Survived { get; set; }
                }
                """;

            await VerifyEML4101.Analyzer(source);
        }

        [Fact]
        public async Task Quiet_when_the_data_or_a_step_is_not_in_view()
        {
            const string source = """
                using Microsoft.ML;

                public static class Training
                {
                    public static ITransformer FromParameter(MLContext ml, IDataView data) =>
                        ml.Transforms.Concatenate("Features", "Anything").Fit(data);

                    public static ITransformer AfterAnEstimatorFromElsewhere(MLContext ml, IEstimator<ITransformer> featurizer)
                    {
                        var data = ml.Data.LoadFromEnumerable(new[] { new Row { Value = 1 } });
                        return featurizer.Append(ml.Transforms.Concatenate("Features", "MadeByTheFeaturizer")).Fit(data);
                    }

                    public static ITransformer AfterACustomMapping(MLContext ml)
                    {
                        var data = ml.Data.LoadFromEnumerable(new[] { new Row { Value = 1 } });
                        return ml.Transforms.CustomMapping<Row, Derived>((row, derived) => derived.Doubled = row.Value * 2, contractName: null)
                            .Append(ml.Transforms.Concatenate("Features", "Value", "Doubled"))
                            .Fit(data);
                    }

                    public static ITransformer AfterAnUnknownTransformedView(MLContext ml, ITransformer featurizer)
                    {
                        var data = featurizer.Transform(ml.Data.LoadFromEnumerable(new[] { new Row { Value = 1 } }));
                        return ml.Transforms.Concatenate("Features", "MadeByTheFeaturizer").Fit(data);
                    }
                }

                public class Row
                {
                    public float Value { get; set; }
                }

                public class Derived
                {
                    public float Doubled { get; set; }
                }
                """;

            await VerifyEML4101.Analyzer(source);
        }

        [Fact]
        public async Task Quiet_when_a_binary_trainer_the_table_does_not_know_may_add_Probability()
        {
            const string source = """
                using System;
                using Microsoft.ML;

                public static class Training
                {
                    public static ITransformer Train(MLContext ml, IEstimator<ITransformer> custom)
                    {
                        var data = ml.Data.LoadFromEnumerable(new[] { new Row { Value = 1, Flag = true } });
                        return ml.Transforms.Concatenate("Features", "Value")
                            .Append(ml.BinaryClassification.Trainers.SdcaNonCalibrated("Flag"))
                            .Append(ml.BinaryClassification.Calibrators.Platt())
                            .Append(ml.Transforms.CopyColumns("Chance", "Probability"))
                            .Fit(data);
                    }
                }

                public class Row
                {
                    public float Value { get; set; }
                    public bool Flag { get; set; }
                }
                """;

            await VerifyEML4101.Analyzer(source);
        }
    }
}
