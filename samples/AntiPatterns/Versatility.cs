using System.IO;
using Microsoft.ML;

namespace AntiPatterns
{
    /// <summary>
    /// Principle 3, embracing versatility: code that runs on one machine, in one program, untested
    /// (EML3001–EML3003). EML3001 is in Program.Main; EML3002 is reported by AntiPatterns.Tests.
    /// </summary>
    public static class Versatility
    {
        /// <summary>EML3002: a pipeline factory that AntiPatterns.Tests calls: quiet.</summary>
        public static IEstimator<ITransformer> BuildTestedPipeline(MLContext mlContext) =>
            mlContext.Transforms.Concatenate("Features", nameof(HouseData.Size), nameof(HouseData.Rooms))
                .Append(mlContext.Transforms.NormalizeMinMax("Features"))
                .Append(mlContext.Regression.Trainers.Sdca(labelColumnName: nameof(HouseData.Price)));

        /// <summary>EML3002: a pipeline factory no test calls.</summary>
        public static IEstimator<ITransformer> BuildUntestedPipeline(MLContext mlContext) =>
            mlContext.Transforms.Concatenate("Features", nameof(HouseData.Size), nameof(HouseData.Rooms), nameof(HouseData.Age))
                .Append(mlContext.Transforms.NormalizeMeanVariance("Features"))
                .Append(mlContext.Regression.Trainers.LbfgsPoissonRegression(labelColumnName: nameof(HouseData.Price)));

        /// <summary>EML3003: data that exists on one developer's laptop only (never called: it would fail here).</summary>
        public static IDataView LoadFromMyMachine(MLContext mlContext)
        {
            var dataDirectory = "/home/anna/datasets/houses";
            return mlContext.Data.LoadFromTextFile<HouseData>(Path.Combine(dataDirectory, "houses.csv"), separatorChar: ',', hasHeader: true);
        }
    }
}
