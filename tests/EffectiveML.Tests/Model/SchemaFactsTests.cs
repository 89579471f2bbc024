using System;
using System.IO;
using System.Linq;
using EffectiveML.Analyzers.Model.Schemas;
using EffectiveML.Tests.Infrastructure;
using Microsoft.ML;
using Microsoft.ML.Data;
using Xunit;

namespace EffectiveML.Tests.Model
{
    /// <summary>
    /// The column-type model against ML.NET itself: each program is analyzed (the type the
    /// pipeline schema model gives a column after the pipeline) and run (the type ML.NET's fitted
    /// model gives it), and the two must agree in shape, item type and key-ness, and in size
    /// wherever the model states one. This is how the transform table's output column, the task
    /// table and the schema-class rules are verified.
    /// </summary>
    public class SchemaFactsTests
    {
        private const string Row = """

            public class Row
            {
                public float A { get; set; }
                public float B { get; set; }
                public double D { get; set; }
                public int I { get; set; }
                public string Text { get; set; }
                public string Cat { get; set; }
                public bool Flag { get; set; }
                public float Label { get; set; }
                public float[] Ragged { get; set; }
                [VectorType(3)] public float[] Fixed { get; set; }
                [NoColumn] public float Ignored { get; set; }

                public static IEnumerable<Row> Sample() => Enumerable.Range(0, 60).Select(i => new Row
                {
                    A = i, B = i % 7, D = i * 0.5, I = i % 5, Text = "word" + (i % 4) + " other", Cat = "c" + (i % 3),
                    Flag = i % 2 == 0, Label = i % 3, Ragged = new float[] { i, 1 }, Fixed = new float[] { i, i % 4, 2 },
                });
            }
            """;

