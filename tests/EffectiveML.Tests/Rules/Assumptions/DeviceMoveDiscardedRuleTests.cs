using System.Threading.Tasks;
using EffectiveML.CodeFixes.Assumptions;
using Xunit;
using VerifyEML4204 = EffectiveML.Tests.Infrastructure.Verify<EffectiveML.Analyzers.Rules.Assumptions.DeviceMoveDiscardedRule>;

namespace EffectiveML.Tests.Rules.Assumptions
{
    public class DeviceMoveDiscardedRuleTests
    {
        [Theory]
        [InlineData("inputs.to(device)")]
        [InlineData("inputs.cuda()")]
        [InlineData("inputs.cpu()")]
        [InlineData("inputs.to(ScalarType.Float32)")]
        public async Task Flags_a_tensor_move_used_as_a_statement(string move)
        {
            var source = $$"""
                using TorchSharp;
                using static TorchSharp.torch;

                public static class Moves
                {
                    public static Tensor Prepare(Tensor inputs, Device device)
                    {
                        {|#0:{{move}}|};
                        return inputs;
                    }
                }
                """;

            await VerifyEML4204.Analyzer(source, VerifyEML4204.Diagnostic("EML4204").WithLocation(0).WithArguments(move, "inputs"));
        }

        [Fact]
        public async Task Quiet_for_modules_which_move_in_place_and_for_used_results()
        {
            const string source = """
                using TorchSharp;
                using static TorchSharp.torch;

                public static class Moves
                {
                    public static Tensor Prepare(nn.Module<Tensor, Tensor> model, Tensor inputs, Device device)
                    {
                        model.to(device);
                        model.cuda();
                        model.cpu();
                        inputs = inputs.to(device);
                        var onCpu = inputs.cpu();
                        return model.forward(inputs.to(device)) + onCpu;
                    }
                }
                """;

            await VerifyEML4204.Analyzer(source);
        }

        [Fact]
        public async Task Fix_assigns_the_result_back()
        {
            const string source = """
                using TorchSharp;
                using static TorchSharp.torch;

                public sealed class Batch
                {
                    private Tensor _labels;

                    public void Prepare(Tensor features, Device device)
                    {
                        {|EML4204:features.to(device)|};
                        {|EML4204:_labels.to(device)|};
                    }
                }
                """;
            const string fixedSource = """
                using TorchSharp;
                using static TorchSharp.torch;

                public sealed class Batch
                {
                    private Tensor _labels;

                    public void Prepare(Tensor features, Device device)
                    {
                        features = features.to(device);
                        _labels = _labels.to(device);
                    }
                }
                """;

            await VerifyEML4204.CodeFix<DeviceMoveDiscardedCodeFix>(source, fixedSource);
        }
    }
}
