using System.Threading.Tasks;
using EffectiveML.CodeFixes.Assumptions;
using Microsoft.CodeAnalysis;
using Xunit;
using VerifyEML4006 = EffectiveML.Tests.Infrastructure.Verify<EffectiveML.Analyzers.Rules.Assumptions.HeaderNotDeclaredRule>;

namespace EffectiveML.Tests.Rules.Assumptions
{
    public class HeaderNotDeclaredRuleTests
    {
        private const string Schema = """

            public class Sale
            {
                [Microsoft.ML.Data.LoadColumn(0)] public float Price { get; set; }
                [Microsoft.ML.Data.LoadColumn(1)] public float Area { get; set; }
            }
            """;

        [Fact]
        public async Task Flags_loaders_that_leave_the_header_to_the_default()
        {
            const string source = """
                using Microsoft.ML;
                using Microsoft.ML.Data;

                public static class Loading
                {
                    public static void Load(MLContext mlContext, string path)
                    {
                        var a = mlContext.Data.{|#0:LoadFromTextFile<Sale>(path, separatorChar: ',')|};
                        var loader = mlContext.Data.{|#1:CreateTextLoader<Sale>(',')|};
                        var options = new TextLoader.Options { Separators = new[] { ',' } };
                        var b = mlContext.Data.{|#2:LoadFromTextFile<Sale>(path, options)|};
                    }
                }
                """ + Schema;

            await VerifyEML4006.Analyzer(
                source,
                VerifyEML4006.Diagnostic("EML4006").WithLocation(0).WithSeverity(DiagnosticSeverity.Info).WithArguments("LoadFromTextFile"),
                VerifyEML4006.Diagnostic("EML4006").WithLocation(1).WithSeverity(DiagnosticSeverity.Info).WithArguments("CreateTextLoader"),
                VerifyEML4006.Diagnostic("EML4006").WithLocation(2).WithSeverity(DiagnosticSeverity.Info).WithArguments("LoadFromTextFile"));
        }

        [Fact]
        public async Task Flags_a_loader_that_declares_its_columns_in_an_array()
        {
            const string source = """
                using Microsoft.ML;
                using Microsoft.ML.Data;

                public static class Loading
                {
                    public static IDataView Load(MLContext mlContext, string path)
                    {
                        var columns = new[] { new TextLoader.Column("Price", DataKind.Single, 0), new TextLoader.Column("Area", DataKind.Single, 1) };
                        return mlContext.Data.{|#0:LoadFromTextFile(path, columns, separatorChar: ',')|};
                    }
                }
                """;

            await VerifyEML4006.Analyzer(
                source,
                VerifyEML4006.Diagnostic("EML4006").WithLocation(0).WithSeverity(DiagnosticSeverity.Info).WithArguments("LoadFromTextFile"));
        }

        [Fact]
        public async Task Quiet_for_a_loader_that_reads_the_schema_SaveAsText_wrote()
        {
            const string source = """
                using System.IO;
                using Microsoft.ML;
                using Microsoft.ML.Data;

                public static class Caching
                {
                    public static IDataView RoundTrip(MLContext mlContext, IDataView featurized, string path)
                    {
                        using (var stream = File.Create(path))
                        {
                            mlContext.Data.SaveAsText(featurized, stream, schema: true);
                        }

                        var plain = mlContext.Data.LoadFromTextFile(path);
                        var options = new TextLoader.Options { AllowQuoting = true };
                        return mlContext.Data.LoadFromTextFile(path, options);
                    }
                }
                """;

            await VerifyEML4006.Analyzer(source);
        }

        [Fact]
        public async Task Quiet_when_the_header_is_declared_either_way_or_options_come_from_elsewhere()
        {
            const string source = """
                using Microsoft.ML;
                using Microsoft.ML.Data;

                public static class Loading
                {
                    public static void Load(MLContext mlContext, string path, TextLoader.Options configured)
                    {
                        var a = mlContext.Data.LoadFromTextFile<Sale>(path, ',', false);
                        var b = mlContext.Data.LoadFromTextFile<Sale>(path, hasHeader: true, separatorChar: ',');
                        var options = new TextLoader.Options { Separators = new[] { ',' } };
                        options.HasHeader = true;
                        var c = mlContext.Data.LoadFromTextFile<Sale>(path, options);
                        var d = mlContext.Data.LoadFromTextFile<Sale>(path, configured);
                    }
                }
                """ + Schema;

            await VerifyEML4006.Analyzer(source);
        }

        [Theory]
        [InlineData("true")]
        [InlineData("false")]
        public async Task Fix_declares_the_header(string hasHeader)
        {
            const string source = """
                using Microsoft.ML;

                public static class Loading
                {
                    public static void Load(MLContext mlContext, string path)
                    {
                        var data = mlContext.Data.{|EML4006:LoadFromTextFile<Sale>(path, ',')|};
                    }
                }
                """ + Schema;

            var fixedSource = $$"""
                using Microsoft.ML;

                public static class Loading
                {
                    public static void Load(MLContext mlContext, string path)
                    {
                        var data = mlContext.Data.LoadFromTextFile<Sale>(path, ',', hasHeader: {{hasHeader}});
                    }
                }
                """ + Schema;

            await VerifyEML4006.Test(source)
                .FixedTo<HeaderNotDeclaredCodeFix>(fixedSource)
                .ChoosingAction("EML4006:" + hasHeader)
                .RunAsync();
        }
    }
}
