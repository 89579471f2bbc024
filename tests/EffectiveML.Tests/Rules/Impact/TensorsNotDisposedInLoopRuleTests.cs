using System.Threading.Tasks;
using EffectiveML.CodeFixes.Impact;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyEML2006 = EffectiveML.Tests.Infrastructure.Verify<EffectiveML.Analyzers.Rules.Impact.TensorsNotDisposedInLoopRule>;

namespace EffectiveML.Tests.Rules.Impact
{
    public class TensorsNotDisposedInLoopRuleTests
    {
        private const string NothingDisposes = "and nothing disposes them: their native memory, which the garbage collector does not see, grows with every iteration; wrap the body in using (torch.NewDisposeScope())";

        [Fact]
        public async Task Flags_a_training_loop_that_disposes_nothing()
        {
            const string source = """
                using System.Collections.Generic;
                using TorchSharp;
                using static TorchSharp.torch;

                public static class Training
                {
                    public static void Train(nn.Module<Tensor, Tensor> net, optim.Optimizer optimizer, IEnumerable<(Tensor, Tensor)> batches)
                    {
                        {|#0:foreach|} (var (x, y) in batches)
                        {
                            optimizer.zero_grad();
                            var loss = nn.functional.mse_loss(net.forward(x), y);
                            loss.backward();
                            optimizer.step();
                        }
                    }
                }
                """;

            await VerifyEML2006.Analyzer(source, VerifyEML2006.Diagnostic("EML2006").WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("nn.functional.mse_loss(net.forward(x), y)", NothingDisposes));
        }

        [Fact]
        public async Task Flags_operators_indexers_and_a_named_tensor_nobody_disposes()
        {
            const string source = """
                using TorchSharp;
                using static TorchSharp.torch;

                public static class Accumulate
                {
                    public static float Sum(Tensor batch, int rows)
                    {
                        var total = 0f;
                        {|#0:for|} (var i = 0; i < rows; i++)
                        {
                            var row = batch[i] * 2;
                            total += row.sum().item<float>();
                        }

                        return total;
                    }

                    public static void Named(Tensor batch, int rows)
                    {
                        {|#1:for|} (var i = 0; i < rows; i++)
                        {
                            using var disposed = batch.exp();
                            var kept = batch.log();
                            System.Console.WriteLine(disposed.sum().item<float>() + kept.mean().item<float>());
                        }
                    }
                }
                """;

            await VerifyEML2006.Analyzer(
                source,
                VerifyEML2006.Diagnostic("EML2006").WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("batch[i] * 2", NothingDisposes),
                VerifyEML2006.Diagnostic("EML2006").WithLocation(1).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("batch.log()", NothingDisposes));
        }

        [Fact]
        public async Task Flags_a_scope_around_the_whole_epoch()
        {
            const string source = """
                using System.Collections.Generic;
                using TorchSharp;
                using static TorchSharp.torch;

                public static class Training
                {
                    public static void Epoch(nn.Module<Tensor, Tensor> net, optim.Optimizer optimizer, IEnumerable<(Tensor, Tensor)> batches)
                    {
                        using (var scope = torch.NewDisposeScope())
                        {
                            {|#0:foreach|} (var (x, y) in batches)
                            {
                                optimizer.zero_grad();
                                nn.functional.mse_loss(net.forward(x), y).backward();
                                optimizer.step();
                            }
                        }
                    }
                }
                """;

            await VerifyEML2006.Analyzer(
                source,
                VerifyEML2006.Diagnostic("EML2006").WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments(
                    "nn.functional.mse_loss(net.forward(x), y)",
                    "inside the dispose scope 'var scope = torch.NewDisposeScope()' opened before the loop: they pile up until the loop ends; open a scope in the body, using (torch.NewDisposeScope()), or empty this one each iteration with DisposeEverything()"));
        }

