using System.Threading.Tasks;
using Xunit;
using VerifyEML6001 = EffectiveML.Tests.Infrastructure.Verify<EffectiveML.Analyzers.Rules.Uncertainty.ModelSavedWithoutEvaluationRule>;

namespace EffectiveML.Tests.Rules.Uncertainty
{
    public class ModelSavedWithoutEvaluationRuleTests
    {
        [Fact]
        public async Task Flags_a_type_that_trains_and_saves_without_evaluating()
        {
            const string source = """
                using Microsoft.ML;

                public sealed class NightlyTraining
                {
                    private readonly MLContext _mlContext = new(seed: 1);

                    public ITransformer Train(IDataView data) =>
                        _mlContext.Transforms.Concatenate("Features", "A", "B")
                            .Append(_mlContext.BinaryClassification.Trainers.FastTree())
                            .Fit(data);

                    public void Publish(IDataView data, string path)
                    {
                        var model = Train(data);
                        _mlContext.Model.{|#0:Save(model, data.Schema, path)|};
                    }
                }
                """;

            await VerifyEML6001.Analyzer(
                source,
                VerifyEML6001.Diagnostic("EML6001").WithLocation(0).WithArguments("Save", "Train"));
        }

        [Fact]
        public async Task Flags_a_save_whose_type_trains_in_another_file_of_a_partial_type()
        {
            // The member that saves does not train: the rest of the type is read from its other
            // file, and the message names the member that trains there.
            const string publishing = """
                using Microsoft.ML;

                public sealed partial class NightlyTraining
                {
                    public void Publish(ITransformer model, IDataView data, string path) =>
                        _mlContext.Model.{|#0:Save(model, data.Schema, path)|};
                }
                """;
            const string training = """
                using Microsoft.ML;

                public sealed partial class NightlyTraining
                {
                    private readonly MLContext _mlContext = new(seed: 1);

                    public ITransformer Train(IDataView data) =>
                        _mlContext.Transforms.Concatenate("Features", "A", "B")
                            .Append(_mlContext.BinaryClassification.Trainers.FastTree())
                            .Fit(data);
                }
                """;

            await VerifyEML6001.Test(publishing, training)
                .Expecting(VerifyEML6001.Diagnostic("EML6001").WithLocation(0).WithArguments("Save", "Train"))
                .RunAsync();
        }

        [Fact]
        public async Task Quiet_when_another_file_of_a_partial_type_evaluates()
        {
            const string training = """
                using Microsoft.ML;

                public sealed partial class NightlyTraining
                {
                    private readonly MLContext _mlContext = new(seed: 1);

                    public void TrainAndPublish(IDataView data, string path)
                    {
                        var model = _mlContext.Transforms.Concatenate("Features", "A", "B")
                            .Append(_mlContext.BinaryClassification.Trainers.FastTree())
                            .Fit(data);
                        _mlContext.Model.Save(model, data.Schema, path);
                    }
                }
                """;
            const string evaluation = """
                using Microsoft.ML;

                public sealed partial class NightlyTraining
                {
                    public double Auc(ITransformer model, IDataView test) =>
                        _mlContext.BinaryClassification.Evaluate(model.Transform(test)).AreaUnderRocCurve;
                }
                """;

            await VerifyEML6001.Test(training, evaluation).RunAsync();
        }

        [Fact]
        public async Task Quiet_when_top_level_statements_evaluate_what_a_method_of_the_program_saves()
        {
            // The statements are the code of the entry point the compiler declares in Program.
            const string source = """
                using Microsoft.ML;

                var mlContext = new MLContext(seed: 1);
                var data = mlContext.Data.LoadFromEnumerable(new[] { new Row() });
                var model = Program.Train(mlContext, data);
                var metrics = mlContext.BinaryClassification.Evaluate(model.Transform(data));
                Program.Publish(mlContext, model, data);

                public partial class Program
                {
                    internal static ITransformer Train(MLContext mlContext, IDataView data) =>
                        mlContext.Transforms.Concatenate("Features", "A")
                            .Append(mlContext.BinaryClassification.Trainers.FastTree())
                            .Fit(data);

                    internal static void Publish(MLContext mlContext, ITransformer model, IDataView data) =>
                        mlContext.Model.Save(model, data.Schema, "model.zip");
                }

                public class Row
                {
                    public float A { get; set; }

                    public bool Label { get; set; }
                }
                """;

            await VerifyEML6001.Test(source).AsProgram().RunAsync();
        }

        [Fact]
        public async Task Quiet_when_a_nested_type_trains_for_an_outer_type_that_only_saves()
        {
            // A nested type is a type of its own: its training does not make the outer type train.
            const string source = """
                using Microsoft.ML;

                public sealed class Publisher
                {
                    public void Publish(MLContext mlContext, ITransformer model, IDataView data, string path) =>
                        mlContext.Model.Save(model, data.Schema, path);

                    private sealed class Trainer
                    {
                        public ITransformer Train(MLContext mlContext, IDataView data) =>
                            mlContext.BinaryClassification.Trainers.FastTree().Fit(data);
                    }
                }
                """;

            await VerifyEML6001.Analyzer(source);
        }

        [Fact]
        public async Task Quiet_when_the_type_evaluates_or_only_saves_a_loaded_or_preparation_model()
        {
            const string source = """
                using Microsoft.ML;

                public sealed class NightlyTraining
                {
                    private readonly MLContext _mlContext = new(seed: 1);

                    public void TrainAndPublish(IDataView data, string path)
                    {
                        var split = _mlContext.Data.TrainTestSplit(data, testFraction: 0.2, seed: 1);
                        var model = _mlContext.Transforms.Concatenate("Features", "A", "B")
                            .Append(_mlContext.BinaryClassification.Trainers.FastTree())
                            .Fit(split.TrainSet);
                        Check(model, split.TestSet);
                        _mlContext.Model.Save(model, data.Schema, path);
                    }

                    private void Check(ITransformer model, IDataView test)
                    {
                        var auc = _mlContext.BinaryClassification.Evaluate(model.Transform(test)).AreaUnderRocCurve;
                        if (auc < 0.8)
                        {
                            throw new System.InvalidOperationException($"AUC {auc} is below the bar");
                        }
                    }
                }

                public sealed class Converter
                {
                    public void Resave(MLContext mlContext, string from, string to)
                    {
                        var model = mlContext.Model.Load(from, out var schema);
                        mlContext.Model.Save(model, schema, to);
                    }

                    public void SaveFeaturizer(MLContext mlContext, IDataView data, string path)
                    {
                        var featurizer = mlContext.Transforms.NormalizeMinMax("A").Fit(data);
                        mlContext.Model.Save(featurizer, data.Schema, path);
                    }
                }
                """;

            await VerifyEML6001.Analyzer(source);
        }
    }
}
