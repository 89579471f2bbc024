using System.Linq;
using EffectiveML.Analyzers.Model.Pipelines;
using Xunit;

namespace EffectiveML.Tests.Model
{
    public class PipelineModelTests
    {
        [Fact]
        public void Reads_steps_kinds_and_columns_of_a_chain_split_across_locals()
        {
            const string source = """
                using Microsoft.ML;
                using Microsoft.ML.Data;
                using Microsoft.ML.Trainers;

                public static class Pipelines
                {
                    private const string Target = "Churned";

                    public static IEstimator<ITransformer> Build(MLContext ml)
                    {
                        var features = new EstimatorChain<ITransformer>()
                            .Append(ml.Transforms.Categorical.OneHotEncoding(new[] { new InputOutputColumnPair("PlanEncoded", "Plan") }))
                            .Append(ml.Transforms.Concatenate("Features", nameof(Customer.Tenure), "PlanEncoded"))
                            .AppendCacheCheckpoint(ml);
                        var options = new SdcaLogisticRegressionBinaryTrainer.Options { LabelColumnName = Target };
                        return features
                            .Append(ml.Transforms.NormalizeMinMax("Features"))
                            .Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression(options));
                    }
                }

                public class Customer
                {
                    public float Tenure { get; set; }
                    public string Plan { get; set; } = "";
                    public bool Churned { get; set; }
                }
                """;

            var model = ModelTestCompilation.MemberModelOf(source, "Build");
            var pipeline = model.Pipelines.Chains.Single(c => c.Steps.Length == 5);

            Assert.True(pipeline.IsFullyKnown);
            Assert.Equal(
                new[] { StepKind.Encoder, StepKind.Concatenate, StepKind.CacheCheckpoint, StepKind.Normalizer, StepKind.Trainer },
                pipeline.Steps.Select(s => s.Kind));

            var concatenate = pipeline.Steps[1].Flows.Single();
            Assert.Equal("Features", concatenate.Output.Name);
            Assert.Equal(new[] { "Tenure", "PlanEncoded" }, concatenate.Inputs.Select(c => c.Name));
            Assert.Equal("Plan", pipeline.Steps[0].Flows.Single().Inputs.Single().Name);
            Assert.Equal("Features", pipeline.Steps[3].Flows.Single().Inputs.Single().Name);

            var trainer = pipeline.Steps[4].Trainer!;
            Assert.Equal("Churned", trainer.Label.Name);
            Assert.Equal("Features", trainer.Features.Name);
            Assert.Equal(Normalization.Needed, trainer.Entry!.Normalization);
            Assert.Equal(Complexity.Simple, trainer.Entry.Complexity);

            var lineage = pipeline.Lineage("Features", 4)!;
            Assert.Contains(new ColumnVersion("Plan", -1), lineage);
            Assert.Contains(new ColumnVersion("Tenure", -1), lineage);
            Assert.Contains(new ColumnVersion("Features", 3), lineage);
        }

        [Fact]
        public void Marks_what_it_cannot_follow_as_unknown()
        {
            const string source = """
                using Microsoft.ML;

                public static class Pipelines
                {
                    public static IEstimator<ITransformer> Build(MLContext ml, IEstimator<ITransformer> preparation, string[] columns, bool normalize)
                    {
                        IEstimator<ITransformer> pipeline = preparation.Append(ml.Transforms.Concatenate("Features", columns));
                        if (normalize)
                        {
                            pipeline = pipeline.Append(ml.Transforms.NormalizeMinMax("Features"));
                        }

                        return pipeline.Append(ml.Regression.Trainers.FastTree(labelColumnName: GetLabel()));
                    }

                    private static string GetLabel() => "Price";
                }
                """;

            var model = ModelTestCompilation.MemberModelOf(source, "Build");
            var first = model.Pipelines.Chains.Single(c => c.Steps.Length == 2 && c.Steps[1].Kind == StepKind.Concatenate);
            Assert.Equal(StepKind.Unknown, first.Steps[0].Kind);
            Assert.False(first.Steps[1].ColumnsKnown);

            var last = model.Pipelines.Chains.Single(c => c.Steps.Any(s => s.Kind == StepKind.Trainer));
            Assert.False(last.IsFullyKnown);
            Assert.Equal(StepKind.Unknown, last.Steps[0].Kind);
            Assert.Null(last.Steps.Single(s => s.Kind == StepKind.Trainer).Trainer!.Label.Name);
            Assert.Equal(Complexity.Complex, last.Steps.Single(s => s.Kind == StepKind.Trainer).Trainer!.Entry!.Complexity);
        }

        [Fact]
        public void The_trainer_table_gives_a_reason_for_every_row_and_knows_each_trainer_once()
        {
            Assert.All(TrainerTable.Entries, entry => Assert.False(string.IsNullOrWhiteSpace(entry.Reason)));
            Assert.Equal(TrainerTable.Entries.Count, TrainerTable.Entries.Select(e => e.Method).Distinct().Count());
            Assert.All(TransformTable.Entries, entry => Assert.False(string.IsNullOrWhiteSpace(entry.Reason)));
        }
    }
}
