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
    /// EML4202: a module trained (<c>train()</c>, or a forward pass in a region that calls
    /// <c>backward()</c>) or loaded (<c>load</c>, <c>load_state_dict</c>) earlier in the member,
    /// whose later forward pass in a region without <c>backward()</c> (validation, test,
    /// prediction) comes with no <c>eval()</c> of that module in between. Loss modules hold no
    /// dropout or batch norm and are left alone. Reported once per module and member, at the first
    /// such forward pass.
    /// </summary>
    public sealed class InferenceWithoutEvalRule : Rule
    {
        public const string Id = "EML4202";

        /// <summary>Carries the module's source text, for the fix's <c>{module}.eval();</c>.</summary>
        public const string ModuleProperty = "Module";

        internal static readonly DiagnosticDescriptor Descriptor = Descriptors.Create(
            Id,
            "Inference without eval()",
            "'{0}' {1}, and this forward pass runs it in training mode: call '{0}.eval()' first, or dropout stays active and batch normalization uses each batch's own statistics",
            DiagnosticSeverity.Warning,
            "A TorchSharp module starts in training mode and stays there until eval() (or train(false)). In training mode dropout zeroes random activations and batch normalization normalizes with the current batch's statistics and updates its running averages. Validation, test and prediction in training mode give noisy, batch-dependent results that differ from what the deployed model computes.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptor);

        internal override void Register(RuleRegistry registry)
        {
            registry.OnTorchCalls((member, model, calls) =>
            {
                HashSet<ISymbol>? reported = null;
                for (var index = 0; index < calls.Count; index++)
                {
                    var forward = calls[index];
                    if (!model.Torch.IsInference(forward)
                        || forward.Receiver is not { } module
                        || ValueTracker.Receiver(forward.Operation) is not { } receiver
                        || reported?.Contains(module) == true
                        || LastSignalBefore(calls, forward, model.Torch) is not { } signal
                        || EvalBetween(calls, module, signal.Operation, forward.Operation))
                    {
                        continue;
                    }

                    (reported ??= new HashSet<ISymbol>(SymbolEqualityComparer.Default)).Add(module);
                    var insertBefore = StatementToPrecede(forward.Operation, signal.Operation);
                    var moduleText = receiver.Syntax.ToString();
                    member.ReportDiagnostic(Diagnostic.Create(
                        Descriptor,
                        Describe.CallLocation(forward.Operation.Syntax),
                        insertBefore is null ? null : new[] { insertBefore.Syntax.GetLocation() },
                        ImmutableDictionary<string, string?>.Empty.Add(ModuleProperty, moduleText),
                        moduleText,
                        signal.Kind == TorchCallKind.Load
                            ? $"is loaded above ('{Describe.Code(signal.Operation.Syntax)}')"
                            : $"is trained above ('{Describe.Code(signal.Operation.Syntax)}')"));
                }
            });
        }

        /// <summary>The last call before the forward pass that leaves its module in training mode: train(), a training forward pass, a load.</summary>
        private static TorchCall? LastSignalBefore(IReadOnlyList<TorchCall> calls, TorchCall forward, TorchCalls torchCalls)
        {
            TorchCall? last = null;
            for (var index = 0; index < calls.Count; index++)
            {
                var call = calls[index];
                if (call.Operation.Syntax.SpanStart >= forward.Operation.Syntax.SpanStart
                    || !SymbolEqualityComparer.Default.Equals(call.Receiver, forward.Receiver)
                    || !Enclosing.SameFunction(call.Operation, forward.Operation))
                {
                    continue;
                }

                if (call.Kind is TorchCallKind.Train or TorchCallKind.Load
                    || (call.Kind == TorchCallKind.Forward && torchCalls.BackwardInRegionOf(call.Operation)))
                {
                    if (last is null || call.Operation.Syntax.SpanStart > last.Value.Operation.Syntax.SpanStart)
                    {
                        last = call;
                    }
                }
            }

            return last;
        }

        /// <summary>An eval() of the module (or of a receiver the rule cannot name) between the two calls, in source order.</summary>
        private static bool EvalBetween(IReadOnlyList<TorchCall> calls, ISymbol module, IOperation after, IOperation before)
        {
            for (var index = 0; index < calls.Count; index++)
            {
                var call = calls[index];
                if (call.Kind == TorchCallKind.Eval
                    && call.Operation.Syntax.SpanStart > after.Syntax.SpanStart
                    && call.Operation.Syntax.SpanStart < before.Syntax.SpanStart
                    && (call.Receiver is null || SymbolEqualityComparer.Default.Equals(call.Receiver, module)))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The statement an <c>eval()</c> goes before: the one holding the forward pass in the
        /// innermost block that also holds the training, when it does not hold the training itself.
        /// </summary>
        private static IOperation? StatementToPrecede(IOperation forward, IOperation training)
        {
            var child = forward;
            for (var parent = forward.Parent; parent is not null; child = parent, parent = parent.Parent)
            {
                if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    return null;
                }

                if (parent is IBlockOperation block && Enclosing.IsWithin(training, block))
                {
                    return Enclosing.IsWithin(training, child) ? null : child;
                }
            }

            return null;
        }
    }
}
