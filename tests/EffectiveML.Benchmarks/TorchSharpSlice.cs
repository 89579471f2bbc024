using System;

namespace EffectiveML.Benchmarks
{
    /// <summary>
    /// The budget corpus's TorchSharp slice: one file in four also holds a small TorchSharp
    /// module, a network, its trainer with a training loop and validation, a scorer and a device
    /// choice, written correctly unless its own seed draws one of the TorchSharp rules' mistakes
    /// (EML2006, EML4201–EML4204, EML8003). The first file seeds torch, as a program does once,
    /// so EML5005 runs over every training step and finds the seed. A stream of its own keeps the
    /// ML.NET files exactly as they were without the slice.
    /// </summary>
    public static partial class Corpus
    {
        /// <summary>Every how many files of the budget corpus hold a TorchSharp module.</summary>
        public const int TorchSharpEvery = 4;

        private static string TorchSharpModule(int i, Slots s)
        {
            var seed = i == 0 ? "\n            torch.random.manual_seed(7);" : string.Empty;
            var device = s.Pick(0.02, "torch.CUDA", "torch.cuda.is_available() ? torch.CUDA : torch.CPU");          // EML8003
            var scope = s.Pick(0.02, string.Empty, "\n                        using var scope = torch.NewDisposeScope();"); // EML2006
            var zeroGrad = s.Pick(0.02, string.Empty, "\n                        optimizer.zero_grad();");              // EML4201
            var evalMode = s.Pick(0.02, string.Empty, "\n                    model.eval();");                           // EML4202
            var score = s.Pick(
                0.02,
                "using var output = model.forward(features);\n            return output.mean().item<float>();",       // EML4203
                "using (torch.no_grad())\n            {\n                using var output = model.forward(features);\n                return output.mean().item<float>();\n            }");
            var move = s.Pick(0.02, "features.to(_device);", "features = features.to(_device);");                   // EML4204

            return $$"""

                namespace Corpus.Net{{i}}
                {
                    using System;
                    using System.Collections.Generic;
                    using System.Linq;
                    using TorchSharp;
                    using static TorchSharp.torch;

                    public sealed class Regressor : nn.Module<Tensor, Tensor>
                    {
                        private readonly nn.Module<Tensor, Tensor> _hidden = nn.Linear(6, 32);
                        private readonly nn.Module<Tensor, Tensor> _dropout = nn.Dropout(0.1);
                        private readonly nn.Module<Tensor, Tensor> _output = nn.Linear(32, 1);

                        public Regressor()
                            : base(nameof(Regressor))
                        {
                            RegisterComponents();
                        }

                        public override Tensor forward(Tensor input) =>
                            _output.forward(_dropout.forward(nn.functional.relu(_hidden.forward(input))));
                    }

                    public sealed class NetworkTrainer
                    {
                        private readonly Device _device;
                        private readonly List<string> _log = new();

                        public NetworkTrainer()
                        {
                            _device = {{device}};
                        }

                        public IReadOnlyList<string> Log => _log;

                        public Regressor Train(IReadOnlyList<(Tensor Features, Tensor Target)> batches, IReadOnlyList<(Tensor Features, Tensor Target)> validation, int epochs)
                        {{{seed}}
                            var model = new Regressor();
                            model.to(_device);
                            var optimizer = optim.Adam(model.parameters(), 0.001);
                            for (var epoch = 0; epoch < epochs; epoch++)
                            {
                                model.train();
                                foreach (var (x, y) in batches)
                                {{{scope}}{{zeroGrad}}
                                    var loss = nn.functional.mse_loss(model.forward(x), y);
                                    loss.backward();
                                    optimizer.step();
                                }
                {{evalMode}}
                                using (torch.no_grad())
                                {
                                    var total = 0f;
                                    foreach (var (x, y) in validation)
                                    {
                                        using var scope = torch.NewDisposeScope();
                                        total += nn.functional.mse_loss(model.forward(x), y).item<float>();
                                    }

                                    _log.Add($"epoch {epoch}: validation loss {total / Math.Max(1, validation.Count):F4}");
                                }
                            }

                            return model;
                        }

                        public float Score(Regressor model, Tensor features)
                        {
                            model.eval();
                            {{score}}
                        }

                        public Tensor Prepare(Tensor features)
                        {
                            {{move}}
                            return features;
                        }

                        public static IEnumerable<(Tensor Features, Tensor Target)> Batches(Tensor features, Tensor target, int size)
                        {
                            for (var start = 0; start < features.shape[0]; start += size)
                            {
                                yield return (features.narrow(0, start, size), target.narrow(0, start, size));
                            }
                        }

                        public string Summary() =>
                            string.Join(Environment.NewLine, _log.Where(line => line.Length > 0).Take(20));
                    }
                }

                """;
        }
    }
}
