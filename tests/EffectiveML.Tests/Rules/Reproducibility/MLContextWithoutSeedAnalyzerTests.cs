using System.Threading.Tasks;
using EffectiveML.Analyzers.Rules.Reproducibility;
using EffectiveML.CodeFixes.Reproducibility;
using EffectiveML.Tests.Infrastructure;
using Xunit;
using VerifyEML5001 = EffectiveML.Tests.Infrastructure.Verify<EffectiveML.Analyzers.Rules.Reproducibility.MLContextWithoutSeedAnalyzer>;

namespace EffectiveML.Tests.Rules.Reproducibility
{
    public class MLContextWithoutSeedAnalyzerTests
    {
        [Fact]
        public async Task Flags_unseeded_context_used_for_split_and_training()
        {
            const string source = """
                using Microsoft.ML;
                using Microsoft.ML.Data;

                public class HouseData
                {
                    [LoadColumn(0)] public float Size { get; set; }
                    [LoadColumn(1)] public float Price { get; set; }
                }

                public static class Trainer
                {
                    public static ITransformer Train(string path)
                    {
                        var mlContext = {|EML5001:new MLContext()|};
                        IDataView data = mlContext.Data.LoadFromTextFile<HouseData>(path, separatorChar: ',', hasHeader: true);
                        var split = mlContext.Data.TrainTestSplit(data, testFraction: 0.2);
                        var pipeline = mlContext.Transforms.Concatenate("Features", nameof(HouseData.Size))
                            .Append(mlContext.Regression.Trainers.Sdca(labelColumnName: nameof(HouseData.Price)));
                        return pipeline.Fit(split.TrainSet);
                    }
                }
                """;

            await VerifyEML5001.Analyzer(source);
        }
    }
}
