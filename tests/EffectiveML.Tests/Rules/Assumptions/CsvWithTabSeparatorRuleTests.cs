using System.Threading.Tasks;
using EffectiveML.CodeFixes.Assumptions;
using Xunit;
using VerifyEML4005 = EffectiveML.Tests.Infrastructure.Verify<EffectiveML.Analyzers.Rules.Assumptions.CsvWithTabSeparatorRule>;

namespace EffectiveML.Tests.Rules.Assumptions
{
    public class CsvWithTabSeparatorRuleTests
    {
        private const string Schema = """

            public class Review
            {
                [Microsoft.ML.Data.LoadColumn(0)] public string Text { get; set; } = "";
                [Microsoft.ML.Data.LoadColumn(1)] public bool Label { get; set; }
            }
            """;

        [Fact]
        public async Task Flags_csv_files_read_with_the_default_or_an_explicit_tab()
        {
            const string source = """
                using System.IO;
                using Microsoft.ML;

                public static class Loading
                {
                    private const string TrainFile = "reviews-train.CSV";

                    public static void Load(MLContext mlContext, string dataDirectory)
                    {
                        var train = mlContext.Data.{|#0:LoadFromTextFile<Review>(TrainFile, hasHeader: true)|};
                        var test = mlContext.Data.{|#1:LoadFromTextFile<Review>(Path.Combine(dataDirectory, "reviews-test.csv"), '\t', true)|};
                        var live = mlContext.Data.{|#2:LoadFromTextFile<Review>($"{dataDirectory}/live.csv", hasHeader: true)|};
                    }
                }
                """ + Schema;

            await VerifyEML4005.Analyzer(
                source,
                VerifyEML4005.Diagnostic("EML4005").WithLocation(0).WithArguments("reviews-train.CSV", "LoadFromTextFile"),
                VerifyEML4005.Diagnostic("EML4005").WithLocation(1).WithArguments("reviews-test.csv", "LoadFromTextFile"),
                VerifyEML4005.Diagnostic("EML4005").WithLocation(2).WithArguments("/live.csv", "LoadFromTextFile"));
        }

        [Fact]
        public async Task Flags_a_text_loader_whose_load_reads_a_csv_and_options_left_at_tab()
        {
            const string source = """
                using Microsoft.ML;
                using Microsoft.ML.Data;

                public static class Loading
                {
                    public static void Load(MLContext mlContext)
                    {
                        var loader = mlContext.Data.{|#0:CreateTextLoader<Review>(hasHeader: true)|};
                        var data = loader.Load("reviews.csv");

                        var options = new TextLoader.Options { HasHeader = true, AllowQuoting = true };
                        var quoted = mlContext.Data.{|#1:LoadFromTextFile<Review>("quoted.csv", options)|};
                    }
                }
                """ + Schema;

            await VerifyEML4005.Analyzer(
                source,
                VerifyEML4005.Diagnostic("EML4005").WithLocation(0).WithArguments("reviews.csv", "CreateTextLoader"),
                VerifyEML4005.Diagnostic("EML4005").WithLocation(1).WithArguments("quoted.csv", "LoadFromTextFile"));
        }

        [Fact]
        public async Task Quiet_for_tsv_files_comma_separators_and_paths_not_in_view()
        {
            const string source = """
                using Microsoft.ML;
                using Microsoft.ML.Data;

                public static class Loading
                {
                    public static void Load(MLContext mlContext, string configuredPath)
                    {
                        var tsv = mlContext.Data.LoadFromTextFile<Review>("reviews.tsv", '\t', hasHeader: true);
                        var txt = mlContext.Data.LoadFromTextFile<Review>("reviews.txt", hasHeader: true);
                        var csv = mlContext.Data.LoadFromTextFile<Review>("reviews.csv", separatorChar: ',', hasHeader: true);
                        var semicolons = mlContext.Data.LoadFromTextFile<Review>("export.csv", ';', true);
                        var configured = mlContext.Data.LoadFromTextFile<Review>(configuredPath, hasHeader: true);
                        var options = new TextLoader.Options { Separators = new[] { ',' }, HasHeader = true };
                        var withOptions = mlContext.Data.LoadFromTextFile<Review>("reviews.csv", options);
                        var loader = mlContext.Data.CreateTextLoader<Review>(separatorChar: ',', hasHeader: true);
                        var loaded = loader.Load("reviews.csv");
                    }
                }
                """ + Schema;

            await VerifyEML4005.Analyzer(source);
        }

        [Fact]
        public async Task Fix_sets_the_comma_separator()
        {
            const string source = """
                using Microsoft.ML;

                public static class Loading
                {
                    public static void Load(MLContext mlContext)
                    {
                        var train = mlContext.Data.{|EML4005:LoadFromTextFile<Review>("train.csv", hasHeader: true)|};
                        var test = mlContext.Data.{|EML4005:LoadFromTextFile<Review>("test.csv", '\t', true)|};
                    }
                }
                """ + Schema;

            const string fixedSource = """
                using Microsoft.ML;

                public static class Loading
                {
                    public static void Load(MLContext mlContext)
                    {
                        var train = mlContext.Data.LoadFromTextFile<Review>("train.csv", hasHeader: true, separatorChar: ',');
                        var test = mlContext.Data.LoadFromTextFile<Review>("test.csv", ',', true);
                    }
                }
                """ + Schema;

            await VerifyEML4005.CodeFix<CsvWithTabSeparatorCodeFix>(source, fixedSource);
        }
    }
}
