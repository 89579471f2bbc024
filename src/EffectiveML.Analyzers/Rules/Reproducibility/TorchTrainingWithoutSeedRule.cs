using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading;
using EffectiveML.Analyzers.Infrastructure;
using EffectiveML.Analyzers.Model.Torch;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace EffectiveML.Analyzers.Rules.Reproducibility
{
    /// <summary>
    /// EML5005: a TorchSharp optimizer <c>step()</c>, or a random tensor from <c>torch.rand</c>,
    /// <c>randn</c>, <c>randint</c>, <c>randperm</c>, <c>normal</c>, <c>bernoulli</c> or
    /// <c>multinomial</c> without a <c>generator:</c>, in a project that calls no
    /// <c>manual_seed</c> (<c>torch.manual_seed</c>, <c>torch.random.manual_seed</c>,
    /// <c>torch.cuda.manual_seed(_all)</c>). Reported at compilation end, at the first such call of
    /// each member.
    /// </summary>
    public sealed class TorchTrainingWithoutSeedRule : Rule
    {
        public const string Id = "EML5005";

        internal static readonly DiagnosticDescriptor Descriptor = Descriptors.Create(
            Id,
            "TorchSharp training without a seed",
            "'{0}' {1}, and nothing in this project calls torch.manual_seed: every run starts from different weights and batches, so no result can be reproduced",
            DiagnosticSeverity.Warning,
            "A TorchSharp network's initial weights, dropout masks, shuffles and random tensors all come from torch's global generator, which starts from a different state in each process unless torch.manual_seed (or torch.random.manual_seed) sets it. Without a seed two runs of the same code give different models and metrics, and a regression cannot be told from noise.",
            compilationEnd: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptor);

        internal override void Register(RuleRegistry registry)
        {
            if (!registry.Symbols.HasTorchSharp)
            {
                return;
            }

            var uses = new ConcurrentQueue<Diagnostic>();
            var seeded = 0;

            registry.OnMember((member, model) =>
            {
                if (Volatile.Read(ref seeded) != 0)
                {
                    return;
                }

                Diagnostic? first = null;
                var calls = model.Torch.All;
                for (var index = 0; index < calls.Count; index++)
                {
                    var call = calls[index];
                    if (call.Kind == TorchCallKind.Seed)
                    {
                        Volatile.Write(ref seeded, 1);
                        return;
                    }

                    if (first is null && call.Kind is TorchCallKind.Step or TorchCallKind.RandomTensor)
                    {
                        first = Diagnostic.Create(
                            Descriptor,
                            Describe.CallLocation(call.Operation.Syntax),
                            Describe.Code(call.Operation.Syntax),
                            call.Kind == TorchCallKind.Step ? "trains a network" : "draws random numbers");
                    }
                }

                if (first is not null)
                {
                    uses.Enqueue(first);
                }
            });

            registry.OnCompilationEnd(end =>
            {
                if (Volatile.Read(ref seeded) != 0)
                {
                    return;
                }

                foreach (var use in uses)
                {
                    end.ReportDiagnostic(use);
                }
            });
        }
    }
}
