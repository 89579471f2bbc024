using System;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AntiPatterns
{
    /// <summary>
    /// Principle 4, the schema: pipelines that ML.NET rejects only when Fit runs or a prediction
    /// engine is made, predictions that silently read a default, and a class the text loader
    /// cannot read (EML4101–EML4106). Each method returns what ML.NET does, which the build
    /// already reported.
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

        /// <summary>EML4102: room counts as classes, without mapping them to keys first.</summary>
        public static string RoomsAsRawClasses(MLContext mlContext, string path)
        {
            var data = mlContext.Data.LoadFromTextFile<HouseData>(path, separatorChar: ',', hasHeader: true);
            var pipeline = mlContext.Transforms.Concatenate("Features", nameof(HouseData.Size), nameof(HouseData.Age))
                .Append(mlContext.Transforms.NormalizeMinMax("Features"))
                .Append(mlContext.MulticlassClassification.Trainers.LbfgsMaximumEntropy(labelColumnName: nameof(HouseData.Rooms)));
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

        /// <summary>EML4104: room counts learned as classes and read back as a number: the engine holds the index of a class.</summary>
        public static string RoomsAsClasses(MLContext mlContext, string path)
        {
            var data = mlContext.Data.LoadFromTextFile<HouseData>(path, separatorChar: ',', hasHeader: true);
            var pipeline = mlContext.Transforms.Conversion.MapValueToKey("Label", nameof(HouseData.Rooms))
                .Append(mlContext.Transforms.Concatenate("Features", nameof(HouseData.Size), nameof(HouseData.Age)))
                .Append(mlContext.Transforms.NormalizeMinMax("Features"))
                .Append(mlContext.MulticlassClassification.Trainers.LbfgsMaximumEntropy());
            var model = pipeline.Fit(data);
            return Outcome(() => mlContext.Model.CreatePredictionEngine<HouseData, RoomsPrediction>(model)
                .Predict(new HouseData { Size = 120, Age = 10 }).PredictedLabel.ToString("0"));
        }

        /// <summary>EML4105: a probability from a trainer that is not calibrated: the engine leaves it at 0.</summary>
        public static float ProbabilityNobodyComputes(MLContext mlContext, string path)
        {
            var houses = mlContext.Data.CreateEnumerable<HouseData>(mlContext.Data.LoadFromTextFile<HouseData>(path, separatorChar: ',', hasHeader: true), reuseRowObject: false);
            var data = mlContext.Data.LoadFromEnumerable(houses.Select(h => new Assumptions.ExpensiveHouse { Size = h.Size, Rooms = h.Rooms, Age = h.Age, Label = h.Price > 240_000 }));
            var model = mlContext.Transforms.Concatenate("Features", nameof(HouseData.Size), nameof(HouseData.Rooms))
                .Append(mlContext.Transforms.NormalizeMinMax("Features"))
                .Append(mlContext.BinaryClassification.Trainers.AveragedPerceptron())
                .Fit(data);
            return mlContext.Model.CreatePredictionEngine<Assumptions.ExpensiveHouse, ExpensiveChance>(model)
                .Predict(new Assumptions.ExpensiveHouse { Size = 250, Rooms = 6, Age = 2 }).Probability;
        }

        /// <summary>EML4106: a note marked [NoColumn] on a class the text loader reads, which does not honour it.</summary>
        public static string LoadAnnotatedHouses(MLContext mlContext, string path) =>
            Outcome(() => $"{mlContext.Data.LoadFromTextFile<AnnotatedHouse>(path, separatorChar: ',', hasHeader: true).Preview(5).RowView.Length} rows");

        private static string FitError(Func<ITransformer> fit) => Outcome(() => "trained: " + fit().GetType().Name);

        private static string Outcome(Func<string> run)
        {
            try
            {
                return run();
            }
            catch (Exception exception) when (exception is ArgumentOutOfRangeException or InvalidOperationException)
            {
                return exception.Message;
            }
        }
    }

    public sealed class AnnotatedHouse
    {
        [LoadColumn(0)] public float Size { get; set; }
        [LoadColumn(3)] public float Price { get; set; }
        [NoColumn] public string Note { get; set; } = "";
    }

    public sealed class RoomsPrediction
    {
        public float PredictedLabel { get; set; }
    }

    public sealed class ExpensiveChance
    {
        public bool PredictedLabel { get; set; }
        public float Probability { get; set; }
    }
}
