using System.Threading.Tasks;
using EffectiveML.CodeFixes.Assumptions;
using Xunit;
using VerifyEML4010 = EffectiveML.Tests.Infrastructure.Verify<EffectiveML.Analyzers.Rules.Assumptions.ScaleSensitiveTrainerWithoutNormalizationRule>;

namespace EffectiveML.Tests.Rules.Assumptions
{
    public class ScaleSensitiveTrainerWithoutNormalizationRuleTests
    {
        [Fact]
        public async Task Flags_linear_trainers_on_raw_concatenated_features()
        {
            const string source = """
                using Microsoft.ML;

                public static class Pipelines
                {
                    public static IEstimator<ITransformer> Churn(MLContext mlContext) =>
                        mlContext.Transforms.Concatenate("Features", "Tenure", "MonthlyCharges", "TotalCharges")
                            .Append(mlContext.BinaryClassification.Trainers.{|#0:SdcaLogisticRegression()|});

                    public static IEstimator<ITransformer> Prices(MLContext mlContext)
                    {
                        var features = mlContext.Transforms.Conversion.ConvertType("Rooms")
                            .Append(mlContext.Transforms.Concatenate("Numeric", "Area", "Rooms"));
                        var trainer = mlContext.Regression.Trainers.{|#1:OnlineGradientDescent(featureColumnName: "Numeric")|};
                        return features.Append(trainer);
                    }
                }
                """;

            await VerifyEML4010.Analyzer(
                source,
                VerifyEML4010.Diagnostic("EML4010").WithLocation(0).WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("SdcaLogisticRegression", "Features", "'Tenure', 'MonthlyCharges' and 'TotalCharges'"),
                VerifyEML4010.Diagnostic("EML4010").WithLocation(1).WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("OnlineGradientDescent", "Numeric", "'Area' and 'Rooms'"));
        }

        [Fact]
        public async Task Flags_raw_columns_concatenated_from_a_list_of_schema_names_minus_the_label()
        {
            const string source = """
                using System.Linq;
                using Microsoft.ML;

                public class House
                {
                    public float Size { get; set; }
                    public float Rooms { get; set; }
                    public float Price { get; set; }
                }

                public static class Pipelines
                {
                    public static IEstimator<ITransformer> Prices(MLContext mlContext)
                    {
                        var features = new[] { nameof(House.Size), nameof(House.Rooms), nameof(House.Price) }
                            .Where(name => !name.Equals(nameof(House.Price)))
                            .ToArray();
                        return mlContext.Transforms.Concatenate("Features", features)
                            .Append(mlContext.Regression.Trainers.{|#0:Sdca(labelColumnName: nameof(House.Price))|});
                    }
                }
                """;

            await VerifyEML4010.Analyzer(
                source,
                VerifyEML4010.Diagnostic("EML4010").WithLocation(0).WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("Sdca", "Features", "'Size' and 'Rooms'"));
        }

        [Fact]
        public async Task Quiet_with_a_normalizer_or_text_featurizer_upstream_and_for_tree_trainers()
        {
            const string source = """
                using Microsoft.ML;

                public static class Pipelines
                {
                    public static IEstimator<ITransformer> MinMax(MLContext mlContext) =>
                        mlContext.Transforms.Concatenate("Features", "Tenure", "MonthlyCharges")
                            .Append(mlContext.Transforms.NormalizeMinMax("Features"))
                            .Append(mlContext.BinaryClassification.Trainers.SdcaLogisticRegression());

                    public static IEstimator<ITransformer> PerColumn(MLContext mlContext) =>
                        mlContext.Transforms.NormalizeMeanVariance("Tenure")
                            .Append(mlContext.Transforms.NormalizeMeanVariance("MonthlyCharges"))
                            .Append(mlContext.Transforms.Concatenate("Features", "Tenure", "MonthlyCharges"))
                            .Append(mlContext.BinaryClassification.Trainers.LbfgsLogisticRegression());

                    public static IEstimator<ITransformer> Text(MLContext mlContext) =>
                        mlContext.Transforms.Text.FeaturizeText("Features", "Review")
                            .Append(mlContext.BinaryClassification.Trainers.AveragedPerceptron());

                    public static IEstimator<ITransformer> Trees(MLContext mlContext) =>
                        mlContext.Transforms.Concatenate("Features", "Tenure", "MonthlyCharges")
                            .Append(mlContext.BinaryClassification.Trainers.FastTree());

                    public static IEstimator<ITransformer> ReadyMadeFeatures(MLContext mlContext) =>
                        mlContext.Transforms.Conversion.MapValueToKey("Label")
                            .Append(mlContext.MulticlassClassification.Trainers.SdcaMaximumEntropy());

                    public static IEstimator<ITransformer> PartNotInView(MLContext mlContext, IEstimator<ITransformer> preparation) =>
                        preparation
                            .Append(mlContext.Transforms.Concatenate("Features", "Tenure", "MonthlyCharges"))
                            .Append(mlContext.BinaryClassification.Trainers.SdcaLogisticRegression());
                }
                """;

            await VerifyEML4010.Analyzer(source);
        }

