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
            // baseline-free project (EML1001 looks at a whole compilation).
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
