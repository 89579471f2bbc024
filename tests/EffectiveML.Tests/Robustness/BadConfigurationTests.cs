using System;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace EffectiveML.Tests.Robustness
{
    /// <summary>
    /// Configuration the user got wrong: invalid option values (reported as EML0001, defaults
    /// used), unknown option names, huge and binary additional files. Never an exception.
    /// </summary>
    public class BadConfigurationTests
    {
        private const string Program = """
            using Microsoft.ML;

            public static class Training
            {
                public static ITransformer Train(IDataView data)
                {
                    var mlContext = new MLContext();
                    var split = mlContext.Data.TrainTestSplit(data);
                    return mlContext.Transforms.Concatenate("Features", "A", "B")
                        .Append(mlContext.Regression.Trainers.FastTree(numberOfTrees: 5000))
                        .Fit(split.TrainSet);
                }
            }
            """;

        [Fact]
        public async Task Invalid_values_are_reported_and_defaults_used_and_odd_files_are_ignored()
        {
            var project = CodeFixRunner.CreateProject(new[] { ("Training.cs", Program) });
            project = project.AddAnalyzerConfigDocument(
                ".editorconfig",
                SourceText.From("""
                    root = true

                    [*.cs]
                    effective_ml.EML5001.seed_value = forty-two
                    effective_ml.EML1002.trees_threshold = -3
                    effective_ml.EML1001.complex_trainers = Fast Tree, ???
                    effective_ml.EML9999.whatever = 1
                    effective_ml.EML5001 = true
                    effective_ml = yes
                    dotnet_diagnostic.EML5001.severity = not-a-severity
                    """),
                filePath: "/.editorconfig").Project;
            project = project.AddAdditionalDocument("huge.csv", SourceText.From(new string('x', 8 * 1024 * 1024)), filePath: "/huge.csv").Project;
            var binary = Enumerable.Range(0, 65536).Select(i => (byte)(i * 31 % 256)).ToArray();
            project = project.AddAdditionalDocument("model.zip", SourceText.From(Encoding.Latin1.GetString(binary)), filePath: "/model.zip").Project;

            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            var compilation = (await project.GetCompilationAsync(timeout.Token))!;
            var (diagnostics, failures) = await AnalysisRunner.AnalyzeAsync(compilation, timeout.Token, project.AnalyzerOptions);

            Assert.Empty(failures);
            var invalid = diagnostics.Where(d => d.Id == "EML0001").Select(d => d.GetMessage()).ToList();
            Assert.Contains(invalid, m => m.Contains("effective_ml.EML5001.seed_value = forty-two", StringComparison.Ordinal));
            Assert.Contains(invalid, m => m.Contains("effective_ml.EML1002.trees_threshold = -3", StringComparison.Ordinal));
            Assert.Contains(invalid, m => m.Contains("effective_ml.EML1001.complex_trainers = Fast Tree, ???", StringComparison.Ordinal));

            // The defaults still apply: the unseeded context and the 5,000 trees are reported as usual.
            Assert.Contains(diagnostics, d => d.Id == "EML5001");
            Assert.Contains(diagnostics, d => d.Id == "EML1002");
        }
    }
}