        [Fact]
        public async Task Quiet_for_each_disposal_idiom()
        {
            const string source = """
                using System;
                using System.Collections.Generic;
                using TorchSharp;
                using static TorchSharp.torch;

                public sealed class Idioms
                {
                    private readonly List<Tensor> _history = new();
                    private Tensor _best;

                    // A dispose scope per iteration, as a using statement.
                    public void ScopePerIteration(nn.Module<Tensor, Tensor> net, optim.Optimizer optimizer, IEnumerable<(Tensor, Tensor)> batches)
                    {
                        foreach (var (x, y) in batches)
                        {
                            using (torch.NewDisposeScope())
                            {
                                optimizer.zero_grad();
                                nn.functional.mse_loss(net.forward(x), y).backward();
                                optimizer.step();
                            }
                        }
                    }

                    // A scope per iteration that lets the batch's mean leave it.
                    public Tensor MoveOut(IEnumerable<Tensor> batches)
                    {
                        Tensor last = null;
                        foreach (var batch in batches)
                        {
                            using var scope = torch.NewDisposeScope();
                            last?.Dispose();
                            last = (batch * 2).mean().MoveToOuterDisposeScope();
                        }

                        return last;
                    }

                    // One scope for the epoch, emptied every iteration.
                    public void EmptiedEachIteration(nn.Module<Tensor, Tensor> net, Tensor data, long steps)
                    {
                        using var scope = torch.NewDisposeScope();
                        var mask = torch.ones(4, 4);
                        for (long i = 0; i < steps; i++)
                        {
                            Console.WriteLine(net.forward(data[i] + mask).sum().item<float>());
                            scope.DisposeEverythingBut(mask);
                        }
                    }

                    // using var per tensor, and explicit Dispose().
                    public float PerTensor(nn.Module<Tensor, Tensor> net, IEnumerable<(Tensor, Tensor)> batches)
                    {
                        var total = 0f;
                        foreach (var (x, y) in batches)
                        {
                            using var output = net.forward(x);
                            var loss = nn.functional.mse_loss(output, y);
                            total += loss.item<float>();
                            loss.Dispose();
                        }

                        return total;
                    }

                    // Tensors stored in a field or collection, or returned, are disposed by their owner.
                    public Tensor Stored(nn.Module<Tensor, Tensor> net, IEnumerable<Tensor> batches)
                    {
                        foreach (var batch in batches)
                        {
                            var output = net.forward(batch);
                            _history.Add(output);
                            if (_history.Count > 100)
                            {
                                _best = output;
                                return output;
                            }
                        }

                        return null;
                    }

                    // A data loader yields the tensors it makes; its caller owns them.
                    public static IEnumerable<Tensor> Batches(Tensor data, int size)
                    {
                        for (var i = 0; i < data.shape[0]; i += size)
                        {
                            yield return data.narrow(0, i, size);
                        }
                    }

                    // A data loader's batch is a dictionary, and a list holds tensors made elsewhere: looking one up creates nothing.
                    public static void Lookups(IEnumerable<Dictionary<string, Tensor>> loader, IList<Tensor> tensors)
                    {
                        foreach (var item in loader)
                        {
                            var images = item["data"];
                            Console.WriteLine(images.shape[0]);
                        }

                        for (var i = 0; i < tensors.Count; i++)
                        {
                            var tensor = tensors[i];
                            Console.WriteLine(tensor.shape[0]);
                        }
                    }

                    // Loops over modules and numbers create no tensors.
                    public static void Setup(nn.Module<Tensor, Tensor> net, IList<float> values)
                    {
                        foreach (var parameter in net.parameters())
                        {
                            parameter.requires_grad_(false);
                        }

                        for (var i = 0; i < values.Count; i++)
                        {
                            values[i] *= 2;
                        }
                    }
                }
                """;

            await VerifyEML2006.Analyzer(source);
        }

        [Fact]
        public async Task Quiet_for_a_body_that_does_not_compile_yet()
        {
            const string source = """
                using System.Collections.Generic;
                using TorchSharp;
                using static TorchSharp.torch;

                public static class Training
                {
                    public static void Train(nn.Module<Tensor, Tensor> net, IEnumerable<Tensor> batches, DisposeScope scope)
                    {
                        foreach (var x in batches)
                        {
                            var output = net.forward(x);
                            scope.DisposeEverythingBut({|CS0103:mask|});
                        }
                    }
                }
                """;

            await VerifyEML2006.Analyzer(source);
        }

        [Fact]
        public async Task Fix_wraps_the_body_in_a_dispose_scope()
        {
            const string source = """
                using System.Collections.Generic;
                using TorchSharp;
                using static TorchSharp.torch;

                public static class Training
                {
                    public static void Train(nn.Module<Tensor, Tensor> net, optim.Optimizer optimizer, IEnumerable<(Tensor, Tensor)> batches)
                    {
                        {|EML2006:foreach|} (var (x, y) in batches)
                        {
                            optimizer.zero_grad();
                            nn.functional.mse_loss(net.forward(x), y).backward();
                            optimizer.step();
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
                    public static void Train(nn.Module<Tensor, Tensor> net, optim.Optimizer optimizer, IEnumerable<(Tensor, Tensor)> batches)
                    {
                        foreach (var (x, y) in batches)
                        {
                            using (torch.NewDisposeScope())
                            {
                                optimizer.zero_grad();
                                nn.functional.mse_loss(net.forward(x), y).backward();
                                optimizer.step();
                            }
                        }
                    }
                }
                """;

            await VerifyEML2006.CodeFix<TensorsNotDisposedInLoopCodeFix>(source, fixedSource);
        }
    }
}
