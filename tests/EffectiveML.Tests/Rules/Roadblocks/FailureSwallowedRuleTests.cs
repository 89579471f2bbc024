using System.Threading.Tasks;
using EffectiveML.Tests.Infrastructure;
using Xunit;
using VerifyEML7001 = EffectiveML.Tests.Infrastructure.Verify<EffectiveML.Analyzers.Rules.Roadblocks.FailureSwallowedRule>;

namespace EffectiveML.Tests.Rules.Roadblocks
{
    public class FailureSwallowedRuleTests
    {
        private const string Schema = """

            public class SentimentInput { public string Text { get; set; } = ""; }
            public class SentimentPrediction { public bool PredictedLabel { get; set; } public float Probability { get; set; } }
            """;

        [Fact]
        public async Task Flags_catches_that_swallow_ML_failures()
        {
            const string source = """
                using System;
                using System.Collections.Generic;
                using Microsoft.ML;

                public sealed class Scoring
                {
                    public ITransformer? TryLoad(MLContext mlContext, string path)
                    {
                        try
                        {
                            return mlContext.Model.Load(path, out _);
                        }
                        {|#0:catch|} (Exception)
                        {
                            return null;
                        }
                    }

                    public float Score(PredictionEngine<SentimentInput, SentimentPrediction> engine, SentimentInput input)
                    {
                        try
                        {
                            return engine.Predict(input).Probability;
                        }
                        {|#1:catch|}
                        {
                            return default;
                        }
                    }

                    public void Train(MLContext mlContext, IEnumerable<IDataView> batches, IEstimator<ITransformer> pipeline)
                    {
                        foreach (var batch in batches)
                        {
                            try
                            {
                                pipeline.Fit(batch);
                            }
                            {|#2:catch|} (InvalidOperationException ex)
                            {
                                continue;
                            }
                        }
                    }
                }
                """ + Schema;

            await VerifyEML7001.Analyzer(
                source,
                VerifyEML7001.Diagnostic("EML7001").WithLocation(0).WithArguments("Load"),
                VerifyEML7001.Diagnostic("EML7001").WithLocation(1).WithArguments("Predict"),
                VerifyEML7001.Diagnostic("EML7001").WithLocation(2).WithArguments("Fit"));
        }

        [Fact]
        public async Task Quiet_when_the_catch_logs_rethrows_throws_or_uses_the_exception()
        {
            const string source = """
                using System;
                using System.Diagnostics;
                using Microsoft.Extensions.Logging;
                using Microsoft.ML;

                public sealed class Scoring
                {
                    private readonly ILogger<Scoring> _logger;
                    private Exception? _lastError;

                    public Scoring(ILogger<Scoring> logger) => _logger = logger;

                    public ITransformer? Logged(MLContext mlContext, string path)
                    {
                        try { return mlContext.Model.Load(path, out _); }
                        catch (Exception ex) { _logger.LogError(ex, "Model {Path} failed to load", path); return null; }
                    }

                    public ITransformer Rethrown(MLContext mlContext, string path)
                    {
                        try { return mlContext.Model.Load(path, out _); }
                        catch (InvalidOperationException) { throw; }
                    }

                    public ITransformer Wrapped(MLContext mlContext, string path)
                    {
                        try { return mlContext.Model.Load(path, out _); }
                        catch (InvalidOperationException ex) { throw new ApplicationException("model " + path, ex); }
                    }

                    public float ToStandardError(PredictionEngine<SentimentInput, SentimentPrediction> engine, SentimentInput input)
                    {
                        try { return engine.Predict(input).Probability; }
                        catch { Console.Error.WriteLine("prediction failed"); return 0; }
                    }

                    public float Recorded(PredictionEngine<SentimentInput, SentimentPrediction> engine, SentimentInput input)
                    {
                        try { return engine.Predict(input).Probability; }
                        catch (Exception ex) { _lastError = ex; return 0; }
                    }

                    public float Traced(PredictionEngine<SentimentInput, SentimentPrediction> engine, SentimentInput input)
                    {
                        try { return engine.Predict(input).Probability; }
                        catch { Trace.TraceWarning("prediction failed"); return 0; }
                    }

                    public int NotML(string text)
                    {
                        try { return int.Parse(text); }
                        catch { return 0; }
                    }
                }
                """ + Schema;

            await VerifyEML7001.Test(source).WithReferences(TestReferences.AspNetCore).RunAsync();
        }
    }
}
