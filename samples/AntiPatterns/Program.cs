using System;
using System.IO;
using System.Linq;
using Microsoft.ML;

namespace AntiPatterns
{
    /// <summary>
    /// Runs every anti-pattern on the bundled data. It works, which is the point: these mistakes do
    /// not crash, they quietly make results irreproducible or wrong. `dotnet build` lists them.
    /// </summary>
    public static class Program
    {
        public static void Main()
        {
            var path = Path.Combine(AppContext.BaseDirectory, "Data", "houses.csv");

            Console.WriteLine($"R² with an unseeded context, run 1: {Reproducibility.TrainUnseeded(path):0.000}");
            Console.WriteLine($"R² with an unseeded context, run 2: {Reproducibility.TrainUnseeded(path):0.000}");
            Console.WriteLine($"R² of SDCA on eight threads from seed 1, run 1: {Reproducibility.TrainSeededOnEightThreads(path):0.000000}");
            Console.WriteLine($"R² of SDCA on eight threads from seed 1, run 2: {Reproducibility.TrainSeededOnEightThreads(path):0.000000}");

            var mlContext = Reproducibility.ContextSeededFromTheClock();
            var data = mlContext.Data.LoadFromTextFile<HouseData>(path, separatorChar: ',', hasHeader: true);
            var split = Reproducibility.SplitWithCallersContext(mlContext, Reproducibility.AddNoise(mlContext, data));
            Console.WriteLine($"Training rows after a clock-seeded split: {split.TrainSet.GetRowCount() ?? CountRows(mlContext, split.TrainSet)}");

            var seeded = new MLContext(seed: 1);
            var houses = seeded.Data.LoadFromTextFile<HouseData>(path, separatorChar: ',', hasHeader: true);
            Console.WriteLine($"Rows whose price loaded as 0 from a CSV read as tab-separated: {Assumptions.LoadCsvAsTabSeparated(seeded)}");
            Console.WriteLine($"Trained with blind imputation: {Assumptions.ImputeBlindly(seeded, path).GetType().Name}");
            Console.WriteLine($"R² with the price among the features, on the training rows: {Assumptions.LeakTheLabel(seeded, houses):0.000}");
            Console.WriteLine($"R² after normalizing before the split: {Assumptions.NormalizeBeforeSplitting(seeded, houses):0.000}");
            Console.WriteLine($"R² of SDCA on raw columns: {Assumptions.RawFeaturesForSdca(seeded, houses):0.000}");
            Console.WriteLine($"Accuracy, the only metric read: {Assumptions.AccuracyOnly(seeded, houses):P0}");

            Console.WriteLine($"ML.NET at Fit, default label: {Schemas.DefaultLabelMissing(seeded, path)}");
            Console.WriteLine($"ML.NET at Fit, a misspelled feature column: {Schemas.MisspelledFeatureColumn(seeded, path)}");
            Console.WriteLine($"ML.NET at Fit, a price as a binary label: {Schemas.PriceAsBinaryLabel(seeded, path)}");
            Console.WriteLine($"ML.NET creating the engine, rooms predicted as a class: {Schemas.RoomsAsClasses(seeded, path)}");
            Console.WriteLine($"Probability from a perceptron, left at its default: {Schemas.ProbabilityNobodyComputes(seeded, path)}");
            Console.WriteLine($"ML.NET loading a class with [NoColumn] from text: {Schemas.LoadAnnotatedHouses(seeded, path)}");
            Console.WriteLine($"ML.NET at Fit, room counts as classes: {Schemas.RoomsAsRawClasses(seeded, path)}");
            Console.WriteLine($"ML.NET at Fit, one number as the features: {Schemas.ScalarAsFeatures(seeded, path)}");

            // EML3001: the pipeline is built right here, so no test can build it.
            var inline = seeded.Transforms.Concatenate("Features", nameof(HouseData.Size), nameof(HouseData.Rooms))
                .Append(seeded.Transforms.NormalizeMinMax("Features"))
                .Append(seeded.Regression.Trainers.OnlineGradientDescent(labelColumnName: nameof(HouseData.Price)));
            Console.WriteLine($"Inline pipeline trained: {inline.Fit(houses).GetType().Name}");

            var stringColumns = Resilience.TrainWithStringColumns(seeded, path);
            Console.WriteLine($"Expensive (threshold in code): {Resilience.IsExpensive(seeded, stringColumns, new HouseData { Size = 190, Rooms = 5, Age = 10 })}");
            Console.WriteLine($"Huge forest on 60 rows: {Simplicity.TrainHugeForest(seeded, houses).GetType().Name}");
            Console.WriteLine($"Trained behind a bare suppression: {Roadblocks.TrainQuietly(houses).GetType().Name}");
            Console.WriteLine($"Jitter from an unexplained pragma: {Roadblocks.Jitter(seeded) >= 0}");

            var modelPath = Path.Combine(Path.GetTempPath(), "antipatterns-houses.zip");
            var priced = Impact.PriceEach(seeded, stringColumns, new[] { new HouseData { Size = 120, Rooms = 3, Age = 20 }, new HouseData { Size = 200, Rooms = 5, Age = 2 } });
            Console.WriteLine($"Prices, one engine per house: {string.Join(", ", priced.Select(p => p.ToString("0")))}");
            Impact.SaveWithoutSchema(seeded, stringColumns, modelPath);
            Impact.TrainAndSaveBlind(seeded, houses, modelPath);
            Console.WriteLine($"Model loaded back, failures swallowed: {Roadblocks.TryLoad(seeded, modelPath + ".missing") is null}");
            Console.WriteLine($"Average price from a model nobody keeps: {Impact.TrainAndForget(seeded, houses):0}");
            Uncertainty.NightlyRetraining.Retrain(seeded, houses, modelPath);
            Uncertainty.EvaluateForShow(seeded, stringColumns, houses);
        }

        private static long CountRows(MLContext mlContext, IDataView data)
        {
            long count = 0;
            foreach (var _ in mlContext.Data.CreateEnumerable<HouseData>(data, reuseRowObject: true))
            {
                count++;
            }

            return count;
        }
    }
}
