using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using EffectiveML.Tests.Infrastructure;
using Xunit;
using VerifyEML4106 = EffectiveML.Tests.Infrastructure.Verify<EffectiveML.Analyzers.Rules.Assumptions.SchemaClassCannotLoadRule>;

namespace EffectiveML.Tests.Rules.Assumptions
{
    public class SchemaClassCannotLoadRuleTests
    {
        private static string Program(string schema, string use = "ml.Data.LoadFromTextFile<Reading>(Path, separatorChar: ',').Preview(3);") => $$"""
            using Microsoft.ML;
            using Microsoft.ML.Data;

            public static class Program
            {
                public static string Path = "";

                public static object Run()
                {
                    var ml = new MLContext(seed: 1);
                    {{use}}
                    return null;
                }
            }

            {{schema}}
            """;

        private static TemporaryDataFile Data() => new(Enumerable.Range(0, 30).Select(i => $"{i},{i % 3},{i * 2}"));

        private static string WithData(string source, TemporaryDataFile data) =>
            source.Replace("public static string Path = \"\";", $"public static string Path = @\"{data.Path}\";");

        private static string FailureWithData(string source)
        {
            using var data = Data();
            return MLProgram.Failure(WithData(source, data));
        }

        [Theory]
        [InlineData("""
            public class Reading
            {
                [LoadColumn(0)] public float Temperature { get; set; }
                public float {|#0:Humidity|} { get; set; }
            }
            """, "Property 'Humidity' is missing the LoadColumnAttribute attribute", "'Reading' is loaded from text, where every public property must name its file column; give it [LoadColumn] or make it non-public")]
        [InlineData("""
            public class Reading
            {
                [LoadColumn(0)] public float Temperature { get; set; }
                [NoColumn] public float {|#0:Humidity|} { get; set; }
            }
            """, "Property 'Humidity' is missing the LoadColumnAttribute attribute", "'Reading' is loaded from text, and the text loader does not read [NoColumn]; move 'Humidity' to another class")]
        [InlineData("""
            public class Reading
            {
                [LoadColumn(0)] public float Temperature { get; set; }
                public float {|#0:Celsius|} => Temperature - 273.15f;
            }
            """, "Property 'Celsius' is missing the LoadColumnAttribute attribute", "'Reading' is loaded from text, where every public property must name its file column; give it [LoadColumn] or make it non-public")]
        [InlineData("""
            public class Reading
            {
                [LoadColumn(new[] { 0, 1, 0 })] public float[] {|#0:Values|} { get; set; }
            }
            """, "Intervals specified for column 'Values' overlap", "index 0 appears twice in its [LoadColumn]; LoadFromTextFile fails")]
        public async Task Flags_members_the_text_loader_rejects(string schema, string quoted, string why)
        {
            var source = Program(schema);
            await VerifyEML4106.Analyzer(source, VerifyEML4106.Diagnostic("EML4106").WithLocation(0).WithArguments(quoted, why));
            Assert.Contains(quoted, FailureWithData(source));
        }

        [Fact]
        public async Task Flags_a_range_on_a_scalar_and_one_index_on_an_array()
        {
            var source = Program("""
                public class Reading
                {
                    [LoadColumn(0, 1)] public float {|#0:Temperature|} { get; set; }
                    [LoadColumn(2)] public float[] {|#1:Values|} { get; set; }
                }
                """);
            await VerifyEML4106.Analyzer(
                source,
                VerifyEML4106.Diagnostic("EML4106").WithLocation(0).WithArguments("'Temperature' is one value, but its [LoadColumn] loads a vector", "the column becomes a vector that cannot be read back into the member; make it an array with [VectorType(n)], or load one index"),
                VerifyEML4106.Diagnostic("EML4106").WithLocation(1).WithArguments("'Values' is an array, but its [LoadColumn] loads one value", "the text loader makes it a single value that cannot be read back into the array; load a range, [LoadColumn(start, end)]"));
        }

