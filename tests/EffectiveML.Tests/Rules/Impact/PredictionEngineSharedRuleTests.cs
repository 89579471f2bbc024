using System.Threading.Tasks;
using EffectiveML.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;
using VerifyEML2001 = EffectiveML.Tests.Infrastructure.Verify<EffectiveML.Analyzers.Rules.Impact.PredictionEngineSharedRule>;

namespace EffectiveML.Tests.Rules.Impact
{
    public class PredictionEngineSharedRuleTests
    {
        [Fact]
        public async Task Flags_static_engines_and_singleton_registrations()
        {
            const string source = """
                using System;
                using Microsoft.Extensions.DependencyInjection;
                using Microsoft.ML;

                public static class Scoring
                {
                    private static PredictionEngine<SentimentInput, SentimentPrediction>? {|#0:_engine|};

                    public static Lazy<PredictionEngine<SentimentInput, SentimentPrediction>> {|#1:Engine|} { get; } =
                        new(() => new MLContext(seed: 1).Model.CreatePredictionEngine<SentimentInput, SentimentPrediction>(Load()));

                    private static ITransformer Load() => new MLContext(seed: 1).Model.Load("model.zip", out _);
                }

                public static class Startup
                {
                    public static void Configure(IServiceCollection services, MLContext mlContext, ITransformer model)
                    {
                        services.{|#2:AddSingleton(_ => mlContext.Model.CreatePredictionEngine<SentimentInput, SentimentPrediction>(model))|};
                        services.{|#3:AddSingleton(typeof(PredictionEngine<SentimentInput, SentimentPrediction>), mlContext.Model.CreatePredictionEngine<SentimentInput, SentimentPrediction>(model))|};
                    }
                }
                """ + WebTypes.Schema;

            await VerifyEML2001.Test(source)
                .WithReferences(TestReferences.AspNetCore)
                .Expecting(
                    VerifyEML2001.Diagnostic("EML2001").WithLocation(0).WithArguments("The static field '_engine'"),
                    VerifyEML2001.Diagnostic("EML2001").WithLocation(1).WithArguments("The static property 'Engine'"),
                    VerifyEML2001.Diagnostic("EML2001").WithLocation(2).WithArguments("'AddSingleton'"),
                    VerifyEML2001.Diagnostic("EML2001").WithLocation(3).WithArguments("'AddSingleton'"))
                .RunAsync();
        }

        private const string ConsoleProgram = """
            using System;
            using System.Linq;
            using Microsoft.ML;

            public static class Program
            {
                private static PredictionEngine<SentimentInput, SentimentPrediction>? {|#0:_engine|};

                public static void Main(string[] args)
                {
                    var mlContext = new MLContext(seed: 1);
                    _engine = mlContext.Model.CreatePredictionEngine<SentimentInput, SentimentPrediction>(mlContext.Model.Load(args[0], out _));
                    Score(args.Skip(1).ToArray());
                }

                private static void Score(string[] texts)
                {
                    // ONE-THREAD
                    foreach (var text in texts)
                    {
                        Console.WriteLine(_engine!.Predict(new SentimentInput { Text = text }).Probability);
                    }
                }
            }
            """;

        [Fact]
        public async Task Flags_a_console_program_that_predicts_from_several_threads()
        {
            var source = ConsoleProgram.Replace(
                "// ONE-THREAD",
                "System.Threading.Tasks.Parallel.ForEach(texts, text => Console.WriteLine(_engine!.Predict(new SentimentInput { Text = text }).IsPositive));") + WebTypes.Schema;

            await VerifyEML2001.Test(source)
                .AsProgram()
                .Expecting(VerifyEML2001.Diagnostic("EML2001").WithLocation(0).WithArguments("The static field '_engine'"))
                .RunAsync();
        }

        [Fact]
        public async Task Quiet_in_a_single_threaded_console_program()
        {
            var source = ConsoleProgram.Replace("{|#0:_engine|}", "_engine") + WebTypes.Schema;

            await VerifyEML2001.Test(source).AsProgram().RunAsync();
        }

        [Fact]
        public async Task Quiet_for_thread_local_thread_static_instance_fields_and_scoped_registrations()
        {
            const string source = """
                using System;
                using System.Threading;
                using Microsoft.Extensions.DependencyInjection;
                using Microsoft.ML;

                public sealed class Scorer
                {
                    private static readonly ThreadLocal<PredictionEngine<SentimentInput, SentimentPrediction>> PerThread =
                        new(() => new MLContext(seed: 1).Model.CreatePredictionEngine<SentimentInput, SentimentPrediction>(new MLContext(seed: 1).Model.Load("model.zip", out _)));

                    [ThreadStatic]
                    private static PredictionEngine<SentimentInput, SentimentPrediction>? _threadEngine;

                    private readonly PredictionEngine<SentimentInput, SentimentPrediction> _engine;

                    public Scorer(MLContext mlContext, ITransformer model) =>
                        _engine = mlContext.Model.CreatePredictionEngine<SentimentInput, SentimentPrediction>(model);

                    public bool IsPositive(string text) => _engine.Predict(new SentimentInput { Text = text }).IsPositive;

                    public static void Configure(IServiceCollection services, ITransformer model)
                    {
                        services.AddSingleton(model);
                        services.AddScoped<Scorer>();
                        services.AddTransient(_ => new MLContext(seed: 1).Model.CreatePredictionEngine<SentimentInput, SentimentPrediction>(model));
                    }
                }
                """ + WebTypes.Schema;

            await VerifyEML2001.Test(source).WithReferences(TestReferences.AspNetCore).RunAsync();
        }
    }
}
