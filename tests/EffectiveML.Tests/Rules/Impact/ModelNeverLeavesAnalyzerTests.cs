using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;
using VerifyEML2005 = EffectiveML.Tests.Infrastructure.Verify<EffectiveML.Analyzers.Rules.Impact.ModelNeverLeavesAnalyzer>;

namespace EffectiveML.Tests.Rules.Impact
{
    public class ModelNeverLeavesAnalyzerTests
    {
        [Fact]
        public async Task Flags_a_model_only_used_to_score_in_the_method()
        {
            const string source = """
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

            await VerifyEML2005.Analyzer(
                source,
                VerifyEML2005.Diagnostic("EML2005").WithLocation(0).WithSeverity(DiagnosticSeverity.Info).WithArguments("Fit"));
        }

        [Fact]
        public async Task Quiet_when_the_model_is_saved_returned_stored_served_or_only_prepares_data()
        {
            const string source = """
                using Microsoft.ML;

                public sealed class Training
                {
                    private ITransformer? _model;

                    public ITransformer Returned(MLContext mlContext, IDataView train) =>
                        mlContext.Transforms.Concatenate("Features", "A").Append(mlContext.Regression.Trainers.Sdca()).Fit(train);

                    public void Saved(MLContext mlContext, IDataView train)
                    {
                        var model = mlContext.Transforms.Concatenate("Features", "A").Append(mlContext.Regression.Trainers.Sdca()).Fit(train);
                        mlContext.Model.Save(model, train.Schema, "model.zip");
                    }

                    public void Stored(MLContext mlContext, IDataView train)
                    {
                        var model = mlContext.Transforms.Concatenate("Features", "A").Append(mlContext.Regression.Trainers.Sdca()).Fit(train);
                        _model = model;
                    }

                    public float Served(MLContext mlContext, IDataView train, Row row)
                    {
                        var model = mlContext.Transforms.Concatenate("Features", "A").Append(mlContext.Regression.Trainers.Sdca()).Fit(train);
                        return mlContext.Model.CreatePredictionEngine<Row, Scored>(model).Predict(row).Score;
                    }

                    public IDataView Prepared(MLContext mlContext, IDataView data)
                    {
                        var normalizer = mlContext.Transforms.NormalizeMinMax("A").Fit(data);
                        return normalizer.Transform(data);
                    }
                }

                public class Row { public float A { get; set; } }
                public class Scored { public float Score { get; set; } }
                """;

            await VerifyEML2005.Analyzer(source);
        }

        [Fact]
        public async Task Quiet_in_test_methods()
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

            await VerifyEML2005.AnalyzerWithReferences(source, Infrastructure.TestReferences.Xunit);
        }
    }
}
