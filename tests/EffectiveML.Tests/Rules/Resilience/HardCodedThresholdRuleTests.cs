using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;
using VerifyEML8002 = EffectiveML.Tests.Infrastructure.Verify<EffectiveML.Analyzers.Rules.Resilience.HardCodedThresholdRule>;

namespace EffectiveML.Tests.Rules.Resilience
{
    public class HardCodedThresholdRuleTests
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
                VerifyEML8002.Diagnostic("EML8002").WithLocation(0).WithSeverity(DiagnosticSeverity.Info).WithArguments("prediction.Probability", "the literal 0.7f"),
                VerifyEML8002.Diagnostic("EML8002").WithLocation(1).WithSeverity(DiagnosticSeverity.Info).WithArguments("prediction.Score", "the literal 0.0"),
                VerifyEML8002.Diagnostic("EML8002").WithLocation(2).WithSeverity(DiagnosticSeverity.Info).WithArguments("output.Risk", "the literal 3"));
        }

        [Fact]
        public async Task Flags_thresholds_in_switches_patterns_and_through_locals()
        {
            const string source = """
                using Microsoft.ML;

                public static class Triage
                {
                    public static string Band(PredictionEngine<Transaction, FraudPrediction> engine, Transaction transaction)
                    {
                        var prediction = engine.Predict(transaction);
                        return prediction.Probability switch
                        {
                            {|#0:>= 0.9f => "block"|},
                            {|#1:>= 0.5f and < 0.9f => "review"|},
                            _ => "pass",
                        };
                    }

                    public static int Priority(PredictionEngine<Transaction, FraudPrediction> engine, Transaction transaction)
                    {
                        switch (engine.Predict(transaction).Score)
                        {
                            case var score when {|#2:score > 2.5f|}:
                                return 1;
                            {|#3:case < -1f:|}
                                return 3;
                            default:
                                return 2;
                        }
                    }

                    public static bool Suspicious(PredictionEngine<Transaction, FraudPrediction> engine, Transaction transaction)
                    {
                        var prediction = engine.Predict(transaction);
                        var probability = prediction.Probability;
                        return {|#4:prediction.Score is > 1.5f|} || {|#5:probability > 0.8f|};
                    }
                }
                """ + Types;

            await VerifyEML8002.Analyzer(
                source,
                VerifyEML8002.Diagnostic("EML8002").WithLocation(0).WithSeverity(DiagnosticSeverity.Info).WithArguments("prediction.Probability", "the literal 0.9f"),
                VerifyEML8002.Diagnostic("EML8002").WithLocation(1).WithSeverity(DiagnosticSeverity.Info).WithArguments("prediction.Probability", "the literals 0.5f and 0.9f"),
                VerifyEML8002.Diagnostic("EML8002").WithLocation(2).WithSeverity(DiagnosticSeverity.Info).WithArguments("engine.Predict(transaction).Score", "the literal 2.5f"),
                VerifyEML8002.Diagnostic("EML8002").WithLocation(3).WithSeverity(DiagnosticSeverity.Info).WithArguments("engine.Predict(transaction).Score", "the literal -1f"),
                VerifyEML8002.Diagnostic("EML8002").WithLocation(4).WithSeverity(DiagnosticSeverity.Info).WithArguments("prediction.Score", "the literal 1.5f"),
                VerifyEML8002.Diagnostic("EML8002").WithLocation(5).WithSeverity(DiagnosticSeverity.Info).WithArguments("prediction.Probability", "the literal 0.8f"));
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
