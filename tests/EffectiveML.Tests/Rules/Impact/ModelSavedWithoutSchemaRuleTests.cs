using System.Threading.Tasks;
using EffectiveML.CodeFixes.Impact;
using Xunit;
using VerifyEML2004 = EffectiveML.Tests.Infrastructure.Verify<EffectiveML.Analyzers.Rules.Impact.ModelSavedWithoutSchemaRule>;

namespace EffectiveML.Tests.Rules.Impact
{
    public class ModelSavedWithoutSchemaRuleTests
    {
        [Fact]
        public async Task Flags_null_and_default_schemas()
        {
            const string source = """
                using Microsoft.ML;

                public static class Saving
                {
                    public static void Save(MLContext mlContext, ITransformer model, string path)
                    {
                        mlContext.Model.{|#0:Save(model, null, path)|};
                        mlContext.Model.{|#1:Save(model, default, path + ".bak")|};
                    }
                }
                """;

            await VerifyEML2004.Analyzer(
                source,
                VerifyEML2004.Diagnostic("EML2004").WithLocation(0),
                VerifyEML2004.Diagnostic("EML2004").WithLocation(1));
        }

        [Fact]
        public async Task Quiet_when_a_schema_is_passed()
        {
            const string source = """
                using Microsoft.ML;

                public static class Saving
                {
                    public static void Save(MLContext mlContext, ITransformer model, IDataView data, DataViewSchema schema, string path)
                    {
                        mlContext.Model.Save(model, data.Schema, path);
                        mlContext.Model.Save(model, schema, path + ".bak");
                    }
                }
                """;

            await VerifyEML2004.Analyzer(source);
        }

        [Fact]
        public async Task Fix_passes_the_training_data_schema()
        {
            const string source = """
                using Microsoft.ML;

                public static class Training
                {
                    public static void Train(MLContext mlContext, IDataView data, IEstimator<ITransformer> pipeline)
                    {
                        var split = mlContext.Data.TrainTestSplit(data, testFraction: 0.2, seed: 1);
                        var model = pipeline.Fit(split.TrainSet);
                        mlContext.Model.{|EML2004:Save(model, null, "model.zip")|};
                    }
                }
                """;

            const string fixedSource = """
                using Microsoft.ML;

                public static class Training
                {
                    public static void Train(MLContext mlContext, IDataView data, IEstimator<ITransformer> pipeline)
                    {
                        var split = mlContext.Data.TrainTestSplit(data, testFraction: 0.2, seed: 1);
                        var model = pipeline.Fit(split.TrainSet);
                        mlContext.Model.Save(model, split.TrainSet.Schema, "model.zip");
                    }
                }
                """;

            await VerifyEML2004.CodeFix<ModelSavedWithoutSchemaCodeFix>(source, fixedSource);
        }
    }
}
