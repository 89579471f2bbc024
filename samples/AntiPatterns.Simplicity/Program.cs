using System;
using System.IO;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AntiPatterns.Simplicity
{
    /// <summary>
    /// Principle 1, opting for simplicity (EML1001): a project whose only model is a boosted tree
    /// ensemble. Nothing here says whether a linear model would have done as well, because no
    /// simple baseline is trained anywhere in the project. Principle 2, focusing on impact
    /// (EML2005): the model is scored once and dropped; nothing in the project saves or serves it.
    /// (A separate project because both rules look at the whole compilation, and AntiPatterns trains
    /// SDCA and saves models for other rules.)
    /// </summary>
    public static class Program
    {
        public static void Main()
        {
            var mlContext = new MLContext(seed: 1);
            var path = Path.Combine(AppContext.BaseDirectory, "Data", "houses.csv");
            var data = mlContext.Data.LoadFromTextFile<House>(path, separatorChar: ',', hasHeader: true);
            var split = mlContext.Data.TrainTestSplit(data, testFraction: 0.25, seed: 1);

            var metrics = PriceModel.TrainAndEvaluate(mlContext, split);
            Console.WriteLine($"Boosted trees, R² {metrics.RSquared:0.000}, RMSE {metrics.RootMeanSquaredError:0}: better than what? Nobody trained a baseline, and the model is gone.");
        }
    }

    public static class PriceModel
    {
        public static RegressionMetrics TrainAndEvaluate(MLContext mlContext, DataOperationsCatalog.TrainTestData split)
        {
            var model = mlContext.Transforms.Concatenate("Features", nameof(House.Size), nameof(House.Rooms), nameof(House.Age))
                .Append(mlContext.Regression.Trainers.FastTree(labelColumnName: nameof(House.Price), numberOfLeaves: 8, numberOfTrees: 50, minimumExampleCountPerLeaf: 2))
                .Fit(split.TrainSet);
            return mlContext.Regression.Evaluate(model.Transform(split.TestSet), labelColumnName: nameof(House.Price));
        }
    }

    public sealed class House
    {
        [LoadColumn(0)] public float Size { get; set; }
        [LoadColumn(1)] public float Rooms { get; set; }
        [LoadColumn(2)] public float Age { get; set; }
        [LoadColumn(3)] public float Price { get; set; }
    }
}