        [Theory]
        [InlineData("""ml.Transforms.Concatenate("X", "A", "B")""", "X")]
        [InlineData("""ml.Transforms.Concatenate("X", "A", "Fixed")""", "X")]
        [InlineData("""ml.Transforms.Concatenate("X", "A", "Ragged")""", "X")]
        [InlineData("""ml.Transforms.CopyColumns("X", "D")""", "X")]
        [InlineData("""ml.Transforms.DropColumns("A")""", "A")]
        [InlineData("""ml.Transforms.SelectColumns("A", "B")""", "D")]
        [InlineData("""ml.Transforms.Conversion.ConvertType("X", "D")""", "X")]
        [InlineData("""ml.Transforms.Conversion.ConvertType("I")""", "I")]
        [InlineData("""ml.Transforms.Conversion.ConvertType("X", "Fixed", DataKind.Double)""", "X")]
        [InlineData("""ml.Transforms.Conversion.MapValueToKey("X", "Cat")""", "X")]
        [InlineData("""ml.Transforms.Conversion.MapValueToKey("X", "Cat").Append(ml.Transforms.Conversion.MapKeyToValue("Y", "X"))""", "Y")]
        [InlineData("""ml.Transforms.Conversion.Hash("X", "Cat")""", "X")]
        [InlineData("""ml.Transforms.Categorical.OneHotEncoding("X", "Cat")""", "X")]
        [InlineData("""ml.Transforms.Categorical.OneHotEncoding("X", "Cat", OneHotEncodingEstimator.OutputKind.Key)""", "X")]
        [InlineData("""ml.Transforms.Categorical.OneHotEncoding("X", "Cat", OneHotEncodingEstimator.OutputKind.Bag)""", "X")]
        [InlineData("""ml.Transforms.Categorical.OneHotEncoding("X", "Cat", OneHotEncodingEstimator.OutputKind.Binary)""", "X")]
        [InlineData("""ml.Transforms.Categorical.OneHotHashEncoding("X", "Cat")""", "X")]
        [InlineData("""ml.Transforms.Text.FeaturizeText("X", "Text")""", "X")]
        [InlineData("""ml.Transforms.Text.ProduceWordBags("X", "Text")""", "X")]
        [InlineData("""ml.Transforms.Text.ProduceHashedWordBags("X", "Text")""", "X")]
        [InlineData("""ml.Transforms.NormalizeMinMax("X", "A")""", "X")]
        [InlineData("""ml.Transforms.NormalizeMeanVariance("X", "Fixed")""", "X")]
        [InlineData("""ml.Transforms.NormalizeLogMeanVariance("X", "D")""", "X")]
        [InlineData("""ml.Transforms.NormalizeBinning("X", "A")""", "X")]
        [InlineData("""ml.Transforms.NormalizeSupervisedBinning("X", "A", labelColumnName: "Label")""", "X")]
        [InlineData("""ml.Transforms.NormalizeRobustScaling("X", "A")""", "X")]
        [InlineData("""ml.Transforms.NormalizeLpNorm("X", "Fixed")""", "X")]
        [InlineData("""ml.Transforms.NormalizeGlobalContrast("X", "Fixed")""", "X")]
        [InlineData("""ml.Transforms.ReplaceMissingValues("X", "A")""", "X")]
        [InlineData("""ml.Transforms.ReplaceMissingValues("X", "Fixed")""", "X")]
        [InlineData("""ml.Transforms.IndicateMissingValues("X", "A")""", "X")]
        [InlineData("""ml.Transforms.IndicateMissingValues("X", "Fixed")""", "X")]
        [InlineData("""ml.Transforms.ProjectToPrincipalComponents("X", "Fixed", rank: 2)""", "X")]
        [InlineData("""ml.Transforms.FeatureSelection.SelectFeaturesBasedOnCount("X", "Fixed")""", "X")]
        [InlineData("""ml.Transforms.FeatureSelection.SelectFeaturesBasedOnMutualInformation("X", "Fixed", labelColumnName: "Flag")""", "X")]
        [InlineData("""ml.Transforms.Concatenate("Features", "A", "B").Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression("Flag"))""", "PredictedLabel")]
        [InlineData("""ml.Transforms.Concatenate("Features", "A", "B").Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression("Flag"))""", "Score")]
        [InlineData("""ml.Transforms.Concatenate("Features", "A", "B").Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression("Flag"))""", "Probability")]
        [InlineData("""ml.Transforms.Concatenate("Features", "A", "B").Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression("Flag"))""", "Probability")]
        [InlineData("""ml.Transforms.Concatenate("Features", "A", "B").Append(ml.BinaryClassification.Trainers.SgdCalibrated("Flag"))""", "Probability")]
        [InlineData("""ml.Transforms.Concatenate("Features", "A", "B").Append(ml.BinaryClassification.Trainers.FastTree("Flag"))""", "Probability")]
        [InlineData("""ml.Transforms.Concatenate("Features", "A", "B").Append(ml.BinaryClassification.Trainers.Prior("Flag"))""", "Probability")]
        [InlineData("""ml.Transforms.Concatenate("Features", "A", "B").Append(ml.BinaryClassification.Trainers.SdcaNonCalibrated("Flag"))""", "Probability")]
        [InlineData("""ml.Transforms.Concatenate("Features", "A", "B").Append(ml.BinaryClassification.Trainers.SgdNonCalibrated("Flag"))""", "Probability")]
        [InlineData("""ml.Transforms.Concatenate("Features", "A", "B").Append(ml.BinaryClassification.Trainers.AveragedPerceptron("Flag"))""", "Probability")]
        [InlineData("""ml.Transforms.Concatenate("Features", "A", "B").Append(ml.BinaryClassification.Trainers.LinearSvm("Flag"))""", "Probability")]
        [InlineData("""ml.Transforms.Concatenate("Features", "A", "B").Append(ml.BinaryClassification.Trainers.FastForest("Flag"))""", "Probability")]
        [InlineData("""ml.Transforms.Concatenate("Features", "A", "B").Append(ml.BinaryClassification.Trainers.LdSvm("Flag"))""", "Probability")]
        [InlineData("""ml.Transforms.Conversion.MapValueToKey("Class", "Cat").Append(ml.Transforms.Concatenate("Features", "A", "B")).Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy("Class"))""", "PredictedLabel")]
        [InlineData("""ml.Transforms.Conversion.MapValueToKey("Class", "Cat").Append(ml.Transforms.Concatenate("Features", "A", "B")).Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy("Class"))""", "Score")]
        [InlineData("""ml.Transforms.Conversion.MapValueToKey("Class", "Cat").Append(ml.Transforms.Concatenate("Features", "A", "B")).Append(ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy("Class")).Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"))""", "PredictedLabel")]
        [InlineData("""ml.Transforms.Concatenate("Features", "A", "B").Append(ml.Regression.Trainers.Sdca("Label"))""", "Score")]
        [InlineData("""ml.Transforms.Concatenate("Features", "A", "B").Append(ml.Clustering.Trainers.KMeans(numberOfClusters: 2))""", "PredictedLabel")]
        [InlineData("""ml.Transforms.Concatenate("Features", "A", "B").Append(ml.Clustering.Trainers.KMeans(numberOfClusters: 2))""", "Score")]
        [InlineData("""ml.Transforms.Concatenate("Features", "A", "B").Append(ml.AnomalyDetection.Trainers.RandomizedPca(rank: 1))""", "PredictedLabel")]
        [InlineData("""ml.Transforms.Concatenate("Features", "A", "B").Append(ml.AnomalyDetection.Trainers.RandomizedPca(rank: 1))""", "Score")]
        public void The_model_gives_a_column_the_type_MLNET_gives_it(string estimator, string column)
        {
            var source = $$"""
                using System.Collections.Generic;
                using System.Linq;
                using Microsoft.ML;
                using Microsoft.ML.Data;
                using Microsoft.ML.Transforms;

                public static class Program
                {
                    public static DataViewSchema Run()
                    {
                        var ml = new MLContext(seed: 1);
                        var data = ml.Data.LoadFromEnumerable(Row.Sample());
                        var model = {{estimator}}.Fit(data);
                        return model.GetOutputSchema(data.Schema);
                    }
                }
                """ + Row;

            AssertAgree(source, column);
        }

