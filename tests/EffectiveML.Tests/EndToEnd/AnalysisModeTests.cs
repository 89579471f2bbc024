using System;
using System.IO;
using System.Threading.Tasks;
using EffectiveML.Tests.Infrastructure;
using Xunit;

namespace EffectiveML.Tests.EndToEnd
{
    /// <summary>EffectiveMLAnalysisMode end to end: each preset with dotnet build, and the user's .editorconfig winning over it.</summary>
    [Collection(CommandLineCollection.Name)]
    public class AnalysisModeTests
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

        // EML5001 is a warning by default; EML4006 (header not declared) is info; EML4003 is off
        // by default and stays off in Recommended; EML2005 (model never leaves) is documented as noisy.
        private const string Program = """
            using Microsoft.ML;
            using Microsoft.ML.Transforms;

            namespace Consumer;

            public static class Program
            {
                public static void Main(string[] args)
                {
                    var mlContext = new MLContext();
                    var data = mlContext.Data.ShuffleRows(mlContext.Data.LoadFromTextFile<Row>(args[0], separatorChar: ','));
                    var pipeline = mlContext.Transforms.ReplaceMissingValues(nameof(Row.Value), replacementMode: MissingValueReplacingEstimator.ReplacementMode.Mean)
                        .Append(mlContext.Transforms.Concatenate("Features", nameof(Row.Value)))
                        .Append(mlContext.Regression.Trainers.FastTree());
                    System.Console.WriteLine(pipeline.GetType().Name);
                }
            }

            public sealed class Row
            {
                [Microsoft.ML.Data.LoadColumn(0)] public float Value { get; set; }
                [Microsoft.ML.Data.LoadColumn(1)] public float Label { get; set; }
            }
            """;

        private readonly PackedPackage _package;

        public AnalysisModeTests(PackedPackage package) => _package = package;

        [Fact]
        public async Task Each_mode_sets_the_severities_and_the_users_editorconfig_wins()
        {
            var project = _package.CreateConsumer("modes", Program, "Microsoft.ML.FastTree");

            var restore = await DotNet.RunAsync(project, Timeout, "restore");
            Assert.True(restore.ExitCode == 0, "restore failed: " + restore);

            var byDefault = await Build(project, "Default");
            Assert.Contains("warning EML5001", byDefault);
            Assert.DoesNotContain("EML4006", byDefault);

            var recommended = await Build(project, "Recommended");
            Assert.Contains("warning EML5001", recommended);
            Assert.Contains("warning EML4006", recommended);
            Assert.DoesNotContain("EML4003", recommended);

            var all = await Build(project, "All");
            Assert.Contains("warning EML4006", all);
            Assert.Contains("warning EML4003", all);

            var none = await Build(project, "None");
            Assert.DoesNotContain("EML", none.Replace("EffectiveML", string.Empty, StringComparison.Ordinal));

            File.WriteAllText(Path.Combine(project, ".editorconfig"), "root = true\n\n[*.cs]\ndotnet_diagnostic.EML4006.severity = none\ndotnet_diagnostic.EML5001.severity = error\n");
            var overridden = await Build(project, "All", expectSuccess: false);
            Assert.DoesNotContain("EML4006", overridden);
            Assert.Contains("error EML5001", overridden);
        }

        private static async Task<string> Build(string project, string mode, bool expectSuccess = true)
        {
            var build = await DotNet.RunAsync(project, Timeout, "build", "--no-restore", "--no-incremental", "-nodeReuse:false", "-p:EffectiveMLAnalysisMode=" + mode);
            Assert.True(!expectSuccess || build.ExitCode == 0, $"build in mode {mode} failed: {build}");
            return build.Output;
        }
    }
}
