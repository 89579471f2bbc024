using System.Threading.Tasks;
using EffectiveML.Tests.Infrastructure;
using Xunit;
using VerifyEML4103 = EffectiveML.Tests.Infrastructure.Verify<EffectiveML.Analyzers.Rules.Assumptions.FeaturesNotSingleVectorRule>;

namespace EffectiveML.Tests.Rules.Assumptions
{
    public class FeaturesNotSingleVectorRuleTests
    {
        private const string Trip = """

            public class Trip
            {
                public float Distance { get; set; }
                public double Duration { get; set; }
                public int Passengers { get; set; }
                public string Vendor { get; set; }
                public float Fare { get; set; }
                public float[] Stops { get; set; }
                [VectorType(2)] public float[] Pickup { get; set; }

                public static IEnumerable<Trip> Sample() => Enumerable.Range(1, 40).Select(i => new Trip
                {
                    Distance = i, Duration = i * 1.5, Passengers = i % 4, Vendor = "v" + (i % 3), Fare = 3 * i,
                    Stops = new float[] { i, 1 }, Pickup = new float[] { i % 5, i % 7 },
                });
            }
            """;

        private static string Program(string pipeline) => $$"""
            using System.Collections.Generic;
            using System.Linq;
            using Microsoft.ML;
            using Microsoft.ML.Data;

            public static class Program
            {
                public static void Run()
                {
                    var ml = new MLContext(seed: 1);
                    var data = ml.Data.LoadFromEnumerable(Trip.Sample());
                    var pipeline = {{pipeline}};
                    pipeline.Fit(data);
                }
            }
            """ + Trip;

        [Theory]
        [InlineData("""ml.Transforms.Concatenate("Features", "Distance", {|#0:"Duration"|}).Append(ml.Regression.Trainers.Sdca("Fare"))""")]
        // ML.NET rejects the Concatenate itself, whatever rewrites its output in place before the trainer reads it.
        [InlineData("""ml.Transforms.Concatenate("Features", "Distance", {|#0:"Duration"|}).Append(ml.Transforms.NormalizeMinMax("Features")).Append(ml.Regression.Trainers.Sdca("Fare"))""")]
        public async Task Flags_the_input_of_a_Concatenate_whose_item_type_differs(string pipeline)
        {
            var source = Program(pipeline);
            const string quoted = "Concatenated columns should have the same type. Column 'Duration' has type of Double, but expected column type is Single";
            await VerifyEML4103.Analyzer(
                source,
                VerifyEML4103.Diagnostic("EML4103").WithLocation(0).WithArguments(
                    quoted,
                    "'Duration' is the double member 'Trip.Duration'; the trainer reads the concatenation 'Features' as its features; convert it with ConvertType first"));
            Assert.Contains(quoted, MLProgram.Failure(source));
        }

        [Theory]
        [InlineData(
            """ml.Transforms.Concatenate("Features", "Duration").Append(ml.Regression.Trainers.Sdca("Fare", {|#0:"Features"|}))""",
            "Vector<Double>", "the output of 'Concatenate'; convert it with ConvertType to Single")]
        [InlineData(
            """ml.Transforms.CopyColumns("Features", "Stops").Append({|#0:ml.Regression.Trainers.Sdca("Fare")|})""",
            "VarVector<Single>", "the output of 'CopyColumns'; its size varies by row: give the array member [VectorType(n)]")]
        [InlineData(
            """ml.Transforms.CopyColumns("Features", "Distance").Append({|#0:ml.Regression.Trainers.Sdca("Fare")|})""",
            "Single", "the output of 'CopyColumns'; put it in a vector with Concatenate")]
        [InlineData(
            """ml.Transforms.Concatenate("Features", "Passengers").Append({|#0:ml.Regression.Trainers.FastTree("Fare")|})""",
            "Vector<Int32>", "the output of 'Concatenate'; convert it with ConvertType to Single")]
        public async Task Flags_features_that_are_not_a_known_size_vector_of_Single(string pipeline, string actual, string origin)
        {
            var source = Program(pipeline);
            await VerifyEML4103.Analyzer(
                source,
                VerifyEML4103.Diagnostic("EML4103").WithLocation(0).WithArguments(
                    $"Schema mismatch for feature column 'Features': expected Vector<Single>, got {actual}",
                    "'Features' is " + origin));
            Assert.Contains($"Schema mismatch for feature column 'Features': expected Vector<Single>, got {actual}", MLProgram.Failure(source));
        }

        [Fact]
        public async Task Quiet_for_features_converted_encoded_and_declared_with_a_size()
        {
            foreach (var pipeline in new[]
            {
                """ml.Transforms.Conversion.ConvertType("Duration").Append(ml.Transforms.Conversion.ConvertType("Passengers")).Append(ml.Transforms.Concatenate("Features", "Distance", "Duration", "Passengers")).Append(ml.Regression.Trainers.Sdca("Fare"))""",
                """ml.Transforms.Categorical.OneHotEncoding("VendorEncoded", "Vendor").Append(ml.Transforms.Concatenate("Features", "Distance", "VendorEncoded", "Pickup")).Append(ml.Transforms.NormalizeMinMax("Features")).Append(ml.Regression.Trainers.Sdca("Fare"))""",
                """ml.Transforms.Text.FeaturizeText("VendorText", "Vendor").Append(ml.Transforms.Concatenate("Features", "VendorText", "Distance")).Append(ml.Regression.Trainers.LbfgsPoissonRegression("Fare"))""",
                """ml.Transforms.CopyColumns("Features", "Pickup").Append(ml.Regression.Trainers.Sdca("Fare"))""",
            })
            {
                var source = Program(pipeline);
                await VerifyEML4103.Analyzer(source);
                MLProgram.Run(source);
            }
        }

        [Fact]
        public async Task Quiet_for_a_text_loaded_range_and_for_trainers_that_read_their_own_inputs()
        {
            const string source = """
                using Microsoft.ML;
                using Microsoft.ML.Data;

                public static class Training
                {
                    public static ITransformer Digits(MLContext ml, string path)
                    {
                        var data = ml.Data.LoadFromTextFile<Digit>(path, separatorChar: ',');
                        return ml.Transforms.Conversion.MapValueToKey("Label", "Number")
                            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy("Label", "Pixels"))
                            .Fit(data);
                    }
                }

                public class Digit
                {
                    [LoadColumn(0, 63)] public float[] Pixels { get; set; }
                    [LoadColumn(64)] public float Number { get; set; }
                }
                """;

            await VerifyEML4103.Analyzer(source);
        }
    }
}
