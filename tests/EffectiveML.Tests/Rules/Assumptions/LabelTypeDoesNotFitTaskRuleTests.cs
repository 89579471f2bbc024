using System.Threading.Tasks;
using EffectiveML.Tests.Infrastructure;
using EffectiveML.CodeFixes.Assumptions;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyEML4102 = EffectiveML.Tests.Infrastructure.Verify<EffectiveML.Analyzers.Rules.Assumptions.LabelTypeDoesNotFitTaskRule>;

namespace EffectiveML.Tests.Rules.Assumptions
{
    public class LabelTypeDoesNotFitTaskRuleTests
    {
        private const string Flower = """

            public class Flower
            {
                public float PetalLength { get; set; }
                public float PetalWidth { get; set; }
                public string Species { get; set; }
                public float Label { get; set; }
                public double Height { get; set; }
                public bool Blooms { get; set; }

                public static IEnumerable<Flower> Sample() => Enumerable.Range(1, 60).Select(i => new Flower
                {
                    PetalLength = i % 7, PetalWidth = i % 3, Species = "s" + (i % 3), Label = i % 2, Height = i * 0.5, Blooms = i % 2 == 0,
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
                    var data = ml.Data.LoadFromEnumerable(Flower.Sample());
                    var pipeline = {{pipeline}};
                    pipeline.Fit(data);
                }
            }
            """ + Flower;

        [Theory]
        [InlineData(
            """ml.Transforms.Concatenate("Features", "PetalLength", "PetalWidth").Append({|#0:ml.BinaryClassification.Trainers.SdcaLogisticRegression()|})""",
            "Label", "Boolean", "Single", "the float member 'Flower.Label'", "")]
        [InlineData(
            """ml.Transforms.Concatenate("Features", "PetalLength", "PetalWidth").Append(ml.Regression.Trainers.Sdca(labelColumnName: {|#0:"Height"|}))""",
            "Height", "Single", "Double", "the double member 'Flower.Height'", "")]
        [InlineData(
            """ml.Transforms.Concatenate("Features", "PetalLength", "PetalWidth").Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy({|#0:"Species"|}))""",
            "Species", "Key<UInt32>", "String", "the string member 'Flower.Species'", "; map it to a key with MapValueToKey before the trainer")]
        [InlineData(
            """ml.Transforms.Concatenate("Features", "PetalLength", "PetalWidth").Append(ml.Regression.Trainers.FastTree({|#0:"Blooms"|}))""",
            "Blooms", "Single", "Boolean", "the bool member 'Flower.Blooms'", "")]
        public async Task Flags_a_label_whose_type_the_task_does_not_take(string pipeline, string label, string expected, string actual, string origin, string hint)
        {
            await VerifyEML4102.Analyzer(
                Program(pipeline),
                VerifyEML4102.Diagnostic("EML4102").WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments(label, expected, actual, origin, hint));
            Assert.Contains($"Schema mismatch for label column '{label}': expected {expected}, got {actual}", MLProgram.Failure(Program(pipeline)));
        }

        [Fact]
        public async Task Flags_a_label_that_a_step_converts_to_the_wrong_type()
        {
            var source = Program("""
                ml.Transforms.Conversion.ConvertType("Label", "Blooms", Microsoft.ML.Data.DataKind.Double)
                        .Append(ml.Transforms.Concatenate("Features", "PetalLength"))
                        .Append({|#0:ml.Regression.Trainers.Sdca()|})
                """);
            await VerifyEML4102.Analyzer(
                source,
                VerifyEML4102.Diagnostic("EML4102").WithLocation(0).WithArguments("Label", "Single", "Double", "the output of 'ConvertType'", ""));
            Assert.Contains("expected Single, got Double", MLProgram.Failure(source));
        }

        [Fact]
        public async Task Fix_maps_a_multiclass_label_to_a_key_before_the_trainer()
        {
            var source = Program("""ml.Transforms.Concatenate("Features", "PetalLength", "PetalWidth").Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy({|EML4102:"Species"|}))""");
            var fixedSource = Program("""ml.Transforms.Concatenate("Features", "PetalLength", "PetalWidth").Append(ml.Transforms.Conversion.MapValueToKey("Species")).Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy("Species"))""");
            await VerifyEML4102.CodeFix<LabelTypeDoesNotFitTaskCodeFix>(source, fixedSource);
            MLProgram.Run(fixedSource);
        }

