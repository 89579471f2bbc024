using Microsoft.ML;

namespace AntiPatterns
{
    /// <summary>Principle 6, managing uncertainty: a model shipped unmeasured, metrics thrown away (EML6001–EML6002).</summary>
    public static class Uncertainty
    {
        /// <summary>EML6001: this type trains and saves, and evaluates nothing.</summary>
        public sealed class NightlyRetraining
        {
            public static void Retrain(MLContext mlContext, IDataView data, string path)
            {
                var model = mlContext.Transforms.Concatenate("Features", nameof(HouseData.Size), nameof(HouseData.Rooms))
                    .Append(mlContext.Regression.Trainers.FastTree(labelColumnName: nameof(HouseData.Price), numberOfLeaves: 4, numberOfTrees: 10, minimumExampleCountPerLeaf: 2))
                    .Fit(data);
                mlContext.Model.Save(model, data.Schema, path);
            }
        }

        /// <summary>EML6002: the evaluation runs, and its result goes nowhere.</summary>
        public static void EvaluateForShow(MLContext mlContext, ITransformer model, IDataView test) =>
            mlContext.Regression.Evaluate(model.Transform(test), labelColumnName: nameof(HouseData.Price));
    }
}
