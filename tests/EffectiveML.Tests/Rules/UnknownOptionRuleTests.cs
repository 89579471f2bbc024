using System.Threading.Tasks;
using EffectiveML.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;
using VerifyEML0002 = EffectiveML.Tests.Infrastructure.Verify<EffectiveML.Analyzers.Infrastructure.UnknownOptionRule>;

namespace EffectiveML.Tests.Rules
{
    public class UnknownOptionRuleTests
    {
        private const string Source = """
            using Microsoft.ML;

            public static class Trainer
            {
                public static ITransformer Train(IDataView data) => new MLContext(seed: 0).Regression.Trainers.Sdca().Fit(data);
            }
            """;

        [Fact]
        public async Task Flags_a_misspelled_key_once_with_the_closest_known_key()
        {
            await VerifyEML0002.Test(Source, Source.Replace("class Trainer", "class OtherTrainer"))
                .WithEditorConfig("effective_ml.EML5001.seed_valu = 42\neffective_ml.EML1002.tree_threshold = 500")
                .Expecting(
                    VerifyEML0002.Diagnostic(UnknownOptionRule.Id).WithNoLocation().WithSeverity(DiagnosticSeverity.Info)
                        .WithArguments("effective_ml.eml5001.seed_valu", "effective_ml.EML5001.seed_value"),
                    VerifyEML0002.Diagnostic(UnknownOptionRule.Id).WithNoLocation().WithSeverity(DiagnosticSeverity.Info)
                        .WithArguments("effective_ml.eml1002.tree_threshold", "effective_ml.EML1002.trees_threshold"))
                .RunAsync();
        }

        [Fact]
        public async Task Quiet_for_known_keys_in_any_case_and_other_tools_keys()
        {
            await VerifyEML0002.Test(Source)
                .WithEditorConfig("effective_ml.EML5001.seed_value = 7\nEFFECTIVE_ML.eml1002.TREES_THRESHOLD = 500\ndotnet_diagnostic.EML5001.severity = warning\nmy_tool.effective_ml = 1")
                .RunAsync();
        }
    }
}
