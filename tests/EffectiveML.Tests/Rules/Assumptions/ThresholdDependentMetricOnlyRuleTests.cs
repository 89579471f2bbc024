using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;
using VerifyEML4011 = EffectiveML.Tests.Infrastructure.Verify<EffectiveML.Analyzers.Rules.Assumptions.ThresholdDependentMetricOnlyRule>;

namespace EffectiveML.Tests.Rules.Assumptions
{
    public class ThresholdDependentMetricOnlyRuleTests
    {
        [Fact]
        public async Task Flags_metrics_of_which_only_accuracy_is_read()
        {
            const string source = """
                using System;
                using Microsoft.ML;

                public static class Reporting
                {
                    public static void Report(MLContext mlContext, IDataView scored)
                    {
                        var metrics = mlContext.BinaryClassification.{|#0:Evaluate(scored)|};
                        Console.WriteLine($"Accuracy: {metrics.Accuracy:P2}");
                    }

                    public static bool GoodEnough(MLContext mlContext, IDataView scored) =>
                        mlContext.MulticlassClassification.{|#1:Evaluate(scored)|}.MicroAccuracy > 0.9;
                }
                """;

            await VerifyEML4011.Analyzer(
                source,
                VerifyEML4011.Diagnostic("EML4011").WithLocation(0).WithSeverity(DiagnosticSeverity.Info).WithArguments("Accuracy"),
                VerifyEML4011.Diagnostic("EML4011").WithLocation(1).WithSeverity(DiagnosticSeverity.Info).WithArguments("MicroAccuracy"));
        }

        [Fact]
        public async Task Quiet_when_auc_f1_or_another_metric_is_read_anywhere_in_the_member()
        {
            const string source = """
                using System;
                using Microsoft.ML;

                public static class Reporting
                {
                    public static void Report(MLContext mlContext, IDataView scored)
                    {
                        var metrics = mlContext.BinaryClassification.Evaluate(scored);
                        Console.WriteLine($"Accuracy: {metrics.Accuracy:P2}, AUC: {metrics.AreaUnderRocCurve:P2}");
                    }

                    public static void Compare(MLContext mlContext, IDataView baseline, IDataView candidate)
                    {
                        var first = mlContext.BinaryClassification.Evaluate(baseline);
                        var second = mlContext.BinaryClassification.Evaluate(candidate);
                        Console.WriteLine($"{first.Accuracy} vs {second.Accuracy}, F1 {second.F1Score}");
                    }

                    public static void Multiclass(MLContext mlContext, IDataView scored)
                    {
                        var metrics = mlContext.MulticlassClassification.Evaluate(scored);
                        Console.WriteLine(metrics.MicroAccuracy);
                        Console.WriteLine(metrics.ConfusionMatrix.GetFormattedConfusionTable());
                    }

                    public static void Regression(MLContext mlContext, IDataView scored) =>
                        Console.WriteLine(mlContext.Regression.Evaluate(scored).RSquared);
                }
                """;

            await VerifyEML4011.Analyzer(source);
        }

        [Fact]
        public async Task Quiet_when_the_metrics_leave_the_member()
        {
            const string source = """
                using Microsoft.ML;
                using Microsoft.ML.Data;

                public static class Reporting
                {
                    public static CalibratedBinaryClassificationMetrics Evaluate(MLContext mlContext, IDataView scored)
                    {
                        var metrics = mlContext.BinaryClassification.Evaluate(scored);
                        System.Console.WriteLine(metrics.Accuracy);
                        return metrics;
                    }

                    public static void Log(MLContext mlContext, IDataView scored, System.Action<BinaryClassificationMetrics> sink)
                    {
                        var metrics = mlContext.BinaryClassification.EvaluateNonCalibrated(scored);
                        System.Console.WriteLine(metrics.Accuracy);
                        sink(metrics);
                    }
                }
                """;

            await VerifyEML4011.Analyzer(source);
        }
    }
}
