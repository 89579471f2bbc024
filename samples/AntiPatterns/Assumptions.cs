using System;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace AntiPatterns
{
    /// <summary>
    /// Principle 4, avoiding assumptions: each method runs without an error and quietly trains on
    /// wrong data or reports a flattering number (EML4001–EML4011).
    /// </summary>
    public static class Assumptions
    {
        /// <summary>EML4005: a CSV read with the default tab separator; EML4006: the header row left to chance.</summary>
        public static long LoadCsvAsTabSeparated(MLContext mlContext)
        {
            var data = mlContext.Data.LoadFromTextFile<HouseData>(System.IO.Path.Combine(AppContext.BaseDirectory, "Data", "houses.csv"));
            return mlContext.Data.CreateEnumerable<HouseData>(data, reuseRowObject: false).Count(row => row.Price == 0);
        }

        /// <summary>
        /// EML4001: one mean for every feature; EML4002: an imputer left at "write 0"; EML4003: no
        /// missingness indicator; EML4004: the loader already turned empty fields into 0.
        /// </summary>
        public static ITransformer ImputeBlindly(MLContext mlContext, string path)
        {
            var data = mlContext.Data.LoadFromTextFile<HouseData>(path, separatorChar: ',', hasHeader: true);
            var pipeline = mlContext.Transforms.ReplaceMissingValues(nameof(HouseData.Age))
                .Append(mlContext.Transforms.Concatenate("Features", nameof(HouseData.Size), nameof(HouseData.Rooms), nameof(HouseData.Age)))
                .Append(mlContext.Transforms.ReplaceMissingValues("Features", replacementMode: MissingValueReplacingEstimator.ReplacementMode.Mean))
                .Append(mlContext.Transforms.NormalizeMinMax("Features"))
                .Append(mlContext.Regression.Trainers.Sdca(labelColumnName: nameof(HouseData.Price)));
            return pipeline.Fit(data);
        }

        /// <summary>EML4007: the price is the label and a feature; EML4008: scored on the rows it was fitted on.</summary>
        public static double LeakTheLabel(MLContext mlContext, IDataView data)
        {
            var pipeline = mlContext.Transforms.CopyColumns("Label", nameof(HouseData.Price))
                .Append(mlContext.Transforms.Concatenate("Features", nameof(HouseData.Size), nameof(HouseData.Rooms), nameof(HouseData.Price)))
                .Append(mlContext.Regression.Trainers.FastTree());
            var model = pipeline.Fit(data);
            return mlContext.Regression.Evaluate(model.Transform(data)).RSquared;
        }

        /// <summary>EML4009: the normalizer saw the test rows before the split.</summary>
        public static double NormalizeBeforeSplitting(MLContext mlContext, IDataView data)
        {
            var normalizer = mlContext.Transforms.Concatenate("Features", nameof(HouseData.Size), nameof(HouseData.Rooms), nameof(HouseData.Age))
                .Append(mlContext.Transforms.NormalizeMeanVariance("Features"))
                .Fit(data);
            var split = mlContext.Data.TrainTestSplit(normalizer.Transform(data), testFraction: 0.25, seed: 1);
            var model = mlContext.Regression.Trainers.Sdca(labelColumnName: nameof(HouseData.Price)).Fit(split.TrainSet);
            return mlContext.Regression.Evaluate(model.Transform(split.TestSet), labelColumnName: nameof(HouseData.Price)).RSquared;
        }

        /// <summary>EML4010: SDCA on raw square metres, room counts and years.</summary>
        public static double RawFeaturesForSdca(MLContext mlContext, IDataView data)
        {
            var split = mlContext.Data.TrainTestSplit(data, testFraction: 0.25, seed: 1);
            var pipeline = mlContext.Transforms.Concatenate("Features", nameof(HouseData.Size), nameof(HouseData.Rooms), nameof(HouseData.Age))
                .Append(mlContext.Regression.Trainers.Sdca(labelColumnName: nameof(HouseData.Price)));
            var model = pipeline.Fit(split.TrainSet);
            return mlContext.Regression.Evaluate(model.Transform(split.TestSet), labelColumnName: nameof(HouseData.Price)).RSquared;
        }

        /// <summary>EML4011: accuracy alone on a question where most houses are cheap (one in five is expensive).</summary>
        public static double AccuracyOnly(MLContext mlContext, IDataView data)
        {
            var labelled = mlContext.Data.LoadFromEnumerable(
                mlContext.Data.CreateEnumerable<HouseData>(data, reuseRowObject: false)
                    .Select(row => new ExpensiveHouse { Size = row.Size, Rooms = row.Rooms, Age = row.Age, Label = row.Price > 240_000 }));
            var split = mlContext.Data.TrainTestSplit(labelled, testFraction: 0.25, seed: 1);
            var model = mlContext.Transforms.Concatenate("Features", nameof(ExpensiveHouse.Size), nameof(ExpensiveHouse.Rooms), nameof(ExpensiveHouse.Age))
                .Append(mlContext.BinaryClassification.Trainers.FastTree(numberOfLeaves: 4, numberOfTrees: 20, minimumExampleCountPerLeaf: 2))
                .Fit(split.TrainSet);
            var metrics = mlContext.BinaryClassification.Evaluate(model.Transform(split.TestSet));
            return metrics.Accuracy;
        }

        public sealed class ExpensiveHouse
        {
            public float Size { get; set; }
            public float Rooms { get; set; }
            public float Age { get; set; }
            public bool Label { get; set; }
        }
    }
}
