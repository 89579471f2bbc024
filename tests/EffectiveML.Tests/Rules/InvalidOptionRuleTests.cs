using System.Threading.Tasks;
using EffectiveML.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;
using VerifyEML0001 = EffectiveML.Tests.Infrastructure.Verify<EffectiveML.Analyzers.Infrastructure.InvalidOptionRule>;
using VerifyEML5001 = EffectiveML.Tests.Infrastructure.Verify<EffectiveML.Analyzers.Rules.Reproducibility.MLContextWithoutSeedRule>;

namespace EffectiveML.Tests.Rules
{
    public class InvalidOptionRuleTests
    {
        private const string Source = """
            using Microsoft.ML;

            public static class Trainer
            {
                public static ITransformer Train(IDataView data) => new MLContext(seed: 0).Regression.Trainers.Sdca().Fit(data);
            }
            """;

        [Fact]
        public async Task Flags_an_unreadable_value_once()
        {
            await VerifyEML0001.Test(Source, Source.Replace("class Trainer", "class OtherTrainer"))
                .WithEditorConfig("effective_ml.EML5001.seed_value = forty-two")
                .Expecting(
                    VerifyEML0001.Diagnostic(InvalidOptionRule.Id).WithNoLocation()
                        .WithArguments("effective_ml.EML5001.seed_value", "forty-two", "a whole number (System.Int32)", "0"))
                .RunAsync();
        }

        [Fact]
        public async Task Quiet_for_valid_values_and_other_tools_keys()
        {
            await VerifyEML0001.Test(Source)
                .WithEditorConfig("effective_ml.EML5001.seed_value = 7\neffective_ml.EML5002.seed_value = -3\ndotnet_diagnostic.EML5001.severity = warning")
                .RunAsync();
        }

        [Fact]
        public async Task Invalid_value_falls_back_to_the_default_seed()
        {
            const string source = """
                using Microsoft.ML;

                public static class Trainer
                {
                    public static ITransformer Train(IDataView data) => {|EML5001:new MLContext()|}.Regression.Trainers.Sdca().Fit(data);
                }
                """;

            const string fixedSource = """
                using Microsoft.ML;

                public static class Trainer
                {
                    public static ITransformer Train(IDataView data) => new MLContext(seed: 0).Regression.Trainers.Sdca().Fit(data);
                }
                """;

            await VerifyEML5001.Test(source)
                .WithEditorConfig("effective_ml.EML5001.seed_value = 4.2")
                .FixedTo<EffectiveML.CodeFixes.Reproducibility.MLContextWithoutSeedCodeFix>(fixedSource)
                .RunAsync();
        }
    }
}
