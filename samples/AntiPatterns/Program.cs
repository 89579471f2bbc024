using System;
using System.IO;
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

            var mlContext = Reproducibility.ContextSeededFromTheClock();
            var data = mlContext.Data.LoadFromTextFile<HouseData>(path, separatorChar: ',', hasHeader: true);
            var split = Reproducibility.SplitWithCallersContext(mlContext, Reproducibility.AddNoise(mlContext, data));
            Console.WriteLine($"Training rows after a clock-seeded split: {split.TrainSet.GetRowCount() ?? CountRows(mlContext, split.TrainSet)}");
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
