using Microsoft.ML;
using Microsoft.ML.Data;

namespace AntiPatterns
{
    /// <summary>Principle 8, designing for resilience: names and numbers that break silently (EML8001–EML8002).</summary>
    public static class Resilience
    {
        /// <summary>EML8001: "Size" and "Rooms" spell HouseData's properties; a rename breaks them only at Fit.</summary>
        public static ITransformer TrainWithStringColumns(MLContext mlContext, string path)
        {
            var data = mlContext.Data.LoadFromTextFile<HouseData>(path, separatorChar: ',', hasHeader: true);
            var pipeline = mlContext.Transforms.Concatenate("Features", "Size", "Rooms")
                .Append(mlContext.Transforms.NormalizeMinMax("Features"))
                .Append(mlContext.Regression.Trainers.Sdca(labelColumnName: nameof(HouseData.Price)));
            return pipeline.Fit(data);
        }

        /// <summary>EML8002: a price threshold written into the code instead of configuration.</summary>
        public static bool IsExpensive(MLContext mlContext, ITransformer model, HouseData house)
        {
            var engine = mlContext.Model.CreatePredictionEngine<HouseData, PricePrediction>(model);
            var prediction = engine.Predict(house);
            return prediction.Price > 250_000;
        }

        public sealed class PricePrediction
        {
            [ColumnName("Score")] public float Price { get; set; }
        }
    }
}
