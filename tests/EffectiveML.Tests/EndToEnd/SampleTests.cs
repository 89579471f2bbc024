using System;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using ChurnPrediction;
using EffectiveML.Tests.Infrastructure;
using Microsoft.ML;
using Xunit;

namespace EffectiveML.Tests.EndToEnd
{
    [Collection(CommandLineCollection.Name)]
    public class SampleTests
    {
        private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(5);

        [Fact]
        public async Task AntiPatterns_build_shows_every_implemented_rule()
        {
            // The solution: AntiPatterns, its test project (EML3002 shows there) and the
            // baseline-free project whose model never leaves (EML1001 and EML2005 look at a whole compilation).
            var build = await DotNet.RunAsync(
                Repository.Root,
                BuildTimeout,
                "build", Repository.PathOf("samples", "AntiPatterns.slnx"), "--no-incremental", "-nodeReuse:false");
            Assert.True(build.ExitCode == 0, "build failed: " + build);

            foreach (var descriptor in SuiteCatalog.Descriptors)
            {
                Assert.Matches(new Regex($@"warning {descriptor.Id}:"), build.Output);
            }
        }

        [Fact]
        public async Task AntiPatterns_SARIF_log_carries_rule_ids_messages_locations_and_help_links()
        {
            var log = System.IO.Path.Combine(DotNet.NewTempDirectory("sarif"), "effective-ml.sarif");
            var build = await DotNet.RunAsync(
                Repository.Root,
                BuildTimeout,
                "build", Repository.PathOf("samples", "AntiPatterns", "AntiPatterns.csproj"), "--no-incremental", "-nodeReuse:false",
                "-p:ErrorLog=" + log + "%2Cversion=2.1");
            Assert.True(build.ExitCode == 0, "build failed: " + build);

            using var sarif = System.Text.Json.JsonDocument.Parse(System.IO.File.ReadAllText(log));
            var run = sarif.RootElement.GetProperty("runs")[0];
            var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray()
                .Where(r => r.GetProperty("id").GetString()!.StartsWith("EML", StringComparison.Ordinal))
                .ToDictionary(r => r.GetProperty("id").GetString()!, r => r);
            var results = run.GetProperty("results").EnumerateArray()
                .Where(r => r.GetProperty("ruleId").GetString()!.StartsWith("EML", StringComparison.Ordinal))
                .ToList();

            // Configuration findings are about .editorconfig, not code: they have no source location.
            var withoutLocation = new[] { "EML0001", "EML0002" };
            Assert.NotEmpty(results);
            foreach (var result in results)
            {
                var id = result.GetProperty("ruleId").GetString()!;
                Assert.False(string.IsNullOrWhiteSpace(result.GetProperty("message").GetProperty("text").GetString()), id + " has no message");
                if (!withoutLocation.Contains(id))
                {
                    var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
                    Assert.EndsWith(".cs", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
                    Assert.True(location.GetProperty("region").GetProperty("startLine").GetInt32() > 0, id + " has no line");
                }

                var descriptor = SuiteCatalog.Descriptors.Single(d => d.Id == id);
                Assert.Equal(descriptor.HelpLinkUri, rules[id].GetProperty("helpUri").GetString());
                Assert.StartsWith(EffectiveML.Analyzers.Infrastructure.Descriptors.RulesDocument + "#" + id.ToLowerInvariant(), descriptor.HelpLinkUri);
            }

            // The whole-project rules and the TorchSharp rules show in the other projects of AntiPatterns.slnx.
            var shownElsewhere = new[] { "EML3002", "EML1001", "EML2005", "EML2006", "EML4201", "EML4202", "EML4203", "EML4204", "EML5005", "EML8003" };
            Assert.Equal(
                SuiteCatalog.Descriptors.Select(d => d.Id).Where(id => !shownElsewhere.Contains(id)).OrderBy(id => id, StringComparer.Ordinal),
                results.Select(r => r.GetProperty("ruleId").GetString()!).Distinct().OrderBy(id => id, StringComparer.Ordinal));
        }

        [Fact]
        public async Task ChurnPrediction_builds_with_zero_EffectiveML_warnings()
        {
            var build = await DotNet.RunAsync(
                Repository.Root,
                BuildTimeout,
                "build", Repository.PathOf("samples", "ChurnPrediction", "ChurnPrediction.csproj"), "--no-incremental", "-nodeReuse:false");
            Assert.True(build.ExitCode == 0, "build failed: " + build);
            Assert.DoesNotMatch(new Regex(@"\bEML\d{4}\b"), build.Output);
            Assert.Matches(new Regex(@"\b0 Warning\(s\)"), build.Output);
        }

        [Fact]
        public async Task TorchTraining_builds_with_zero_EffectiveML_warnings_with_every_rule_raised()
        {
            // Its .editorconfig raises every rule to a warning, as the anti-patterns sample's does.
            var build = await DotNet.RunAsync(
                Repository.Root,
                BuildTimeout,
                "build", Repository.PathOf("samples", "TorchTraining", "TorchTraining.csproj"), "--no-incremental", "-nodeReuse:false");
            Assert.True(build.ExitCode == 0, "build failed: " + build);
            Assert.DoesNotMatch(new Regex(@"\bEML\d{4}\b"), build.Output);
            Assert.Matches(new Regex(@"\b0 Warning\(s\)"), build.Output);
        }

        [SkippableFact]
        public async Task TorchTraining_trains_on_the_CPU_and_beats_the_mean_predictor()
        {
            Skip.If(OperatingSystem.IsWindows(), "run.sh is a bash script");

            // run.sh builds against TorchSharp-cpu and, where the system's C++ runtime is too old
            // for libtorch, runs on Debian 13's; exit code 3 says this machine cannot run it at all.
            var run = await DotNet.RunProgramAsync(
                "bash",
                Repository.Root,
                TimeSpan.FromMinutes(10),
                Repository.PathOf("samples", "TorchTraining", "run.sh"));
            var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            SystemPrograms.Require(run.ExitCode != 3, lines.Length > 0 ? lines[^1].Trim() : "run.sh exited with 3");
            Assert.True(run.ExitCode == 0, "the sample failed: " + run);

            var result = Regex.Match(run.Output, @"test MSE (\d+[.,]\d+) against the mean predictor's (\d+[.,]\d+)");
            Assert.True(result.Success, "the sample printed no test MSE: " + run);
            var network = double.Parse(result.Groups[1].Value.Replace(',', '.'), System.Globalization.CultureInfo.InvariantCulture);
            var baseline = double.Parse(result.Groups[2].Value.Replace(',', '.'), System.Globalization.CultureInfo.InvariantCulture);

            // The targets are a linear function of the features: a trained network is far better than the mean.
            Assert.True(network < baseline / 10, $"the network's test MSE {network} does not beat the mean predictor's {baseline} tenfold");
        }

        [Fact]
        public void ChurnPrediction_pipelines_train_and_the_baseline_separates_churners()
        {
            var mlContext = new MLContext(seed: 1);
            var dataPath = Repository.PathOf("samples", "ChurnPrediction", "Data", "churn.csv");
            var data = mlContext.Data.LoadFromTextFile<ChurnRecord>(dataPath, separatorChar: ',', hasHeader: true);
            var split = mlContext.Data.TrainTestSplit(data, testFraction: 0.2, seed: 1);

            foreach (var pipeline in new[] { ChurnPipelines.BuildBaseline(mlContext), ChurnPipelines.BuildBoostedTrees(mlContext) })
            {
                var model = pipeline.Fit(split.TrainSet);
                var metrics = mlContext.BinaryClassification.Evaluate(model.Transform(split.TestSet), labelColumnName: nameof(ChurnRecord.Churned));
                Assert.InRange(metrics.AreaUnderRocCurve, 0.7, 1.0);
            }
        }

        [Fact]
        public void ChurnPrediction_data_file_is_what_the_generator_writes()
        {
            var regenerated = System.IO.Path.Combine(DotNet.NewTempDirectory("churn-data"), "churn.csv");
            ChurnData.Write(regenerated);

            var committed = System.IO.File.ReadAllText(Repository.PathOf("samples", "ChurnPrediction", "Data", "churn.csv")).ReplaceLineEndings("\n");
            Assert.Equal(committed, System.IO.File.ReadAllText(regenerated).ReplaceLineEndings("\n"));
            Assert.True(committed.Length < 1_000_000, "the bundled data must stay under 1 MB");
            Assert.Equal(ChurnData.Rows + 1, committed.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        }
    }
}
