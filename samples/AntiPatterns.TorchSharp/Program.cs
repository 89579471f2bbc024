using System;
using System.Collections.Generic;
using TorchSharp;
using static TorchSharp.torch;

namespace AntiPatterns.TorchSharp
{
    /// <summary>
    /// A small regression network trained on data it generates, written the way an ineffective
    /// engineer writes it: each TorchSharp rule fires once (EML2006, EML4201–EML4204, EML5005,
    /// EML8003). The effective counterpart is samples/TorchTraining.
    /// </summary>
    public static class Program
    {
        public static void Main()
        {
            // EML8003: a CUDA device with no fallback for machines without a GPU.
            var device = torch.CUDA;

            var features = torch.rand(256, 3);
            var targets = features.matmul(torch.tensor(new float[] { 2f, -1f, 0.5f })).unsqueeze(1);

            // EML4204: a tensor's move returns a new tensor; this one stays where it was.
            features.to(device);

            var model = new Regressor();
            var optimizer = optim.Adam(model.parameters(), 0.01);
            var batches = Batches(features, targets, 32);

            for (var epoch = 0; epoch < 20; epoch++)
            {
                model.train();

                // EML2006: every batch's tensors stay alive until a finalizer runs.
                foreach (var (x, y) in batches)
                {
                    var loss = nn.functional.mse_loss(model.forward(x), y);
                    loss.backward();

                    // EML4201: no zero_grad(): each step follows the sum of all batches so far.
                    // EML5005: nothing in the project calls torch.manual_seed, so every run differs.
                    // EML1001: a network with no simpler baseline beside it.
                    optimizer.step();
                }

                // EML4202: validation in training mode: dropout is still on.
                using (torch.no_grad())
                {
                    using var validation = model.forward(features);
                    Console.WriteLine($"epoch {epoch}: {validation.mean().item<float>():F3}");
                }
            }

            model.eval();

            // EML4203: the graph is recorded for a prediction nobody differentiates.
            foreach (var (x, _) in batches)
            {
                using var scope = torch.NewDisposeScope();
                Console.WriteLine(model.forward(x).mean().item<float>());
            }
        }

        private static List<(Tensor, Tensor)> Batches(Tensor features, Tensor targets, int size)
        {
            var batches = new List<(Tensor, Tensor)>();
            for (var start = 0; start < features.shape[0]; start += size)
            {
                batches.Add((features.narrow(0, start, size), targets.narrow(0, start, size)));
            }

            return batches;
        }
    }

    /// <summary>Three inputs, one hidden layer with dropout, one output.</summary>
    public sealed class Regressor : nn.Module<Tensor, Tensor>
    {
        private readonly nn.Module<Tensor, Tensor> _hidden = nn.Linear(3, 16);
        private readonly nn.Module<Tensor, Tensor> _dropout = nn.Dropout(0.2);
        private readonly nn.Module<Tensor, Tensor> _output = nn.Linear(16, 1);

        public Regressor()
            : base(nameof(Regressor))
        {
            RegisterComponents();
        }

        public override Tensor forward(Tensor input) =>
            _output.forward(_dropout.forward(nn.functional.relu(_hidden.forward(input))));
    }
}
