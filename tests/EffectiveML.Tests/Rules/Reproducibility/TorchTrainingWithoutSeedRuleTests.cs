using System.Threading.Tasks;
using Xunit;
using VerifyEML5005 = EffectiveML.Tests.Infrastructure.Verify<EffectiveML.Analyzers.Rules.Reproducibility.TorchTrainingWithoutSeedRule>;

namespace EffectiveML.Tests.Rules.Reproducibility
{
    public class TorchTrainingWithoutSeedRuleTests
    {
        private const string Training = """
            using TorchSharp;
            using static TorchSharp.torch;

            public static class Training
            {
                public static void Train(nn.Module<Tensor, Tensor> net, optim.Optimizer optimizer, Tensor x, Tensor y, int epochs)
                {
                    for (var epoch = 0; epoch < epochs; epoch++)
                    {
                        using var scope = torch.NewDisposeScope();
                        optimizer.zero_grad();
                        nn.functional.mse_loss(net.forward(x), y).backward();
                        optimizer.{|#0:step()|};
                    }
                }

                public static Tensor Noise() => torch.{|#1:randn(4, 8)|};
            }
            """;

        [Fact]
        public async Task Flags_training_and_random_tensors_in_a_project_without_a_seed()
        {
            await VerifyEML5005.Analyzer(
                Training,
                VerifyEML5005.Diagnostic("EML5005").WithLocation(0).WithArguments("optimizer.step()", "trains a network"),
                VerifyEML5005.Diagnostic("EML5005").WithLocation(1).WithArguments("torch.randn(4, 8)", "draws random numbers"));
        }

        [Theory]
        [InlineData("torch.manual_seed(42);")]
        [InlineData("torch.random.manual_seed(42);")]
        [InlineData("torch.cuda.manual_seed_all(42);")]
        public async Task Quiet_when_any_file_of_the_project_seeds_torch(string seed)
        {
            var source = Training.Replace("optimizer.{|#0:step()|}", "optimizer.step()").Replace("torch.{|#1:randn(4, 8)|}", "torch.randn(4, 8)");
            var program = $$"""
                using TorchSharp;

                public static class Program
                {
                    public static void Main()
                    {
                        {{seed}}
                    }
                }
                """;

            await VerifyEML5005.Test(source, program).RunAsync();
        }

        [Fact]
        public async Task Quiet_for_random_tensors_from_a_seeded_generator_and_for_inference()
        {
            const string source = """
                using TorchSharp;
                using static TorchSharp.torch;

                public static class Sampling
                {
                    public static Tensor Noise(Generator generator) => torch.randn(4, 8, generator: generator);

                    public static Tensor Predict(nn.Module<Tensor, Tensor> net, Tensor x)
                    {
                        net.eval();
                        using (torch.no_grad())
                        {
                            return net.forward(x);
                        }
                    }
                }
                """;

            await VerifyEML5005.Analyzer(source);
        }
    }
}