        [Fact]
        public async Task Quiet_for_features_that_are_one_vector_column_loaded_as_a_block()
        {
            const string source = """
                using Microsoft.ML;
                using Microsoft.ML.Data;

                public class Digit
                {
                    [LoadColumn(0, 63)] [VectorType(64)] public float[] PixelValues { get; set; } = new float[64];
                    [LoadColumn(64)] public float Number { get; set; }
                }

                public static class Digits
                {
                    public static ITransformer Train(MLContext mlContext, string path)
                    {
                        var data = mlContext.Data.LoadFromTextFile<Digit>(path, separatorChar: ',', hasHeader: false);
                        var pipeline = mlContext.Transforms.Conversion.MapValueToKey("Label", nameof(Digit.Number))
                            .Append(mlContext.Transforms.Concatenate("Features", nameof(Digit.PixelValues)))
                            .Append(mlContext.MulticlassClassification.Trainers.SdcaMaximumEntropy());
                        return pipeline.Fit(data);
                    }

                    public static ITransformer TrainFromColumns(MLContext mlContext, string path)
                    {
                        var columns = new[]
                        {
                            new TextLoader.Column("Counts", DataKind.Single, 0, 99),
                            new TextLoader.Column("Label", DataKind.Boolean, 100),
                        };
                        var data = mlContext.Data.LoadFromTextFile(path, columns, hasHeader: true);
                        return mlContext.Transforms.CopyColumns("Features", "Counts")
                            .Append(mlContext.BinaryClassification.Trainers.SdcaLogisticRegression())
                            .Fit(data);
                    }
                }
                """;

            await VerifyEML4010.Analyzer(source);
        }

        [Fact]
        public async Task Flags_a_loaded_vector_concatenated_with_a_separate_raw_column()
        {
            const string source = """
                using Microsoft.ML;
                using Microsoft.ML.Data;

                public class Digit
                {
                    [LoadColumn(0, 63)] [VectorType(64)] public float[] PixelValues { get; set; } = new float[64];
                    [LoadColumn(64)] public float StrokeCount { get; set; }
                    [LoadColumn(65)] public float Number { get; set; }
                }

                public static class Digits
                {
                    public static ITransformer Train(MLContext mlContext, string path)
                    {
                        var data = mlContext.Data.LoadFromTextFile<Digit>(path, separatorChar: ',', hasHeader: false);
                        var pipeline = mlContext.Transforms.Conversion.MapValueToKey("Label", nameof(Digit.Number))
                            .Append(mlContext.Transforms.Concatenate("Features", nameof(Digit.PixelValues), nameof(Digit.StrokeCount)))
                            .Append(mlContext.MulticlassClassification.Trainers.{|#0:SdcaMaximumEntropy()|});
                        return pipeline.Fit(data);
                    }
                }
                """;

            await VerifyEML4010.Analyzer(
                source,
                VerifyEML4010.Diagnostic("EML4010").WithLocation(0).WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("SdcaMaximumEntropy", "Features", "'PixelValues' and 'StrokeCount'"));
        }

        [Fact]
        public async Task Quiet_when_fitted_on_data_another_model_prepared()
        {
            const string source = """
                using Microsoft.ML;

                public static class Training
                {
                    public static ITransformer Train(MLContext mlContext, IDataView data)
                    {
                        var scaling = mlContext.Transforms.NormalizeMinMax("Tenure").Fit(data);
                        var scaled = scaling.Transform(data);
                        return mlContext.Transforms.Concatenate("Features", "Tenure")
                            .Append(mlContext.BinaryClassification.Trainers.SdcaLogisticRegression())
                            .Fit(scaled);
                    }
                }
                """;

            await VerifyEML4010.Analyzer(source);
        }

        [Fact]
        public async Task Fix_inserts_NormalizeMinMax_before_the_trainer()
        {
            const string source = """
                using Microsoft.ML;

                public static class Pipelines
                {
                    public static IEstimator<ITransformer> Churn(MLContext mlContext) =>
                        mlContext.Transforms.Concatenate("Features", "Tenure", "MonthlyCharges")
                            .Append(mlContext.BinaryClassification.Trainers.{|EML4010:SdcaLogisticRegression()|});

                    public static IEstimator<ITransformer> Prices(MLContext ml)
                    {
                        var trainer = ml.Regression.Trainers.{|EML4010:Sdca(featureColumnName: "Numeric")|};
                        return ml.Transforms.Concatenate("Numeric", "Area", "Rooms").Append(trainer);
                    }
                }
                """;

            const string fixedSource = """
                using Microsoft.ML;

                public static class Pipelines
                {
                    public static IEstimator<ITransformer> Churn(MLContext mlContext) =>
                        mlContext.Transforms.Concatenate("Features", "Tenure", "MonthlyCharges")
                            .Append(mlContext.Transforms.NormalizeMinMax("Features"))
                            .Append(mlContext.BinaryClassification.Trainers.SdcaLogisticRegression());

                    public static IEstimator<ITransformer> Prices(MLContext ml)
                    {
                        var trainer = ml.Regression.Trainers.Sdca(featureColumnName: "Numeric");
                        return ml.Transforms.Concatenate("Numeric", "Area", "Rooms").Append(ml.Transforms.NormalizeMinMax("Numeric")).Append(trainer);
                    }
                }
                """;

            await VerifyEML4010.CodeFix<ScaleSensitiveTrainerWithoutNormalizationCodeFix>(source, fixedSource);
        }
    }
}
