using Microsoft.ML;

namespace AntiPatterns
{
    /// <summary>
    /// Principle 1, opting for simplicity: capacity raised with nothing to say when it stops helping
    /// (EML1002). EML1001 needs a project that trains no baseline at all: see AntiPatterns.Simplicity.
    /// </summary>
    public static class Simplicity
    {
        /// <summary>EML1002: two thousand trees of 256 leaves on 60 houses, with no validation set.</summary>
        public static ITransformer TrainHugeForest(MLContext mlContext, IDataView data) =>
            mlContext.Transforms.Concatenate("Features", nameof(HouseData.Size), nameof(HouseData.Rooms), nameof(HouseData.Age))
                .Append(mlContext.Regression.Trainers.FastForest(labelColumnName: nameof(HouseData.Price), numberOfLeaves: 256, numberOfTrees: 2000))
                .Fit(data);
    }
}
