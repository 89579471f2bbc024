using System.Collections.Generic;
using System.Collections.Immutable;
using EffectiveML.Analyzers.Infrastructure;
using EffectiveML.Analyzers.Model;
using EffectiveML.Analyzers.Model.Torch;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace EffectiveML.Analyzers.Rules.Assumptions
{
    /// <summary>
    /// EML4201: a loop body that computes gradients (<c>backward()</c>) and steps an optimizer
    /// without clearing that optimizer's gradients anywhere in the body. TorchSharp adds each
    /// backward pass's gradients to the ones already there, so every step follows the sum of all
    /// earlier batches. A <c>zero_grad()</c> of the same optimizer, of any module, or of an
    /// optimizer the rule cannot tell apart clears the body; so does one under a condition
    /// (gradient accumulation that clears every k steps).
    /// </summary>
    public sealed class GradientsNotClearedRule : Rule
    {
        public const string Id = "EML4201";

        /// <summary>Carries the optimizer's source text, for the fix's <c>{optimizer}.zero_grad();</c>.</summary>
        public const string OptimizerProperty = "Optimizer";

        internal static readonly DiagnosticDescriptor Descriptor = Descriptors.Create(
            Id,
            "Gradients not cleared",
            "This loop calls backward() and '{0}' but never '{1}.zero_grad()': gradients add up across iterations, so each step follows the sum of every batch so far",
            DiagnosticSeverity.Warning,
            "TorchSharp, like PyTorch, accumulates gradients: backward() adds to each parameter's .grad instead of replacing it. A training loop that steps without zero_grad() applies the gradients of the current batch plus all previous ones; the loss usually diverges or training quietly goes wrong. Clear the gradients once per step, before backward().");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptor);

        internal override void Register(RuleRegistry registry)
        {
            registry.OnTorchCalls((member, model, calls) =>
            {
                if (model.Loops.Count == 0)
                {
                    return;
                }

                var torch = model.Symbols.TorchApi;
                for (var index = 0; index < calls.Count; index++)
                {
                    var step = calls[index];
                    if (step.Kind != TorchCallKind.Step
                        || step.Loop is not { } loop
                        || !model.Torch.BackwardInRegionOf(step.Operation)
                        || Cleared(calls, loop, step.Receiver, torch))
                    {
                        continue;
                    }

                    var optimizer = ValueTracker.Receiver(step.Operation)?.Syntax.ToString();
                    var properties = optimizer is not null && step.Receiver is not null
                        ? ImmutableDictionary<string, string?>.Empty.Add(OptimizerProperty, optimizer)
                        : ImmutableDictionary<string, string?>.Empty;
                    member.ReportDiagnostic(Diagnostic.Create(
                        Descriptor,
                        Describe.CallLocation(step.Operation.Syntax),
                        new[] { loop.Body.Syntax.GetLocation() },
                        properties,
                        Describe.Code(step.Operation.Syntax),
                        optimizer ?? "optimizer"));
                }
            });
        }

        /// <summary>A zero_grad() anywhere in the loop's body (nested statements and loops included) that clears this optimizer.</summary>
        private static bool Cleared(IReadOnlyList<TorchCall> calls, ILoopOperation loop, ISymbol? optimizer, TorchApi torch)
        {
            for (var index = 0; index < calls.Count; index++)
            {
                var call = calls[index];
                if (call.Kind == TorchCallKind.ZeroGrad
                    && Enclosing.IsWithin(call.Operation, loop.Body)
                    && (optimizer is null
                        || call.Receiver is null
                        || SymbolEqualityComparer.Default.Equals(call.Receiver, optimizer)
                        || torch.IsModule(call.Operation.TargetMethod.ContainingType)))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
