using System;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace AntiPatterns
{
    /// <summary>
    /// Principle 5, prioritizing reproducibility: each method here gives a different answer on every
    /// run, and EffectiveML says why (EML5001–EML5004, EML5007).
    /// </summary>
    public static class Reproducibility
    {
        /// <summary>EML5001: the context that splits and trains has no seed.</summary>
        public static double TrainUnseeded(string path)
        {
            var mlContext = new MLContext();
            var data = mlContext.Data.LoadFromTextFile<HouseData>(path, separatorChar: ',', hasHeader: true);
            var split = mlContext.Data.TrainTestSplit(data, testFraction: 0.25);
            var model = BuildPipeline(mlContext).Fit(split.TrainSet);
            return mlContext.Regression.Evaluate(model.Transform(split.TestSet), labelColumnName: nameof(HouseData.Price)).RSquared;
        }

        /// <summary>EML5002: the context comes from the caller, and the split trusts it to be seeded.</summary>
        public static DataOperationsCatalog.TrainTestData SplitWithCallersContext(MLContext mlContext, IDataView data) =>
            mlContext.Data.TrainTestSplit(data, testFraction: 0.25);

        /// <summary>EML5003: augmentation noise from an unseeded generator.</summary>
        public static IDataView AddNoise(MLContext mlContext, IDataView data)
        {
            var random = new Random();
            var rows = mlContext.Data.CreateEnumerable<HouseData>(data, reuseRowObject: false)
                .Select(row => new HouseData
                {
                    Size = row.Size * (float)(0.98 + 0.04 * random.NextDouble()),
                    Rooms = row.Rooms,
                    Age = row.Age,
                    Price = row.Price,
                })
                .ToList();
            return mlContext.Data.LoadFromEnumerable(rows);
        }

        /// <summary>EML5004: a "seed" that is the clock, so no run can be repeated.</summary>
        public static MLContext ContextSeededFromTheClock() => new MLContext(seed: Environment.TickCount);

        /// <summary>
        /// EML5007: the context is seeded, so the same model is expected on every run, but SDCA
        /// updates it from eight threads at once and the seed does not decide their order.
        /// </summary>
        public static double TrainSeededOnEightThreads(string path)
        {
            var mlContext = new MLContext(seed: 1);
            var data = mlContext.Data.LoadFromTextFile<HouseData>(path, separatorChar: ',', hasHeader: true);
            var trainer = mlContext.Regression.Trainers.Sdca(new SdcaRegressionTrainer.Options { LabelColumnName = nameof(HouseData.Price), NumberOfThreads = 8 });
            var model = mlContext.Transforms.Concatenate("Features", nameof(HouseData.Size), nameof(HouseData.Rooms), nameof(HouseData.Age))
                .Append(mlContext.Transforms.NormalizeMinMax("Features"))
                .Append(trainer)
                .Fit(data);
            return mlContext.Regression.Evaluate(model.Transform(data), labelColumnName: nameof(HouseData.Price)).RSquared;
        }

        private static IEstimator<ITransformer> BuildPipeline(MLContext mlContext) =>
            mlContext.Transforms.Concatenate("Features", nameof(HouseData.Size), nameof(HouseData.Rooms), nameof(HouseData.Age))
                .Append(mlContext.Transforms.NormalizeMinMax("Features"))
                .Append(mlContext.Regression.Trainers.Sdca(labelColumnName: nameof(HouseData.Price)));
    }
}
