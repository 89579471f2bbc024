using System.Threading.Tasks;
using Xunit;
using VerifyEML4004 = EffectiveML.Tests.Infrastructure.Verify<EffectiveML.Analyzers.Rules.Assumptions.ImputationCannotSeeMissingRule>;

namespace EffectiveML.Tests.Rules.Assumptions
{
    public class ImputationCannotSeeMissingRuleTests
    {
        private const string Schema = """

            public class Patient
            {
                [Microsoft.ML.Data.LoadColumn(0)] public float Age { get; set; }
                [Microsoft.ML.Data.LoadColumn(1)] public float Cholesterol { get; set; }
                [Microsoft.ML.Data.LoadColumn(2)] public bool Label { get; set; }
            }
            """;

        [Fact]
        public async Task Flags_imputation_fitted_on_a_file_loaded_with_default_options()
        {
            const string source = """
                using Microsoft.ML;
                using Microsoft.ML.Transforms;

                public static class Training
                {
                    public static ITransformer Train(MLContext mlContext)
                    {
                        var data = mlContext.Data.LoadFromTextFile<Patient>("patients.csv", separatorChar: ',', hasHeader: true);
                        var split = mlContext.Data.TrainTestSplit(data, testFraction: 0.2, seed: 1);
                        var pipeline = mlContext.Transforms.{|#0:IndicateMissingValues("CholesterolMissing", "Cholesterol")|}
                            .Append(mlContext.Transforms.{|#1:ReplaceMissingValues("Cholesterol", replacementMode: MissingValueReplacingEstimator.ReplacementMode.Mean)|})
                            .Append(mlContext.Transforms.Concatenate("Features", "Age", "Cholesterol"))
                            .Append(mlContext.BinaryClassification.Trainers.FastTree());
                        return pipeline.Fit(split.TrainSet);
                    }
                }
                """ + Schema;

            await VerifyEML4004.Analyzer(
                source,
                VerifyEML4004.Diagnostic("EML4004").WithLocation(0).WithArguments("IndicateMissingValues", "LoadFromTextFile"),
                VerifyEML4004.Diagnostic("EML4004").WithLocation(1).WithArguments("ReplaceMissingValues", "LoadFromTextFile"));
        }

        [Fact]
        public async Task Flags_options_that_leave_missing_reals_as_zero()
        {
            const string source = """
                using Microsoft.ML;
                using Microsoft.ML.Data;
                using Microsoft.ML.Transforms;

                public static class Training
                {
                    public static ITransformer Train(MLContext mlContext)
                    {
                        var options = new TextLoader.Options { Separators = new[] { ',' }, HasHeader = true, MissingRealsAsNaNs = false };
                        var loader = mlContext.Data.CreateTextLoader<Patient>(options);
                        var data = loader.Load("patients.csv");
                        var pipeline = mlContext.Transforms.{|#0:ReplaceMissingValues("Cholesterol", replacementMode: MissingValueReplacingEstimator.ReplacementMode.Mean)|};
                        return pipeline.Fit(data);
                    }
                }
                """ + Schema;

            await VerifyEML4004.Analyzer(
                source,
                VerifyEML4004.Diagnostic("EML4004").WithLocation(0).WithArguments("ReplaceMissingValues", "CreateTextLoader"));
        }

        [Fact]
        public async Task Quiet_when_missing_reals_load_as_NaN()
        {
            const string source = """
                using Microsoft.ML;
                using Microsoft.ML.Data;
                using Microsoft.ML.Transforms;

                public static class Training
                {
                    public static ITransformer Train(MLContext mlContext)
                    {
                        var options = new TextLoader.Options
                        {
                            Separators = new[] { ',' },
                            HasHeader = true,
                            MissingRealsAsNaNs = true,
                        };
                        var data = mlContext.Data.LoadFromTextFile<Patient>("patients.csv", options);
                        var split = mlContext.Data.TrainTestSplit(data, testFraction: 0.2, seed: 1);
                        var pipeline = mlContext.Transforms.ReplaceMissingValues("Cholesterol", replacementMode: MissingValueReplacingEstimator.ReplacementMode.Mean)
                            .Append(mlContext.Transforms.Concatenate("Features", "Age", "Cholesterol"));
                        return pipeline.Fit(split.TrainSet);
                    }
                }
                """ + Schema;

            await VerifyEML4004.Analyzer(source);
        }

        [Fact]
        public async Task Quiet_for_data_not_loaded_in_view()
        {
            const string source = """
                using System.Collections.Generic;
                using Microsoft.ML;
                using Microsoft.ML.Transforms;

                public static class Training
                {
                    public static ITransformer FromParameter(MLContext mlContext, IDataView data) =>
                        mlContext.Transforms.ReplaceMissingValues("Cholesterol", replacementMode: MissingValueReplacingEstimator.ReplacementMode.Mean).Fit(data);

                    public static ITransformer FromMemory(MLContext mlContext, IEnumerable<Patient> patients)
                    {
                        // In-memory rows keep float.NaN as NaN: there is something to replace.
                        var data = mlContext.Data.LoadFromEnumerable(patients);
                        return mlContext.Transforms.ReplaceMissingValues("Cholesterol", replacementMode: MissingValueReplacingEstimator.ReplacementMode.Mean).Fit(data);
                    }
                }
                """ + Schema;

            await VerifyEML4004.Analyzer(source);
        }
    }
}