        [Fact]
        public async Task Flags_a_range_loaded_array_without_VectorType_read_by_a_prediction_engine()
        {
            var source = Program(
                """
                public class Reading
                {
                    [LoadColumn(0, 1)] public float[] Features { get; set; }
                    [LoadColumn(2)] public float Label { get; set; }
                }

                public class Estimate
                {
                    public float Score { get; set; }
                }
                """,
                """
                var data = ml.Data.LoadFromTextFile<Reading>(Path, separatorChar: ',');
                var model = ml.Regression.Trainers.Sdca().Fit(data);
                ml.Model.{|#0:CreatePredictionEngine<Reading, Estimate>(model)|}.Predict(new Reading { Features = new float[] { 1, 2 } });
                """);
            const string quoted = "Incompatible features column type: 'Vector<Single>' vs 'Vector<Single, 2>'";
            await VerifyEML4106.Analyzer(
                source,
                VerifyEML4106.Diagnostic("EML4106").WithLocation(0).WithArguments(quoted, "the model was trained on 'Reading.Features' loaded from text as a vector of 2, and the engine reads the same member as a vector of any size; give it [VectorType(2)]"));
            Assert.Contains(quoted, FailureWithData(source));
        }

        [Fact]
        public async Task Quiet_for_classes_the_text_loader_reads_as_written()
        {
            var source = Program(
                """
                public class Reading
                {
                    [LoadColumn(0, 1), VectorType(2)] public float[] Features { get; set; }
                    [LoadColumn(2)] public float Label { get; set; }
                    [LoadColumn(new[] { 0, 2 })] public float[] Ends { get; set; }
                    public static float Scale { get; set; } = 2;
                    public const int Version = 1;
                    internal float Cached { get; set; }
                    public float this[int i] => Features[i];
                }

                public class Estimate
                {
                    public float Score { get; set; }
                }

                public class InMemory
                {
                    public float Size { get; set; }
                    [NoColumn] public string Note { get; set; }
                }
                """,
                """
                var data = ml.Data.LoadFromTextFile<Reading>(Path, separatorChar: ',');
                var model = ml.Regression.Trainers.Sdca().Fit(data);
                ml.Model.CreatePredictionEngine<Reading, Estimate>(model).Predict(new Reading { Features = new float[] { 1, 2 }, Ends = new float[] { 1, 2 } });
                ml.Data.LoadFromEnumerable(new[] { new InMemory { Size = 1 } }).Preview();
                """);
            await VerifyEML4106.Analyzer(source);
            using var data = Data();
            MLProgram.Run(WithData(source, data));
        }
    
        private const string Housing = """
            public class House
            {
                [LoadColumn(0)] public float Size { get; set; }
                [LoadColumn(1)] public float Rooms { get; set; }
                [LoadColumn(2)] public float Price { get; set; }
            }
            """;

        private static string Loading(string call) => $$"""
            using Microsoft.ML;
            using Microsoft.ML.Data;

            public static class Program
            {
                public static IDataView Load(MLContext ml) => {{call}};
            }

            """ + Housing;

