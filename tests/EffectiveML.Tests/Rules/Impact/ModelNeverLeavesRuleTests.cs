using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;
using VerifyEML2005 = EffectiveML.Tests.Infrastructure.Verify<EffectiveML.Analyzers.Rules.Impact.ModelNeverLeavesRule>;

namespace EffectiveML.Tests.Rules.Impact
{
    public class ModelNeverLeavesRuleTests
    {
        [Fact]
        public async Task Flags_a_project_whose_every_model_is_scored_and_dropped_once_at_the_first_training()
        {
            const string experiment = """
                using System;
                using Microsoft.ML;

                public static class Experiment
                {
                    public static void Run(MLContext mlContext, IDataView train, IDataView test)
                    {
                        var model = mlContext.Transforms.Concatenate("Features", "A", "B")
                            .Append(mlContext.BinaryClassification.Trainers.FastTree())
                            .{|#0:Fit(train)|};
                        var metrics = mlContext.BinaryClassification.Evaluate(model.Transform(test));
                        Console.WriteLine(metrics.AreaUnderRocCurve);
                    }
                }
                """;

            const string comparison = """
                using System;
                using Microsoft.ML;

                public static class Comparison
                {
                    public static void Run(MLContext mlContext, IDataView train, IDataView test)
                    {
                        var baseline = mlContext.BinaryClassification.Trainers.SdcaLogisticRegression();
                        var model = mlContext.Transforms.Concatenate("Features", "A", "B").Append(baseline).Fit(train);
                        Console.WriteLine(mlContext.BinaryClassification.Evaluate(model.Transform(test)).AreaUnderRocCurve);
                    }
                }
                """;

            await VerifyEML2005.Test(experiment, comparison)
                .Expecting(
                    VerifyEML2005.Diagnostic("EML2005").WithLocation(0).WithSeverity(DiagnosticSeverity.Info).WithArguments("2 places"))
                .RunAsync();
        }

        [Fact]
        public async Task Quiet_when_some_member_saves_returns_stores_or_serves_a_model()
        {
            const string training = """
                using System;
                using Microsoft.ML;

                public static class Experiments
                {
                    public static void Compare(MLContext mlContext, IDataView train, IDataView test)
                    {
                        var model = mlContext.Transforms.Concatenate("Features", "A").Append(mlContext.Regression.Trainers.Sdca()).Fit(train);
                        Console.WriteLine(mlContext.Regression.Evaluate(model.Transform(test)).RSquared);
                    }
                }
                """;

            foreach (var exit in new[]
            {
                "public static void Saved(MLContext ml, ITransformer model, IDataView data) => ml.Model.Save(model, data.Schema, \"model.zip\");",
                "public static ITransformer Returned(MLContext ml, IDataView data) => ml.Regression.Trainers.Sdca().Fit(data);",
                "public static ITransformer? Stored { get; set; }\n    public static void Keep(ITransformer model) => Stored = model;",
                "public static float Served(MLContext ml, ITransformer model, Row row) => ml.Model.CreatePredictionEngine<Row, Scored>(model).Predict(row).Score;",
                "public static void Published(ITransformer model, System.Collections.Generic.List<object> registry) => registry.Add(model);",
                "public static Scored Pooled(Microsoft.Extensions.ML.PredictionEnginePool<Row, Scored> pool, Row row) => pool.Predict(row);\n}\n\nnamespace Microsoft.Extensions.ML\n{\n    public class PredictionEnginePool<TIn, TOut> where TOut : class, new() { public TOut Predict(TIn example) => new TOut(); }",
            })
            {
                var leaving = $$"""
                    using Microsoft.ML;

                    public static class Deployment
                    {
                        {{exit}}
                    }

                    public class Row { public float A { get; set; } }
                    public class Scored { public float Score { get; set; } }
                    """;
                await VerifyEML2005.Test(training, leaving).RunAsync();
            }
        }

        [Fact]
        public async Task Quiet_when_a_model_goes_to_a_call_that_does_not_bind()
        {
            // The editor has not restored the ONNX exporter: the call is an error, but where the model goes is not in view.
            const string source = """
                using System.IO;
                using Microsoft.ML;

                public static class Export
                {
                    public static void Train(MLContext mlContext, IDataView data)
                    {
                        var model = mlContext.Regression.Trainers.Sdca().Fit(data);
                        using var stream = File.Create("model.onnx");
                        mlContext.Model.{|CS1061:ConvertToOnnxFormat|}(model, data, stream);
                    }
                }
                """;

            await VerifyEML2005.Analyzer(source);
        }

        [Fact]
        public async Task Quiet_for_data_preparation_and_calibrators()
        {
            const string source = """
                using Microsoft.ML;

                public static class Preparation
                {
                    public static void Prepare(MLContext mlContext, IDataView data, IDataView scored)
                    {
                        var normalizer = mlContext.Transforms.NormalizeMinMax("A").Fit(data);
                        var text = mlContext.Transforms.Text.FeaturizeText("Words", "Review").Fit(data);
                        var calibrator = mlContext.BinaryClassification.Calibrators.Platt(slope: -1, offset: 0).Fit(scored);
                        System.Console.WriteLine(normalizer.Transform(text.Transform(data)).Schema.Count + calibrator.GetType().Name);
                    }
                }
                """;

            await VerifyEML2005.Analyzer(source);
        }

        [Fact]
        public async Task Quiet_for_training_in_test_methods()
        {
            const string source = """
                using Microsoft.ML;
                using Xunit;

                public class PipelineTests
                {
                    [Fact]
                    public void Pipeline_fits()
                    {
                        var mlContext = new MLContext(seed: 1);
                        var data = mlContext.Data.LoadFromEnumerable(new[] { new Row { A = 1 }, new Row { A = 2 } });
                        var model = mlContext.Transforms.Concatenate("Features", "A").Append(mlContext.Regression.Trainers.Sdca()).Fit(data);
                        Assert.NotNull(model.GetOutputSchema(data.Schema).GetColumnOrNull("Score"));
                    }
                }

                public class Row { public float A { get; set; } public float Label { get; set; } }
                """;

            await VerifyEML2005.Test(source).WithReferences(Infrastructure.TestReferences.Xunit).RunAsync();
        }
    }
}
