using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;
using VerifyEML8002 = EffectiveML.Tests.Infrastructure.Verify<EffectiveML.Analyzers.Rules.Resilience.HardCodedThresholdAnalyzer>;

namespace EffectiveML.Tests.Rules.Resilience
{
    public class HardCodedThresholdAnalyzerTests
    {
        private const string Types = """

            public class Transaction
            {
                public float Amount { get; set; }
            }

            public class FraudPrediction
            {
                [Microsoft.ML.Data.ColumnName("PredictedLabel")] public bool IsFraud { get; set; }
                public float Probability { get; set; }
                public float Score { get; set; }
            }

            public class RiskOutput
            {
                [Microsoft.ML.Data.ColumnName("Score")] public float Risk { get; set; }
            }
            """;

        [Fact]
        public async Task Flags_probability_and_score_compared_with_literals()
        {
            const string source = """
                using Microsoft.ML;

                public static class Review
                {
                    public static bool NeedsReview(PredictionEngine<Transaction, FraudPrediction> engine, Transaction transaction)
                    {
                        var prediction = engine.Predict(transaction);
                        return {|#0:prediction.Probability > 0.7f|} || {|#1:0.0 < prediction.Score|};
                    }

                    public static bool Risky(PredictionEngine<Transaction, RiskOutput> engine, Transaction transaction)
                    {
                        var output = engine.Predict(transaction);
                        return {|#2:output.Risk >= 3|};
                    }
                }
                """ + Types;

            await VerifyEML8002.Analyzer(
                source,
                VerifyEML8002.Diagnostic("EML8002").WithLocation(0).WithSeverity(DiagnosticSeverity.Info).WithArguments("prediction.Probability", "0.7f"),
                VerifyEML8002.Diagnostic("EML8002").WithLocation(1).WithSeverity(DiagnosticSeverity.Info).WithArguments("prediction.Score", "0.0"),
                VerifyEML8002.Diagnostic("EML8002").WithLocation(2).WithSeverity(DiagnosticSeverity.Info).WithArguments("output.Risk", "3"));
        }

        [Fact]
        public async Task Quiet_for_configured_thresholds_and_scores_that_are_not_predictions()
        {
            const string source = """
                using Microsoft.ML;

                public sealed class GameResult
                {
                    public int Score { get; set; }
                }

                public static class Review
                {
                    public static bool NeedsReview(PredictionEngine<Transaction, FraudPrediction> engine, Transaction transaction, float threshold)
                    {
                        var prediction = engine.Predict(transaction);
                        return prediction.Probability > threshold;
                    }

                    public static bool HighScore(MLContext mlContext, GameResult game) => game.Score > 100;
                }
                """ + Types;

            await VerifyEML8002.Analyzer(source);
        }
    }
}
