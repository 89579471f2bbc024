using System.Threading.Tasks;
using Xunit;
using VerifyEML6002 = EffectiveML.Tests.Infrastructure.Verify<EffectiveML.Analyzers.Rules.Uncertainty.EvaluationDiscardedRule>;

namespace EffectiveML.Tests.Rules.Uncertainty
{
    public class EvaluationDiscardedRuleTests
    {
        [Fact]
        public async Task Flags_discarded_and_unread_evaluations()
        {
            const string source = """
                using Microsoft.ML;

                public static class Checks
                {
                    public static void Run(MLContext mlContext, IDataView scored, IDataView data, IEstimator<ITransformer> pipeline)
                    {
                        mlContext.BinaryClassification.{|#0:Evaluate(scored)|};
                        _ = mlContext.Regression.{|#1:Evaluate(scored)|};
                        var folds = mlContext.BinaryClassification.{|#2:CrossValidate(data, pipeline, numberOfFolds: 5, seed: 1)|};
                    }
                }
                """;

            await VerifyEML6002.Analyzer(
                source,
                VerifyEML6002.Diagnostic("EML6002").WithLocation(0).WithArguments("Evaluate", "discarded"),
                VerifyEML6002.Diagnostic("EML6002").WithLocation(1).WithArguments("Evaluate", "assigned to a discard"),
                VerifyEML6002.Diagnostic("EML6002").WithLocation(2).WithArguments("CrossValidate", "stored in 'folds', which is never read"));
        }

        [Fact]
        public async Task Quiet_when_the_metrics_are_read_returned_or_passed_on()
        {
            const string source = """
                using System;
                using System.Linq;
                using Microsoft.ML;
                using Microsoft.ML.Data;

                public static class Checks
                {
                    public static double Auc(MLContext mlContext, IDataView scored) =>
                        mlContext.BinaryClassification.Evaluate(scored).AreaUnderRocCurve;

                    public static RegressionMetrics Metrics(MLContext mlContext, IDataView scored) => mlContext.Regression.Evaluate(scored);

                    public static void Report(MLContext mlContext, IDataView data, IEstimator<ITransformer> pipeline, Action<object> log)
                    {
                        var folds = mlContext.BinaryClassification.CrossValidate(data, pipeline, numberOfFolds: 5, seed: 1);
                        log(folds.Average(f => f.Metrics.AreaUnderRocCurve));
                        var metrics = mlContext.Regression.Evaluate(data);
                        log(metrics);
                    }
                }
                """;

            await VerifyEML6002.Analyzer(source);
        }
    }
}
