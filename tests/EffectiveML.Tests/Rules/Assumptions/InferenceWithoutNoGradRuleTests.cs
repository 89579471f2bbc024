using System.Threading.Tasks;
using EffectiveML.CodeFixes.Assumptions;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyEML4203 = EffectiveML.Tests.Infrastructure.Verify<EffectiveML.Analyzers.Rules.Assumptions.InferenceWithoutNoGradRule>;

namespace EffectiveML.Tests.Rules.Assumptions
{
    public class InferenceWithoutNoGradRuleTests
    {
        [Fact]
        public async Task Flags_an_evaluation_loop_with_gradients_on_and_a_discarded_no_grad()
        {
            const string source = """
                using System.Collections.Generic;
                using TorchSharp;
                using static TorchSharp.torch;

                public static class Evaluation
                {
                    public static double Accuracy(nn.Module<Tensor, Tensor> net, IEnumerable<(Tensor, Tensor)> batches)
                    {
                        net.eval();
                        long correct = 0, total = 0;
                        foreach (var (x, y) in batches)
                        {
                            using var scope = torch.NewDisposeScope();
                            var output = net.{|#0:forward(x)|};
                            correct += output.argmax(1).eq(y).sum().item<long>();
                            total += y.shape[0];
                        }

                        return (double)correct / total;
                    }

                    public static Tensor Predict(nn.Module<Tensor, Tensor> net, Tensor input)
                    {
                        {|#1:torch.no_grad()|};
                        net.eval();
                        return net.forward(input);
                    }
                }
                """;

            await VerifyEML4203.Analyzer(
                source,
                VerifyEML4203.Diagnostic("EML4203").WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("net.forward(x)", "runs inference after 'net.eval()' with gradients on: wrap it in 'using (torch.no_grad())' so that TorchSharp records no graph for it"),
                VerifyEML4203.Diagnostic("EML4203").WithLocation(1).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("torch.no_grad()", "is discarded, which switches gradients off for the rest of this thread, training included: use it as 'using (torch.no_grad()) { … }'"));
        }

        [Fact]
        public async Task Quiet_under_no_grad_inference_mode_and_when_gradients_are_used()
        {
            const string source = """
                using System.Collections.Generic;
                using TorchSharp;
                using static TorchSharp.torch;

                public static class Evaluation
                {
                    public static float Scoped(nn.Module<Tensor, Tensor> net, Tensor input)
                    {
                        net.eval();
                        using (torch.no_grad())
                        {
                            return net.forward(input).sum().item<float>();
                        }
                    }

                    public static float Declared(nn.Module<Tensor, Tensor> net, Tensor input)
                    {
                        net.eval();
                        using var inference = torch.inference_mode();
                        using var output = net.forward(input);
                        return output.sum().item<float>();
                    }

                    public static float GradOff(nn.Module<Tensor, Tensor> net, Tensor input)
                    {
                        net.eval();
                        using (torch.set_grad_enabled(false))
                        {
                            return net.forward(input).sum().item<float>();
                        }
                    }

                    // Adversarial examples and saliency maps need the gradient of an eval-mode pass.
                    public static Tensor Saliency(nn.Module<Tensor, Tensor> net, Tensor image)
                    {
                        net.eval();
                        image.requires_grad = true;
                        var score = net.forward(image).max();
                        score.backward();
                        return image.grad.abs();
                    }

                    // Training mode again: a training pass needs its graph.
                    public static void EvalThenTrain(nn.Module<Tensor, Tensor> net, optim.Optimizer optimizer, Tensor x, Tensor y)
                    {
                        net.eval();
                        net.train();
                        var output = net.forward(x);
                        optimizer.step();
                    }
                }
                """;

            await VerifyEML4203.Analyzer(source);
        }

        [Fact]
        public async Task Fix_wraps_the_evaluation_loop_in_no_grad()
        {
            const string source = """
                using System.Collections.Generic;
                using TorchSharp;
                using static TorchSharp.torch;

                public static class Evaluation
                {
                    public static long Correct(nn.Module<Tensor, Tensor> net, IEnumerable<(Tensor, Tensor)> batches)
                    {
                        net.eval();
                        long correct = 0;
                        foreach (var (x, y) in batches)
                        {
                            using var scope = torch.NewDisposeScope();
                            correct += net.{|EML4203:forward(x)|}.argmax(1).eq(y).sum().item<long>();
                        }

                        return correct;
                    }
                }
                """;
            const string fixedSource = """
                using System.Collections.Generic;
                using TorchSharp;
                using static TorchSharp.torch;

                public static class Evaluation
                {
                    public static long Correct(nn.Module<Tensor, Tensor> net, IEnumerable<(Tensor, Tensor)> batches)
                    {
                        net.eval();
                        long correct = 0;
                        using (torch.no_grad())
                        {
                            foreach (var (x, y) in batches)
                            {
                                using var scope = torch.NewDisposeScope();
                                correct += net.forward(x).argmax(1).eq(y).sum().item<long>();
                            }
                        }

                        return correct;
                    }
                }
                """;

            await VerifyEML4203.CodeFix<InferenceWithoutNoGradCodeFix>(source, fixedSource);
        }
    }
}