        [Fact]
        public void The_input_columns_of_a_class_loaded_from_memory_have_its_members_types()
        {
            var source = """
                using System.Collections.Generic;
                using System.Linq;
                using Microsoft.ML;
                using Microsoft.ML.Data;

                public static class Program
                {
                    public static DataViewSchema Run()
                    {
                        var ml = new MLContext(seed: 1);
                        var data = ml.Data.LoadFromEnumerable(Row.Sample());
                        var model = ml.Transforms.CopyColumns("Copy", "A").Fit(data);
                        return model.GetOutputSchema(data.Schema);
                    }
                }
                """ + Row;

            foreach (var column in new[] { "A", "D", "I", "Text", "Flag", "Ragged", "Fixed", "Ignored" })
            {
                AssertAgree(source, column);
            }
        }

        [Fact]
        public void The_input_columns_of_a_class_loaded_from_text_follow_LoadColumn_not_the_member_type()
        {
            using (var file = new TemporaryDataFile(Enumerable.Range(0, 20).Select(i => $"{i},{i % 3},{i * 2},{i % 2 == 0},c{i % 3},{i}")))
            {
                var source = $$"""
                    using Microsoft.ML;
                    using Microsoft.ML.Data;

                    public static class Program
                    {
                        public static DataViewSchema Run()
                        {
                            var ml = new MLContext(seed: 1);
                            var data = ml.Data.LoadFromTextFile<Measurement>(@"{{file.Path}}", separatorChar: ',');
                            var model = ml.Transforms.CopyColumns("Copy", "Size").Fit(data);
                            return model.GetOutputSchema(data.Schema);
                        }
                    }

                    public class Measurement
                    {
                        [LoadColumn(0)] public float Size { get; set; }
                        [LoadColumn(0, 2)] public float[] Values { get; set; }
                        [LoadColumn(new[] { 1, 5 })] public double[] Picked { get; set; }
                        [LoadColumn(3)] public bool Flag { get; set; }
                        [LoadColumn(4), ColumnName("Category")] public string Cat { get; set; }
                        [LoadColumn(5), VectorType(7)] public float[] SingleIndex { get; set; }
                    }
                    """;

                foreach (var column in new[] { "Size", "Values", "Picked", "Flag", "Category", "SingleIndex" })
                {
                    AssertAgree(source, column);
                }
            }
        }

