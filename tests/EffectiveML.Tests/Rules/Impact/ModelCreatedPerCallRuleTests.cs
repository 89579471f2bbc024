using System.Threading.Tasks;
using EffectiveML.CodeFixes.Impact;
using EffectiveML.Tests.Infrastructure;
using Xunit;
using VerifyEML2002 = EffectiveML.Tests.Infrastructure.Verify<EffectiveML.Analyzers.Rules.Impact.ModelCreatedPerCallRule>;

namespace EffectiveML.Tests.Rules.Impact
{
    public class ModelCreatedPerCallRuleTests
    {
        [Fact]
        public async Task Flags_engines_and_loads_in_loops_lambdas_controllers_and_minimal_apis()
        {
            const string source = """
                using System.Collections.Generic;
                using System.Linq;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.ML;

                public static class Batch
                {
                    public static List<bool> Score(MLContext mlContext, ITransformer model, IEnumerable<string> texts)
                    {
                        var results = new List<bool>();
                        foreach (var text in texts)
                        {
                            var engine = mlContext.Model.{|#0:CreatePredictionEngine<SentimentInput, SentimentPrediction>(model)|};
                            results.Add(engine.Predict(new SentimentInput { Text = text }).IsPositive);
                        }

                        return texts.Select(t => mlContext.Model.{|#1:Load("model.zip", out _)|}).Count() > 0 ? results : results;
                    }
                }

                [ApiController]
                [Route("sentiment")]
                public sealed class SentimentController : ControllerBase
                {
                    private readonly MLContext _mlContext = new(seed: 1);

                    [HttpPost]
                    public ActionResult<bool> Post(SentimentInput input)
                    {
                        var model = _mlContext.Model.{|#2:Load("model.zip", out _)|};
                        return _mlContext.Model.{|#3:CreatePredictionEngine<SentimentInput, SentimentPrediction>(model)|}.Predict(input).IsPositive;
                    }
                }

                public static class Endpoints
                {
                    public static void Map(WebApplication app, MLContext mlContext, ITransformer model) =>
                        app.MapPost("/score", (SentimentInput input) =>
                            mlContext.Model.{|#4:CreatePredictionEngine<SentimentInput, SentimentPrediction>(model)|}.Predict(input).Probability);
                }
                """ + WebTypes.Schema;

            await VerifyEML2002.Test(source)
                .WithReferences(TestReferences.AspNetCore)
                .Expecting(
                    VerifyEML2002.Diagnostic("EML2002").WithLocation(0).WithArguments("CreatePredictionEngine", "in every iteration of a loop"),
                    VerifyEML2002.Diagnostic("EML2002").WithLocation(1).WithArguments("Load", "for every item of a LINQ 'Select'"),
                    VerifyEML2002.Diagnostic("EML2002").WithLocation(2).WithArguments("Load", "on every request to the controller action 'Post'"),
                    VerifyEML2002.Diagnostic("EML2002").WithLocation(3).WithArguments("CreatePredictionEngine", "on every request to the controller action 'Post'"),
                    VerifyEML2002.Diagnostic("EML2002").WithLocation(4).WithArguments("CreatePredictionEngine", "on every request of a 'MapPost' handler"))
                .RunAsync();
        }

        [Fact]
        public async Task Flags_an_engine_built_and_used_in_one_expression_per_item()
        {
            // The engine is the receiver of Predict: the call is not a region data-flow analysis accepts, so its reads come from its operations.
            const string source = """
                using System.Collections.Generic;
                using System.Linq;
                using Microsoft.ML;

                public sealed class Scorer
                {
                    private readonly MLContext _mlContext = new(seed: 1);
                    private readonly ITransformer _model;

                    public Scorer(ITransformer model) => _model = model;

                    public List<bool> Decide(IEnumerable<SentimentInput> inputs) =>
                        inputs.Select(input => _mlContext.Model.{|#0:CreatePredictionEngine<SentimentInput, SentimentPrediction>(_model)|}.Predict(input).IsPositive).ToList();

                    public List<bool> DecideEach(IEnumerable<SentimentInput> inputs)
                    {
                        var decisions = new List<bool>();
                        foreach (var input in inputs)
                        {
                            decisions.Add(_mlContext.Model.{|#1:CreatePredictionEngine<SentimentInput, SentimentPrediction>(_model)|}.Predict(input).IsPositive);
                        }

                        return decisions;
                    }

                    // A different model for each item: not a repeat.
                    public List<bool> Compare(IEnumerable<ITransformer> models, SentimentInput input) =>
                        models.Select(model => _mlContext.Model.CreatePredictionEngine<SentimentInput, SentimentPrediction>(model).Predict(input).IsPositive).ToList();
                }
                """ + WebTypes.Schema;

            await VerifyEML2002.Analyzer(
                source,
                VerifyEML2002.Diagnostic("EML2002").WithLocation(0).WithArguments("CreatePredictionEngine", "for every item of a LINQ 'Select'"),
                VerifyEML2002.Diagnostic("EML2002").WithLocation(1).WithArguments("CreatePredictionEngine", "in every iteration of a loop"));
        }