        [Theory]
        [InlineData(
            """ml.Data.{|#0:LoadFromTextFile<House>("data/housing.txt", separatorChar: ',', hasHeader: true)|}""",
            "Size;Rooms;Price\n1;2;3\n",
            "The header of 'housing.txt' is one column when split at ','",
            "it splits at ';' into 3 columns, which the [LoadColumn] indexes of 'House' count; pass separatorChar: ';'")]
        [InlineData(
            """ml.Data.{|#0:LoadFromTextFile<House>(System.IO.Path.Combine("data", "housing.csv"), separatorChar: ',', hasHeader: true)|}""",
            "Size,Rooms\n1,2\n",
            "'Price' loads column 2, but the header of 'housing.csv' has 2 columns",
            "split at ',' its last index is 1; check the [LoadColumn] index against the file")]
        [InlineData(
            """ml.Data.{|#0:LoadFromTextFile<House>("housing.csv", separatorChar: ',', hasHeader: true)|}""",
            "Size,Price,Rooms\n1,3,2\n",
            "'Rooms' loads column 1 ('Price'), but the header of 'housing.csv' names column 2 'Rooms'",
            "the text loader reads columns by index, not by name; use [LoadColumn(2)]")]
        public async Task Flags_a_data_file_whose_header_does_not_fit_the_separator_or_the_indexes(string call, string file, string message, string detail)
        {
            var test = VerifyEML4106.Test(Loading(call))
                .WithAdditionalFile("/0/data/" + (call.Contains(".txt") ? "housing.txt" : "housing.csv"), file.Replace("\\n", "\n"));
            if (message.Contains("names column"))
            {
                // The same file also puts 'Price' at column 1, where the class loads 2.
                test = test.Expecting(VerifyEML4106.Diagnostic("EML4106").WithLocation(0).WithArguments(
                    "'Price' loads column 2 ('Rooms'), but the header of 'housing.csv' names column 1 'Price'",
                    "the text loader reads columns by index, not by name; use [LoadColumn(1)]"));
            }

            await test.Expecting(VerifyEML4106.Diagnostic("EML4106").WithLocation(0).WithArguments(message, detail)).RunAsync();
        }

        [Theory]
        // The header fits.
        [InlineData("""ml.Data.LoadFromTextFile<House>("data/housing.csv", separatorChar: ',', hasHeader: true)""", "housing.csv", "Size,Rooms,Price\n1,2,3\n")]
        // No header row to check.
        [InlineData("""ml.Data.LoadFromTextFile<House>("data/housing.csv", separatorChar: ',', hasHeader: false)""", "housing.csv", "1;2\n")]
        // A path the code does not state.
        [InlineData("""ml.Data.LoadFromTextFile<House>(System.Environment.GetEnvironmentVariable("DATA"), separatorChar: ',', hasHeader: true)""", "housing.csv", "Size;Rooms;Price\n")]
        // The end of an interpolation may be only part of the file's name ('xhousing.csv').
        [InlineData("""ml.Data.LoadFromTextFile<House>($"data/{System.Environment.MachineName}housing.csv", separatorChar: ',', hasHeader: true)""", "housing.csv", "Size;Rooms;Price\n")]
        // Another file than the one loaded.
        [InlineData("""ml.Data.LoadFromTextFile<House>("data/housing.csv", separatorChar: ',', hasHeader: true)""", "other.csv", "Size;Rooms;Price\n")]
        // A .csv read at tabs is EML4005's finding.
        [InlineData("""ml.Data.LoadFromTextFile<House>("data/housing.csv", hasHeader: true)""", "housing.csv", "Size,Rooms,Price\n")]
        // Names the header does not share with the class say nothing about the indexes.
        [InlineData("""ml.Data.LoadFromTextFile<House>("data/housing.csv", separatorChar: ',', hasHeader: true)""", "housing.csv", "sqft,bedrooms,usd\n")]
        public async Task Quiet_when_the_header_fits_or_cannot_be_matched_to_the_call(string call, string fileName, string file) =>
            await VerifyEML4106.Test(Loading(call)).WithAdditionalFile("/0/data/" + fileName, file.Replace("\\n", "\n")).RunAsync();

        [Fact]
        public void ML_NET_reads_by_index_whatever_the_header_says()
        {
            using (var file = new TemporaryDataFile(new[] { "Size,Price,Rooms", "100,300,2" }))
            {
                var program = $$"""
                    using System.Linq;
                    using Microsoft.ML;
                    using Microsoft.ML.Data;

                    public static class Program
                    {
                        public static object Run()
                        {
                            var ml = new MLContext(seed: 1);
                            var row = ml.Data.CreateEnumerable<House>(ml.Data.LoadFromTextFile<House>(@"{{file.Path}}", separatorChar: ',', hasHeader: true), reuseRowObject: false).Single();
                            return $"{row.Rooms};{row.Price}";
                        }
                    }

                    """ + Housing;

                // 'Rooms' gets the price and 'Price' the number of rooms, without an error.
                Assert.Equal("300;2", MLProgram.Run(program));
            }
        }
}
}