        [Fact]
        public async Task Fix_names_the_label_as_the_trainer_does()
        {
            var source = Program("""ml.Transforms.Concatenate("Features", "PetalLength", "PetalWidth").Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(labelColumnName: {|EML4102:nameof(Flower.Species)|}))""");
            var fixedSource = Program("""ml.Transforms.Concatenate("Features", "PetalLength", "PetalWidth").Append(ml.Transforms.Conversion.MapValueToKey(nameof(Flower.Species))).Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(labelColumnName: nameof(Flower.Species)))""");
            await VerifyEML4102.CodeFix<LabelTypeDoesNotFitTaskCodeFix>(source, fixedSource);
        }

        [Fact]
        public async Task Fix_wraps_a_trainer_that_starts_the_chain()
        {
            const string source = """
                using Microsoft.ML;
                using Microsoft.ML.Data;

                public static class Training
                {
                    public static ITransformer Train(MLContext ml, Digit[] digits) =>
                        ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy({|EML4102:"Number"|}, "Pixels").Fit(ml.Data.LoadFromEnumerable(digits));
                }

                public class Digit
                {
                    [VectorType(4)] public float[] Pixels { get; set; }
                    public string Number { get; set; }
                }
                """;
            await VerifyEML4102.CodeFix<LabelTypeDoesNotFitTaskCodeFix>(source, source.Replace(
                """ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy({|EML4102:"Number"|}, "Pixels").Fit(""",
                """ml.Transforms.Conversion.MapValueToKey("Number").Append(ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy("Number", "Pixels")).Fit("""));
        }

        [Fact]
        public async Task Quiet_for_labels_of_the_type_each_task_takes()
        {
            foreach (var pipeline in new[]
            {
                """ml.Transforms.Conversion.MapValueToKey("Species").Append(ml.Transforms.Concatenate("Features", "PetalLength", "PetalWidth")).Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy("Species"))""",
                """ml.Transforms.Concatenate("Features", "PetalLength", "PetalWidth").Append(ml.BinaryClassification.Trainers.FastTree("Blooms"))""",
                """ml.Transforms.Conversion.ConvertType("Height").Append(ml.Transforms.Concatenate("Features", "PetalLength", "PetalWidth")).Append(ml.Regression.Trainers.Sdca("Height"))""",
                """ml.Transforms.Concatenate("Features", "PetalLength", "PetalWidth").Append(ml.Regression.Trainers.Sdca())""",
                """ml.Transforms.Conversion.MapValueToKey("Group", "Species").Append(ml.Transforms.Concatenate("Features", "PetalLength")).Append(ml.Ranking.Trainers.FastTree("Label", rowGroupColumnName: "Group"))""",
                """ml.Transforms.Concatenate("Features", "PetalLength", "PetalWidth").Append(ml.Clustering.Trainers.KMeans(numberOfClusters: 3))""",
            })
            {
                var source = Program(pipeline);
                await VerifyEML4102.Analyzer(source);
                MLProgram.Run(source);
            }
        }

        [Fact]
        public async Task Quiet_when_the_label_type_is_not_in_view()
        {
            const string source = """
                using Microsoft.ML;

                public static class Training
                {
                    public static ITransformer Train(MLContext ml, IDataView data) =>
                        ml.Transforms.Concatenate("Features", "A", "B").Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression()).Fit(data);

                    public static ITransformer MadeByAnUnknownStep(MLContext ml, Row[] rows)
                    {
                        var data = ml.Data.LoadFromEnumerable(rows);
                        return ml.Transforms.Expression("Label", "x => x > 3", "A")
                            .Append(ml.Transforms.Concatenate("Features", "A", "B"))
                            .Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression())
                            .Fit(data);
                    }
                }

                public class Row
                {
                    public float A { get; set; }
                    public float B { get; set; }
                    public decimal Label { get; set; }
                }
                """;

            await VerifyEML4102.Analyzer(source);
        }
    }
}