        [Fact]
        public void The_input_columns_of_a_literal_text_loader_column_list_are_read()
        {
            using (var file = new TemporaryDataFile(Enumerable.Range(0, 20).Select(i => $"{i},{i % 3},{i * 2},c{i % 3}")))
            {
                var source = $$"""
                    using Microsoft.ML;
                    using Microsoft.ML.Data;

                    public static class Program
                    {
                        public static DataViewSchema Run()
                        {
                            var ml = new MLContext(seed: 1);
                            var data = ml.Data.LoadFromTextFile(@"{{file.Path}}", new[]
                            {
                                new TextLoader.Column("Label", DataKind.Single, 0),
                                new TextLoader.Column("Values", DataKind.Double, 1, 2),
                                new TextLoader.Column("Cat", DataKind.String, 3),
                            }, separatorChar: ',');
                            var model = ml.Transforms.CopyColumns("Copy", "Label").Fit(data);
                            return model.GetOutputSchema(data.Schema);
                        }
                    }
                    """;

                foreach (var column in new[] { "Label", "Values", "Cat", "Copy" })
                {
                    AssertAgree(source, column);
                }
            }
        }

        private static void AssertAgree(string source, string column)
        {
            var model = ModelTestCompilation.MemberModelOf(source, "Run");
            var flow = model.Schemas.Of(model.Sites.Fits.Single());
            Assert.NotNull(flow);
            var output = flow!.Output;
            Assert.NotNull(output);

            var schema = (DataViewSchema)MLProgram.Run(source)!;
            var actual = schema.GetColumnOrNull(column);
            if (actual is null)
            {
                Assert.True(output!.IsComplete, $"ML.NET has no column '{column}'; the model must list every column to say so");
                Assert.False(output.TryGet(column, out _), $"ML.NET has no column '{column}', the model has one");
                return;
            }

            Assert.True(output!.TryGet(column, out var predicted), $"ML.NET has '{column}' of type {actual.Value.Type}; the model has no such column");
            Assert.True(predicted.Type.HasValue, $"the model leaves the type of '{column}' unknown; ML.NET says {actual.Value.Type}");
            var expected = FromMLNet(actual.Value.Type);
            var type = predicted.Type!.Value;
            Assert.True(
                type.SameShape(expected) && (type.Size == 0 || type.Size == expected.Size),
                $"'{column}': the model says {type} (size {type.Size}), ML.NET says {actual.Value.Type}");
        }

        private static ColumnType FromMLNet(DataViewType type) => type switch
        {
            VectorDataViewType vector => FromMLNet(vector.ItemType) is var item
                ? new ColumnType(vector.IsKnownSize ? ColumnShape.Vector : ColumnShape.VarVector, item.Item, item.IsKey, vector.Size)
                : default,
            KeyDataViewType key => new ColumnType(ColumnShape.Scalar, Item(key.RawType), isKey: true),
            _ => new ColumnType(ColumnShape.Scalar, Item(type.RawType)),
        };

        private static ItemType Item(Type raw) =>
            raw == typeof(ReadOnlyMemory<char>) ? ItemType.String
            : raw == typeof(float) ? ItemType.Single
            : raw == typeof(bool) ? ItemType.Boolean
            : Enum.Parse<ItemType>(raw.Name);
    }
}
