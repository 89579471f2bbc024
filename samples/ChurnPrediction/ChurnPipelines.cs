using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace ChurnPrediction
{
    /// <summary>
    /// The pipelines, built by methods so that tests can build, fit and check them without running
    /// the program: a linear baseline and a boosted-tree model that must beat it to be worth its cost.
    /// </summary>
    public static class ChurnPipelines
    {
        public const string FeaturesColumn = "Features";
        private const string ContractEncodedColumn = "ContractEncoded";

        /// <summary>
        /// Scale-sensitive SDCA logistic regression, so its features are normalized first; on one
        /// thread, so that the seeded context gives the same model on every machine.
        /// </summary>
        public static IEstimator<ITransformer> BuildBaseline(MLContext mlContext) =>
            Featurize(mlContext)
                .Append(mlContext.Transforms.NormalizeMinMax(FeaturesColumn))
                .Append(mlContext.BinaryClassification.Trainers.SdcaLogisticRegression(new SdcaLogisticRegressionBinaryTrainer.Options
                {
                    LabelColumnName = nameof(ChurnRecord.Churned),
                    FeatureColumnName = FeaturesColumn,
                    NumberOfThreads = 1,
                }));

        /// <summary>Gradient-boosted trees: scale-invariant, so no normalizer.</summary>
        public static IEstimator<ITransformer> BuildBoostedTrees(MLContext mlContext) =>
            Featurize(mlContext)
                .Append(mlContext.BinaryClassification.Trainers.FastTree(
                    labelColumnName: nameof(ChurnRecord.Churned),
                    featureColumnName: FeaturesColumn,
                    numberOfLeaves: 16,
                    numberOfTrees: 100,
                    minimumExampleCountPerLeaf: 10));

        private static IEstimator<ITransformer> Featurize(MLContext mlContext) =>
            mlContext.Transforms.Categorical.OneHotEncoding(ContractEncodedColumn, nameof(ChurnRecord.Contract))
                .Append(mlContext.Transforms.Concatenate(
                    FeaturesColumn,
                    nameof(ChurnRecord.TenureMonths),
                    nameof(ChurnRecord.MonthlyCharges),
                    nameof(ChurnRecord.SupportCalls),
                    ContractEncodedColumn));
    }
}
