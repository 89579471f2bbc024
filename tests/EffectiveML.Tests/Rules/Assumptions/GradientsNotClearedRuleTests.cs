using System.Threading.Tasks;
using EffectiveML.CodeFixes.Assumptions;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyEML4201 = EffectiveML.Tests.Infrastructure.Verify<EffectiveML.Analyzers.Rules.Assumptions.GradientsNotClearedRule>;

namespace EffectiveML.Tests.Rules.Assumptions
{
    public class GradientsNotClearedRuleTests
    {
        [Fact]
        public async Task Flags_a_training_loop_that_steps_without_zero_grad()
        {
            const string source = """
                using System.Collections.Generic;
                using TorchSharp;
                using static TorchSharp.torch;

                public static class Training
                {
                    public static void Train(nn.Module<Tensor, Tensor> net, IEnumerable<(Tensor, Tensor)> batches)
                    {
                        var optimizer = optim.SGD(net.parameters(), 0.01);
                        var criterion = nn.MSELoss();
                        optimizer.zero_grad();
                        foreach (var (x, y) in batches)
                        {
                            using var scope = torch.NewDisposeScope();
                            var loss = criterion.forward(net.forward(x), y);
                            loss.backward();
                            optimizer.{|#0:step()|};
                        }
                    }
                }
                """;

            await VerifyEML4201.Analyzer(source, VerifyEML4201.Diagnostic("EML4201").WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("optimizer.step()", "optimizer"));
        }

        [Fact]
        public async Task Flags_the_optimizer_a_GAN_loop_forgets_and_not_the_one_it_clears()
        {
            const string source = """
                using TorchSharp;
                using static TorchSharp.torch;

                public static class Gan
                {
                    public static void Train(nn.Module<Tensor, Tensor> generator, nn.Module<Tensor, Tensor> critic, Tensor real, int steps)
                    {
                        var criticOptimizer = optim.Adam(critic.parameters());
                        var generatorOptimizer = optim.Adam(generator.parameters());
                        for (var i = 0; i < steps; i++)
                        {
                            using var scope = torch.NewDisposeScope();
                            criticOptimizer.zero_grad();
                            var fake = generator.forward(torch.randn(16, 8));
                            var criticLoss = critic.forward(fake.detach()).mean() - critic.forward(real).mean();
                            criticLoss.backward();
                            criticOptimizer.step();

                            var generatorLoss = -critic.forward(fake).mean();
                            generatorLoss.backward();
                            generatorOptimizer.{|#0:step()|};
                        }
                    }
                }
                """;

            await VerifyEML4201.Analyzer(source, VerifyEML4201.Diagnostic("EML4201").WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("generatorOptimizer.step()", "generatorOptimizer"));
        }

        [Fact]
        public async Task Quiet_for_cleared_gradients_accumulation_module_zero_grad_and_closures()
        {
            const string source = """
                using System.Collections.Generic;
                using TorchSharp;
                using static TorchSharp.torch;

                public static class Training
                {
                    // zero_grad at the start of each step, on the optimizer.
                    public static void Plain(nn.Module<Tensor, Tensor> net, optim.Optimizer optimizer, IEnumerable<(Tensor, Tensor)> batches)
                    {
                        foreach (var (x, y) in batches)
                        {
                            using var scope = torch.NewDisposeScope();
                            optimizer.zero_grad();
                            nn.functional.mse_loss(net.forward(x), y).backward();
                            optimizer.step();
                        }
                    }

                    // Gradient accumulation: clears every k steps, on purpose.
                    public static void Accumulating(nn.Module<Tensor, Tensor> net, optim.Optimizer optimizer, IList<(Tensor, Tensor)> batches, int k)
                    {
                        for (var i = 0; i < batches.Count; i++)
                        {
                            using var scope = torch.NewDisposeScope();
                            var (x, y) = batches[i];
                            (nn.functional.mse_loss(net.forward(x), y) / k).backward();
                            if ((i + 1) % k == 0)
                            {
                                optimizer.step();
                                optimizer.zero_grad();
                            }
                        }
                    }

                    // The module's zero_grad clears the parameters the optimizer steps.
                    public static void ModuleCleared(nn.Module<Tensor, Tensor> net, optim.Optimizer optimizer, Tensor x, Tensor y, int epochs)
                    {
                        for (var epoch = 0; epoch < epochs; epoch++)
                        {
                            using var scope = torch.NewDisposeScope();
                            net.zero_grad();
                            nn.functional.mse_loss(net.forward(x), y).backward();
                            optimizer.step();
                        }
                    }

                    // LBFGS: the closure clears and computes the gradients the step uses.
                    public static void Lbfgs(nn.Module<Tensor, Tensor> net, Tensor x, Tensor y, int epochs)
                    {
                        var optimizer = optim.LBFGS(net.parameters());
                        for (var epoch = 0; epoch < epochs; epoch++)
                        {
                            optimizer.step(() =>
                            {
                                optimizer.zero_grad();
                                var loss = nn.functional.mse_loss(net.forward(x), y);
                                loss.backward();
                                return loss;
                            });
                        }
                    }

                    // A scheduler's step is not an optimizer's.
                    public static void Scheduled(optim.Optimizer optimizer, int epochs)
                    {
                        var scheduler = optim.lr_scheduler.StepLR(optimizer, 10);
                        for (var epoch = 0; epoch < epochs; epoch++)
                        {
                            scheduler.step();
                        }
                    }
                }
                """;

            await VerifyEML4201.Analyzer(source);
        }

        [Fact]
        public async Task Fix_inserts_zero_grad_at_the_start_of_the_body()
        {
            const string source = """
                using TorchSharp;
                using static TorchSharp.torch;

                public static class Training
                {
                    public static void Train(nn.Module<Tensor, Tensor> net, optim.Optimizer optimizer, Tensor x, Tensor y, int epochs)
                    {
                        for (var epoch = 0; epoch < epochs; epoch++)
                        {
                            using var scope = torch.NewDisposeScope();
                            nn.functional.mse_loss(net.forward(x), y).backward();
                            optimizer.{|EML4201:step()|};
                        }
                    }
                }
                """;
            const string fixedSource = """
                using TorchSharp;
                using static TorchSharp.torch;

                public static class Training
                {
                    public static void Train(nn.Module<Tensor, Tensor> net, optim.Optimizer optimizer, Tensor x, Tensor y, int epochs)
                    {
                        for (var epoch = 0; epoch < epochs; epoch++)
                        {
                            optimizer.zero_grad();
                            using var scope = torch.NewDisposeScope();
                            nn.functional.mse_loss(net.forward(x), y).backward();
                            optimizer.step();
                        }
                    }
                }
                """;

            await VerifyEML4201.CodeFix<GradientsNotClearedCodeFix>(source, fixedSource);
        }
    }
}
