using System;
using System.IO;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace ChurnPrediction
{
    /// <summary>
    /// An effective ML.NET program: seeded, evaluated on held-out data with threshold-free metrics,
    /// a simple baseline before a complex model, and a model saved with its input schema.
    /// </summary>
    public static class Program
    {
        public const int Seed = 2026;

        public static int Main(string[] args)
        {
            var dataPath = Path.Combine(AppContext.BaseDirectory, "Data", "churn.csv");
            if (args.Length > 0 && args[0] == "--generate-data")
            {
                var target = args.Length > 1 ? args[1] : dataPath;
                ChurnData.Write(target);
                Console.WriteLine($"Wrote {ChurnData.Rows} rows to {target}");
                return 0;
            }

            var modelPath = Path.Combine(AppContext.BaseDirectory, "churn-model.zip");
            var report = Train(dataPath, modelPath);
            Console.WriteLine(report);
            return 0;
        }

        public static string Train(string dataPath, string modelPath)
        {
            var mlContext = new MLContext(seed: Seed);
            IDataView data = mlContext.Data.LoadFromTextFile<ChurnRecord>(dataPath, separatorChar: ',', hasHeader: true);
            var split = mlContext.Data.TrainTestSplit(data, testFraction: 0.2, seed: Seed);

            var baselineModel = ChurnPipelines.BuildBaseline(mlContext).Fit(split.TrainSet);
            var baselineMetrics = mlContext.BinaryClassification.Evaluate(
                baselineModel.Transform(split.TestSet), labelColumnName: nameof(ChurnRecord.Churned));

            var treesModel = ChurnPipelines.BuildBoostedTrees(mlContext).Fit(split.TrainSet);
            var treesMetrics = mlContext.BinaryClassification.Evaluate(
                treesModel.Transform(split.TestSet), labelColumnName: nameof(ChurnRecord.Churned));

            // Keep the complex model only if it earns its cost on held-out data.
            var treesWin = treesMetrics.AreaUnderRocCurve > baselineMetrics.AreaUnderRocCurve + 0.01;
            var chosen = treesWin ? treesModel : baselineModel;
            mlContext.Model.Save(chosen, data.Schema, modelPath);

            return string.Join(
                Environment.NewLine,
                Describe("baseline (SDCA logistic regression)", baselineMetrics),
                Describe("boosted trees (FastTree)", treesMetrics),
                $"kept: {(treesWin ? "boosted trees" : "baseline")}; saved with its input schema to {modelPath}");
        }

        private static string Describe(string name, CalibratedBinaryClassificationMetrics metrics) =>
            $"{name}: AUC {metrics.AreaUnderRocCurve:0.000}, AUPRC {metrics.AreaUnderPrecisionRecallCurve:0.000}, " +
            $"F1 {metrics.F1Score:0.000}, log-loss {metrics.LogLoss:0.000}";
    }
}
