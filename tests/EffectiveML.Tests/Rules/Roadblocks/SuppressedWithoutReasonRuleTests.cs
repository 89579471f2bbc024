using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;
using VerifyEML7002 = EffectiveML.Tests.Infrastructure.Verify<EffectiveML.Analyzers.Rules.Roadblocks.SuppressedWithoutReasonRule>;

namespace EffectiveML.Tests.Rules.Roadblocks
{
    public class SuppressedWithoutReasonRuleTests
    {
        [Fact]
        public async Task Flags_suppressions_of_EffectiveML_rules_without_a_reason()
        {
            const string source = """
                using System.Diagnostics.CodeAnalysis;
                using Microsoft.ML;

                [assembly: {|#0:SuppressMessage("Reproducibility", "EML5003", Scope = "member", Target = "~M:Training.Noise")|}]

                public static class Training
                {
                    [{|#1:SuppressMessage("Simplicity", "EML1001:Complex model without a simpler baseline")|}]
                    public static ITransformer Train(MLContext mlContext, IDataView trainSet) =>
                        mlContext.BinaryClassification.Trainers.FastTree().Fit(trainSet);

                    [{|#2:SuppressMessage("Reproducibility", "EML5001", Justification = "  ")|}]
                    public static MLContext Context() => new MLContext();

                    public static int Noise()
                    {
                {|#3:#pragma warning disable EML5003|}
                        var random = new System.Random();
                #pragma warning restore EML5003
                        return random.Next();
                    }
                }
                """;

            await VerifyEML7002.Analyzer(
                source,
                VerifyEML7002.Diagnostic("EML7002").WithLocation(0).WithSeverity(DiagnosticSeverity.Info).WithArguments("[SuppressMessage]", "EML5003"),
                VerifyEML7002.Diagnostic("EML7002").WithLocation(1).WithSeverity(DiagnosticSeverity.Info).WithArguments("[SuppressMessage]", "EML1001"),
                VerifyEML7002.Diagnostic("EML7002").WithLocation(2).WithSeverity(DiagnosticSeverity.Info).WithArguments("[SuppressMessage]", "EML5001"),
                VerifyEML7002.Diagnostic("EML7002").WithLocation(3).WithSeverity(DiagnosticSeverity.Info).WithArguments("#pragma warning disable", "EML5003"));
        }

        [Fact]
        public async Task Reads_the_user_part_of_a_partial_type_and_skips_its_generated_part()
        {
            // The driver hands a partial type with a generated part to the rule whole; the members
            // declared only in the generated file are skipped, as the driver skips generated code.
            const string user = """
                using System.Diagnostics.CodeAnalysis;
                using Microsoft.ML;

                public static partial class Training
                {
                    [{|#0:SuppressMessage("Reproducibility", "EML5001")|}]
                    public static MLContext Context() => new MLContext();
                }
                """;
            const string generated = """
                using System.Diagnostics.CodeAnalysis;
                using Microsoft.ML;

                public static partial class Training
                {
                    [SuppressMessage("Reproducibility", "EML5001")]
                    public static MLContext GeneratedContext() => new MLContext();
                }
                """;

            await VerifyEML7002.Test()
                .WithFile("/0/Training.cs", user)
                .WithFile("/0/Training.g.cs", generated)
                .Expecting(
                    VerifyEML7002.Diagnostic("EML7002").WithLocation(0).WithSeverity(DiagnosticSeverity.Info).WithArguments("[SuppressMessage]", "EML5001"))
                .RunAsync();
        }

        [Fact]
        public async Task Quiet_for_reasoned_suppressions_and_other_rules()
        {
            const string source = """
                using System.Diagnostics.CodeAnalysis;
                using Microsoft.ML;

                public static class Training
                {
                    [SuppressMessage("Simplicity", "EML1001:Complex model without a simpler baseline", Justification = "beats the SDCA baseline by 6 AUC points")]
                    public static ITransformer Train(MLContext mlContext, IDataView trainSet) =>
                        mlContext.BinaryClassification.Trainers.FastTree().Fit(trainSet);

                    [SuppressMessage("Style", "IDE0060")]
                    public static int Noise(int unused)
                    {
                #pragma warning disable EML5003 // noise for a UI preview, never used in training
                        var random = new System.Random();
                #pragma warning restore EML5003
                #pragma warning disable CS0168
                        int declaredOnly;
                #pragma warning restore CS0168
                        return random.Next();
                    }
                }
                """;

            await VerifyEML7002.Analyzer(source);
        }
    }
}
