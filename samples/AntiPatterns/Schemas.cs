using System;
using Microsoft.ML;

namespace AntiPatterns
{
    /// <summary>
    /// Principle 4, the schema: pipelines that ML.NET rejects only when Fit runs (EML4101–EML4103).
    /// Each method returns the error ML.NET throws, which the build already reported.
    /// </summary>
    public static class Schemas
    {
        /// <summary>EML4101: the trainer reads its default label column, "Label", which the houses do not have.</summary>
        public static string DefaultLabelMissing(MLContext mlContext, string path)
        {
            var data = mlContext.Data.LoadFromTextFile<HouseData>(path, separatorChar: ',', hasHeader: true);
            var pipeline = mlContext.Transforms.Concatenate("Features", nameof(HouseData.Size), nameof(HouseData.Rooms))
                .Append(mlContext.Transforms.NormalizeMinMax("Features"))
                .Append(mlContext.Regression.Trainers.Sdca());
            return FitError(() => pipeline.Fit(data));
        }

        /// <summary>EML4101: the trainer reads "Feature"; the Concatenate wrote "Features".</summary>
        public static string MisspelledFeatureColumn(MLContext mlContext, string path)
        {
            var data = mlContext.Data.LoadFromTextFile<HouseData>(path, separatorChar: ',', hasHeader: true);
            var pipeline = mlContext.Transforms.Concatenate("Features", nameof(HouseData.Size), nameof(HouseData.Rooms))
                .Append(mlContext.Regression.Trainers.FastTree(labelColumnName: nameof(HouseData.Price), featureColumnName: "Feature"));
            return FitError(() => pipeline.Fit(data));
        }

        /// <summary>EML4102: a binary classifier asked to learn a price.</summary>
        public static string PriceAsBinaryLabel(MLContext mlContext, string path)
        {
            var data = mlContext.Data.LoadFromTextFile<HouseData>(path, separatorChar: ',', hasHeader: true);
            var pipeline = mlContext.Transforms.Concatenate("Features", nameof(HouseData.Size), nameof(HouseData.Rooms))
                .Append(mlContext.BinaryClassification.Trainers.FastTree(labelColumnName: nameof(HouseData.Price)));
            return FitError(() => pipeline.Fit(data));
        }

        /// <summary>EML4103: one number where the trainer reads a vector of features.</summary>
        public static string ScalarAsFeatures(MLContext mlContext, string path)
        {
            var data = mlContext.Data.LoadFromTextFile<HouseData>(path, separatorChar: ',', hasHeader: true);
            var pipeline = mlContext.Transforms.CopyColumns("Features", nameof(HouseData.Size))
                .Append(mlContext.Regression.Trainers.FastTree(labelColumnName: nameof(HouseData.Price)));
            return FitError(() => pipeline.Fit(data));
        }

        private static string FitError(Func<ITransformer> fit)
        {
            try
            {
                return "trained: " + fit().GetType().Name;
            }
            catch (Exception exception) when (exception is ArgumentOutOfRangeException or InvalidOperationException)
            {
                return exception.Message;
            }
        }
    }
}
