using System.Threading.Tasks;
using EffectiveML.CodeFixes.Assumptions;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyEML4202 = EffectiveML.Tests.Infrastructure.Verify<EffectiveML.Analyzers.Rules.Assumptions.InferenceWithoutEvalRule>;

namespace EffectiveML.Tests.Rules.Assumptions
{
    public class InferenceWithoutEvalRuleTests
    {
        [Fact]
        public async Task Flags_validation_inside_the_training_loop_and_a_loaded_model()
        {
            const string source = """
                using System;
                using System.Collections.Generic;
                using TorchSharp;
                using static TorchSharp.torch;

                public static class Training
                {
                    public static void Train(nn.Module<Tensor, Tensor> net, optim.Optimizer optimizer, IList<(Tensor, Tensor)> train, IList<(Tensor, Tensor)> validation, int epochs)
                    {
                        var criterion = nn.CrossEntropyLoss();
                        for (var epoch = 0; epoch < epochs; epoch++)
                        {
                            net.train();
                            foreach (var (x, y) in train)
                            {
                                using var scope = torch.NewDisposeScope();
                                optimizer.zero_grad();
                                criterion.forward(net.forward(x), y).backward();
                                optimizer.step();
                            }

                            using (torch.no_grad())
                            {
                                foreach (var (x, y) in validation)
                                {
                                    using var scope = torch.NewDisposeScope();
                                    Console.WriteLine(criterion.forward(net.{|#0:forward(x)|}, y).item<float>());
                                }
                            }
                        }
                    }

                    public static float Predict(nn.Module<Tensor, Tensor> net, string path, Tensor input)
                    {
                        net.load(path);
                        using (torch.no_grad())
                        {
                            using var output = net.{|#1:call(input)|};
                            return output.argmax(1).item<long>();
                        }
                    }
                }
                """;

            await VerifyEML4202.Analyzer(
                source,
                VerifyEML4202.Diagnostic("EML4202").WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("net", "is trained above ('net.forward(x)')"),
                VerifyEML4202.Diagnostic("EML4202").WithLocation(1).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("net", "is loaded above ('net.load(path)')"));
        }

        [Fact]
        public async Task Quiet_with_eval_for_adversarial_examples_losses_and_training_steps()
        {
            const string source = """
                using System.Collections.Generic;
                using TorchSharp;
                using static TorchSharp.torch;

                public static class Training
                {
                    public static void Train(nn.Module<Tensor, Tensor> net, optim.Optimizer optimizer, IList<(Tensor, Tensor)> train, IList<(Tensor, Tensor)> validation, int epochs)
                    {
                        var criterion = nn.CrossEntropyLoss();
                        for (var epoch = 0; epoch < epochs; epoch++)
                        {
                            net.train();
                            foreach (var (x, y) in train)
                            {
                                using var scope = torch.NewDisposeScope();
                                optimizer.zero_grad();
                                criterion.forward(net.forward(x), y).backward();
                                optimizer.step();
                            }

                            net.eval();
                            using (torch.no_grad())
                            {
                                foreach (var (x, y) in validation)
                                {
                                    using var scope = torch.NewDisposeScope();
                                    criterion.forward(net.forward(x), y).item<float>();
                                }
                            }
                        }
                    }

                    // Adversarial examples: the model is in eval mode and the pass needs gradients.
                    public static Tensor Attack(nn.Module<Tensor, Tensor> net, string path, Tensor image, Tensor label, double epsilon)
                    {
                        net.load(path);
                        net.eval();
                        image.requires_grad = true;
                        using var loss = nn.functional.cross_entropy(net.forward(image), label);
                        net.zero_grad();
                        loss.backward();
                        return (image + epsilon * image.grad.sign()).clamp(0.0, 1.0);
                    }

                    // One training step in its own member: a forward pass that computes gradients is training.
                    public static float Step(nn.Module<Tensor, Tensor> net, optim.Optimizer optimizer, Tensor x, Tensor y)
                    {
                        net.train();
                        optimizer.zero_grad();
                        using var loss = nn.functional.mse_loss(net.forward(x), y);
                        loss.backward();
                        optimizer.step();
                        return loss.item<float>();
                    }

                    // train(false) is eval().
                    public static Tensor Resume(nn.Module<Tensor, Tensor> net, string path, Tensor input)
                    {
                        net.load(path);
                        net.train(false);
                        using (torch.no_grad())
                        {
                            return net.forward(input);
                        }
                    }
                }
                """;

            await VerifyEML4202.Analyzer(source);
        }

        [Fact]
        public async Task Fix_inserts_eval_before_the_validation()
        {
            const string source = """
                using System.Collections.Generic;
                using TorchSharp;
                using static TorchSharp.torch;

                public static class Training
                {
                    public static float Train(nn.Module<Tensor, Tensor> net, optim.Optimizer optimizer, Tensor x, Tensor y, Tensor testX, int epochs)
                    {
                        for (var epoch = 0; epoch < epochs; epoch++)
                        {
                            using var scope = torch.NewDisposeScope();
                            optimizer.zero_grad();
                            nn.functional.mse_loss(net.forward(x), y).backward();
                            optimizer.step();
                        }

                        using (torch.no_grad())
                        {
                            return net.{|EML4202:forward(testX)|}.mean().item<float>();
                        }
                    }
                }
                """;
            const string fixedSource = """
                using System.Collections.Generic;
                using TorchSharp;
                using static TorchSharp.torch;

                public static class Training
                {
                    public static float Train(nn.Module<Tensor, Tensor> net, optim.Optimizer optimizer, Tensor x, Tensor y, Tensor testX, int epochs)
                    {
                        for (var epoch = 0; epoch < epochs; epoch++)
                        {
                            using var scope = torch.NewDisposeScope();
                            optimizer.zero_grad();
                            nn.functional.mse_loss(net.forward(x), y).backward();
                            optimizer.step();
                        }

                        net.eval();
                        using (torch.no_grad())
                        {
                            return net.forward(testX).mean().item<float>();
                        }
                    }
                }
                """;

            await VerifyEML4202.CodeFix<InferenceWithoutEvalCodeFix>(source, fixedSource);
        }
    }
}
