using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;
using VerifyEML2003 = EffectiveML.Tests.Infrastructure.Verify<EffectiveML.Analyzers.Rules.Impact.SinglePredictionsInLoopAnalyzer>;

namespace EffectiveML.Tests.Rules.Impact
{
    public class SinglePredictionsInLoopAnalyzerTests
    {
        [Fact]
        public async Task Flags_predict_per_item_of_a_collection()
        {
            const string source = """
                using System.Collections.Generic;
                using System.Linq;
                using Microsoft.ML;

                public static class Batch
                {
                    public static List<float> Score(PredictionEngine<SentimentInput, SentimentPrediction> engine, List<SentimentInput> reviews)
                    {
                        var scores = new List<float>();
                        foreach (var review in reviews)
                        {
                            scores.Add(engine.{|#0:Predict(review)|}.Probability);
                        }

                        for (var i = 0; i < reviews.Count; i++)
                        {
                            scores.Add(engine.{|#1:Predict(reviews[i])|}.Probability);
                        }

                        return reviews.Select(r => engine.{|#2:Predict(r)|}.Probability).ToList();
                    }
                }
                """ + WebTypes.Schema;

            await VerifyEML2003.Analyzer(
                source,
                VerifyEML2003.Diagnostic("EML2003").WithLocation(0).WithSeverity(DiagnosticSeverity.Info).WithArguments("'reviews'"),
                VerifyEML2003.Diagnostic("EML2003").WithLocation(1).WithSeverity(DiagnosticSeverity.Info).WithArguments("'reviews'"),
                VerifyEML2003.Diagnostic("EML2003").WithLocation(2).WithSeverity(DiagnosticSeverity.Info).WithArguments("'reviews'"));
        }

        [Fact]
        public async Task Quiet_for_loops_that_wait_for_one_input_at_a_time()
        {
            const string source = """
                using System;
                using System.Collections.Concurrent;
                using System.Threading.Channels;
                using System.Threading.Tasks;
                using Microsoft.ML;

                public static class Interactive
                {
                    public static void Prompt(PredictionEngine<SentimentInput, SentimentPrediction> engine)
                    {
                        string? line;
                        while ((line = Console.ReadLine()) is not null)
                        {
                            Console.WriteLine(engine.Predict(new SentimentInput { Text = line }).IsPositive);
                        }
                    }

                    public static void Consume(PredictionEngine<SentimentInput, SentimentPrediction> engine, BlockingCollection<SentimentInput> queue)
                    {
                        foreach (var item in queue.GetConsumingEnumerable())
                        {
                            Console.WriteLine(engine.Predict(item).Probability);
                        }
                    }

                    public static async Task ConsumeAsync(PredictionEngine<SentimentInput, SentimentPrediction> engine, ChannelReader<SentimentInput> channel)
                    {
                        await foreach (var item in channel.ReadAllAsync())
                        {
                            Console.WriteLine(engine.Predict(item).Probability);
                        }
                    }
                }
                """ + WebTypes.Schema;

            await VerifyEML2003.Analyzer(source);
        }
    }
}
