using System.Collections.Generic;
using System.Linq;
using Microsoft.ML;

namespace AntiPatterns
{
    /// <summary>
    /// Principle 2, focusing on impact: code that works in a console run and breaks, leaks or
    /// crawls in a service (EML2001–EML2005). Serving.cs shows the web versions.
    /// </summary>
    public static class Impact
    {
        /// <summary>EML2001: one engine for every thread of the process.</summary>
        public static PredictionEngine<HouseData, Resilience.PricePrediction>? SharedEngine;

        /// <summary>EML2002: the engine is rebuilt for every house; EML2003: and each house is scored alone.</summary>
        public static List<float> PriceEach(MLContext mlContext, ITransformer model, IReadOnlyList<HouseData> houses)
        {
            var prices = new List<float>();
            foreach (var house in houses)
            {
                var engine = mlContext.Model.CreatePredictionEngine<HouseData, Resilience.PricePrediction>(model);
                prices.Add(engine.Predict(house).Price);
            }

            return prices;
        }

        /// <summary>EML2004: saved without the input schema.</summary>
        public static void SaveWithoutSchema(MLContext mlContext, ITransformer model, string path) =>
            mlContext.Model.Save(model, null, path);

        /// <summary>EML2004 with the training data in view: the fix can pass its schema.</summary>
        public static void TrainAndSaveBlind(MLContext mlContext, IDataView data, string path)
        {
            var model = mlContext.Transforms.Concatenate("Features", nameof(HouseData.Size), nameof(HouseData.Rooms))
                .Append(mlContext.Transforms.NormalizeMinMax("Features"))
                .Append(mlContext.Regression.Trainers.Sdca(labelColumnName: nameof(HouseData.Price)))
                .Fit(data);
            mlContext.Model.Save(model, null, path);
        }

        /// <summary>
        /// Trained, scored once and dropped. EML2005 stays quiet: this project saves its other models,
        /// so this one is an experiment; AntiPatterns.Simplicity shows a project that keeps none.
        /// </summary>
        public static double TrainAndForget(MLContext mlContext, IDataView data)
        {
            var model = mlContext.Transforms.Concatenate("Features", nameof(HouseData.Size), nameof(HouseData.Rooms))
                .Append(mlContext.Transforms.NormalizeMinMax("Features"))
                .Append(mlContext.Regression.Trainers.Sdca(labelColumnName: nameof(HouseData.Price)))
                .Fit(data);
            return mlContext.Data.CreateEnumerable<Resilience.PricePrediction>(model.Transform(data), reuseRowObject: false).Average(p => p.Price);
        }
    }
}
