using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;
using VerifyEML2003 = EffectiveML.Tests.Infrastructure.Verify<EffectiveML.Analyzers.Rules.Impact.SinglePredictionsInLoopRule>;

namespace EffectiveML.Tests.Rules.Impact
{
    public class SinglePredictionsInLoopRuleTests
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
        public async Task Flags_an_input_built_from_each_element_without_IO()
        {
            const string source = """
                using System.Collections.Generic;
                using Microsoft.ML;

                public sealed class Review
                {
                    public string Title { get; set; } = "";
                    public string Body { get; set; } = "";
                }

                public static class Batch
                {
                    public static List<bool> Score(PredictionEngine<SentimentInput, SentimentPrediction> engine, Review[] reviews)
                    {
                        var results = new List<bool>();
                        foreach (var review in reviews)
                        {
                            var input = new SentimentInput { Text = $"{review.Title}. {review.Body.Trim()}" };
                            results.Add(engine.{|#0:Predict(input)|}.IsPositive);
                        }

                        return results;
                    }
                }
                """ + WebTypes.Schema;

            await VerifyEML2003.Analyzer(
                source,
                VerifyEML2003.Diagnostic("EML2003").WithLocation(0).WithSeverity(DiagnosticSeverity.Info).WithArguments("'reviews'"));
        }

        [Fact]
        public async Task Quiet_for_loops_that_read_or_download_each_input_or_predict_something_else()
        {
            const string source = """
                using System.Collections.Generic;
                using System.IO;
                using System.Net.Http;
                using System.Threading.Tasks;
                using Microsoft.ML;

                public static class PerFile
                {
                    public static List<bool> ScoreFiles(PredictionEngine<SentimentInput, SentimentPrediction> engine, string[] paths)
                    {
                        var results = new List<bool>();
                        foreach (var path in paths)
                        {
                            results.Add(engine.Predict(new SentimentInput { Text = File.ReadAllText(path) }).IsPositive);
                        }

                        return results;
                    }

                    public static async Task<List<bool>> ScoreDownloads(PredictionEngine<SentimentInput, SentimentPrediction> engine, HttpClient client, string[] urls)
                    {
                        var results = new List<bool>();
                        foreach (var url in urls)
                        {
                            var text = await client.GetStringAsync(url);
                            results.Add(engine.Predict(new SentimentInput { Text = text }).IsPositive);
                        }

                        return results;
                    }

                    public static List<bool> ScoreDownloadedCopies(PredictionEngine<SentimentInput, SentimentPrediction> engine, HttpClient client, string[] names)
                    {
                        var results = new List<bool>();
                        foreach (var name in names)
                        {
                            File.WriteAllText(name, client.GetStringAsync(name).Result);
                            results.Add(engine.Predict(new SentimentInput { Text = name }).IsPositive);
                        }

                        return results;
                    }

                    public static List<bool> ScoreOneSample(PredictionEngine<SentimentInput, SentimentPrediction> engine, SentimentInput sample, int repeats)
                    {
                        var results = new List<bool>();
                        for (var i = 0; i < repeats; i++)
                        {
                            results.Add(engine.Predict(sample).IsPositive);
                        }

                        return results;
                    }

                    public static List<bool> ScoreConverted(PredictionEngine<SentimentInput, SentimentPrediction> engine, Converter converter, string[] ids)
                    {
                        var results = new List<bool>();
                        foreach (var id in ids)
                        {
                            results.Add(engine.Predict(converter.Lookup(id)).IsPositive);
                        }

                        return results;
                    }
                }

                public sealed class Converter
                {
                    public SentimentInput Lookup(string id) => new SentimentInput { Text = id };
                }
                """ + WebTypes.Schema;

            await VerifyEML2003.Analyzer(source);
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