        [Fact]
        public async Task Quiet_for_creation_in_constructors_startup_and_outside_loops()
        {
            const string source = """
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.Extensions.DependencyInjection;
                using Microsoft.ML;
                
                public sealed class SentimentController : ControllerBase
                {
                    private readonly PredictionEngine<SentimentInput, SentimentPrediction> _engine;

                    public SentimentController(MLContext mlContext)
                    {
                        var model = mlContext.Model.Load("model.zip", out _);
                        _engine = mlContext.Model.CreatePredictionEngine<SentimentInput, SentimentPrediction>(model);
                    }

                    [HttpPost]
                    public ActionResult<bool> Post(SentimentInput input) => _engine.Predict(input).IsPositive;
                }

                public static class Startup
                {
                    public static void Configure(IServiceCollection services, MLContext mlContext)
                    {
                        var model = mlContext.Model.Load("model.zip", out _);
                        services.AddSingleton(model);
                    }

                    public static int Count(MLContext mlContext, ITransformer model, string[] texts)
                    {
                        // Created once, before the loop that uses it.
                        var engine = mlContext.Model.CreatePredictionEngine<SentimentInput, SentimentPrediction>(model);
                        var positive = 0;
                        foreach (var text in texts)
                        {
                            positive += engine.Predict(new SentimentInput { Text = text }).IsPositive ? 1 : 0;
                        }

                        return positive;
                    }
                }
                """ + WebTypes.Schema;

            await VerifyEML2002.Test(source).WithReferences(TestReferences.AspNetCore).RunAsync();
        }

        [Fact]
        public async Task Quiet_for_a_loop_that_loads_a_different_model_in_each_iteration()
        {
            const string source = """
                using System;
                using System.Collections.Generic;
                using System.IO;
                using System.Linq;
                using Microsoft.ML;

                public static class ModelComparison
                {
                    public static void CompareAll(MLContext mlContext, string folder, SentimentInput sample)
                    {
                        foreach (var path in Directory.GetFiles(folder, "*.zip"))
                        {
                            var model = mlContext.Model.Load(path, out _);
                            var engine = mlContext.Model.CreatePredictionEngine<SentimentInput, SentimentPrediction>(model);
                            Console.WriteLine($"{path}: {engine.Predict(sample).Probability}");
                        }

                        var versions = new[] { "v1", "v2" };
                        for (var i = 0; i < versions.Length; i++)
                        {
                            var model = mlContext.Model.Load(Path.Combine(folder, versions[i] + ".zip"), out _);
                            Console.WriteLine(model.GetType().Name);
                        }

                        var loaded = versions.Select(v => mlContext.Model.Load(v + ".zip", out _)).ToList();
                        Console.WriteLine(loaded.Count);
                    }

                    public static void Serve(MLContext mlContext)
                    {
                        string? line;
                        while ((line = Console.ReadLine()) != null)
                        {
                            var model = mlContext.Model.Load(line, out var schema);
                            Console.WriteLine(schema.Count);
                        }
                    }
                }
                """ + WebTypes.Schema;

            await VerifyEML2002.Test(source).WithReferences(TestReferences.AspNetCore).RunAsync();
        }

        [Fact]
        public async Task Fix_hoists_a_loop_invariant_engine_out_of_the_loop()
        {
            const string source = """
                using System.Collections.Generic;
                using Microsoft.ML;

                public static class Batch
                {
                    public static int CountPositive(MLContext mlContext, ITransformer model, IEnumerable<string> texts)
                    {
                        var positive = 0;
                        foreach (var text in texts)
                        {
                            var engine = mlContext.Model.{|EML2002:CreatePredictionEngine<SentimentInput, SentimentPrediction>(model)|};
                            if (engine.Predict(new SentimentInput { Text = text }).IsPositive)
                            {
                                positive++;
                            }
                        }

                        return positive;
                    }
                }
                """ + WebTypes.Schema;

            const string fixedSource = """
                using System.Collections.Generic;
                using Microsoft.ML;

                public static class Batch
                {
                    public static int CountPositive(MLContext mlContext, ITransformer model, IEnumerable<string> texts)
                    {
                        var positive = 0;
                        var engine = mlContext.Model.CreatePredictionEngine<SentimentInput, SentimentPrediction>(model);
                        foreach (var text in texts)
                        {
                            if (engine.Predict(new SentimentInput { Text = text }).IsPositive)
                            {
                                positive++;
                            }
                        }

                        return positive;
                    }
                }
                """ + WebTypes.Schema;

            await VerifyEML2002.CodeFix<ModelCreatedPerCallCodeFix>(source, fixedSource);
        }
    }
}
