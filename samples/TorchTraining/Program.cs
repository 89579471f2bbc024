using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using TorchSharp;
using static TorchSharp.torch;

namespace TorchTraining
{
    /// <summary>
    /// The effective counterpart of samples/AntiPatterns.TorchSharp: the same small regression
    /// network, trained on data it generates, with zero EffectiveML warnings. Seeded, device chosen
    /// with a fallback, a dispose scope per batch, gradients cleared every step, validation in eval
    /// mode without gradients, and a baseline to beat.
    /// </summary>
    public static class Program
    {
        public static void Main()
        {
            torch.random.manual_seed(42);
            var device = torch.cuda.is_available() ? torch.CUDA : torch.CPU;

            var features = torch.rand(256, 3);
            var targets = features.matmul(torch.tensor(new float[] { 2f, -1f, 0.5f })).unsqueeze(1);
            features = features.to(device);
            targets = targets.to(device);

            var (trainX, trainY) = (features.narrow(0, 0, 192), targets.narrow(0, 0, 192));
            var (testX, testY) = (features.narrow(0, 192, 64), targets.narrow(0, 192, 64));

            var baseline = MeanBaseline(trainY, testY);
            var model = Train(trainX, trainY, device);
            var mse = Evaluate(model, testX, testY);
            Console.WriteLine($"test MSE {mse:F4} against the mean predictor's {baseline:F4}");
        }

        /// <summary>What predicting the training mean for every row scores: the bar the network must clear.</summary>
        private static float MeanBaseline(Tensor trainY, Tensor testY)
        {
            using var scope = torch.NewDisposeScope();
            return nn.functional.mse_loss(trainY.mean().expand_as(testY), testY).item<float>();
        }

        [SuppressMessage("Simplicity", "EML1001:Complex model without a simpler baseline", Justification = "Main prints the mean predictor's test MSE beside the network's")]
        private static Regressor Train(Tensor features, Tensor targets, Device device)
        {
            var model = new Regressor();
            model.to(device);
            var optimizer = optim.Adam(model.parameters(), 0.01);

            model.train();
            for (var epoch = 0; epoch < 20; epoch++)
            {
                foreach (var (x, y) in Batches(features, targets, 32))
                {
                    using var scope = torch.NewDisposeScope();
                    optimizer.zero_grad();
                    var loss = nn.functional.mse_loss(model.forward(x), y);
                    loss.backward();
                    optimizer.step();
                }
            }

            return model;
        }

        private static float Evaluate(Regressor model, Tensor features, Tensor targets)
        {
            model.eval();
            using (torch.no_grad())
            {
                using var scope = torch.NewDisposeScope();
                return nn.functional.mse_loss(model.forward(features), targets).item<float>();
            }
        }

        private static IEnumerable<(Tensor, Tensor)> Batches(Tensor features, Tensor targets, int size)
        {
            for (var start = 0; start < features.shape[0]; start += size)
            {
                yield return (features.narrow(0, start, size), targets.narrow(0, start, size));
            }
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
