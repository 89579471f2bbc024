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
    /// EML4203: a forward pass after the module's <c>eval()</c>, in a region that never calls
    /// <c>backward()</c>, outside every <c>torch.no_grad()</c>/<c>inference_mode()</c> scope: the
    /// graph is recorded for gradients nobody computes. Reported once per module and member. Also
    /// a <c>torch.no_grad()</c> or <c>inference_mode()</c> whose result is discarded, which turns
    /// gradients off for the rest of the thread instead of for a scope.
    /// </summary>
    public sealed class InferenceWithoutNoGradRule : Rule
    {
        public const string Id = "EML4203";

        /// <summary>Present on a forward-pass finding: its additional location is the statement the fix wraps.</summary>
        public const string WrapProperty = "Wrap";

        internal static readonly DiagnosticDescriptor Descriptor = Descriptors.Create(
            Id,
            "Inference without no_grad",
            "'{0}' {1}",
            DiagnosticSeverity.Info,
            "Outside torch.no_grad() TorchSharp records every operation of a forward pass so that backward() can compute gradients. Inference never calls backward(), so the recording only costs memory (every intermediate activation is kept alive) and time. Wrap evaluation and prediction in using (torch.no_grad()) or torch.inference_mode(). The scope must be disposed: a no_grad() whose result is dropped switches gradients off for the rest of the thread, and the next training step silently learns nothing.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptor);

        internal override void Register(RuleRegistry registry)
        {
            registry.OnTorchCalls((member, model, calls) =>
            {
                HashSet<ISymbol>? reported = null;
                for (var index = 0; index < calls.Count; index++)
                {
                    var call = calls[index];
                    if (call.Kind == TorchCallKind.GradientsOff)
                    {
                        if (call.Operation.Parent is IExpressionStatementOperation)
                        {
                            member.ReportDiagnostic(Diagnostic.Create(
                                Descriptor,
                                call.Operation.Syntax.GetLocation(),
                                Describe.Code(call.Operation.Syntax),
                                "is discarded, which switches gradients off for the rest of this thread, training included: use it as 'using (" + call.Operation.Syntax + ") { … }'"));
                        }

                        continue;
                    }

                    if (!model.Torch.IsInference(call)
                        || call.Receiver is not { } module
                        || reported?.Contains(module) == true
                        || model.Torch.GradientsOffAt(call.Operation)
                        || EvalInForce(calls, call) is not { } eval)
                    {
                        continue;
                    }

                    (reported ??= new HashSet<ISymbol>(SymbolEqualityComparer.Default)).Add(module);
                    var wrap = StatementToWrap(call.Operation, eval.Operation, calls);
                    member.ReportDiagnostic(Diagnostic.Create(
                        Descriptor,
                        Describe.CallLocation(call.Operation.Syntax),
                        wrap is null ? null : new[] { wrap.Syntax.GetLocation() },
                        wrap is null ? null : ImmutableDictionary<string, string?>.Empty.Add(WrapProperty, null),
                        Describe.Code(call.Operation.Syntax),
                        $"runs inference after '{Describe.Code(eval.Operation.Syntax)}' with gradients on: wrap it in 'using (torch.no_grad())' so that TorchSharp records no graph for it"));
                }
            });
        }

        /// <summary>The module's last eval() before the forward pass, when no train() or load of it follows in between.</summary>
        private static TorchCall? EvalInForce(IReadOnlyList<TorchCall> calls, TorchCall forward)
        {
            TorchCall? last = null;
            for (var index = 0; index < calls.Count; index++)
            {
                var call = calls[index];
                if (call.Operation.Syntax.SpanStart >= forward.Operation.Syntax.SpanStart
                    || !Enclosing.SameFunction(call.Operation, forward.Operation)
                    || (last is not null && call.Operation.Syntax.SpanStart < last.Value.Operation.Syntax.SpanStart))
                {
                    continue;
                }

                if (call.Kind == TorchCallKind.Eval && SymbolEqualityComparer.Default.Equals(call.Receiver, forward.Receiver))
                {
                    last = call;
                }
                else if (call.Kind is TorchCallKind.Train or TorchCallKind.Load && SymbolEqualityComparer.Default.Equals(call.Receiver, forward.Receiver))
                {
                    last = null;
                }
            }

            return last;
        }

        /// <summary>
        /// What the fix wraps: the statement holding the forward pass, widened to the outermost
        /// enclosing loop that neither trains (backward, step) nor holds the eval().
        /// </summary>
        private static IOperation? StatementToWrap(IOperation forward, IOperation eval, IReadOnlyList<TorchCall> calls)
        {
            IOperation? target = null;
            var child = forward;
            for (var parent = forward.Parent; parent is not null; child = parent, parent = parent.Parent)
            {
                switch (parent)
                {
                    case IAnonymousFunctionOperation or ILocalFunctionOperation:
                        return target;
                    case IBlockOperation when target is null:
                        target = child;
                        break;
                    case ILoopOperation loop when target is not null:
                        if (Enclosing.IsWithin(eval, loop) || Trains(loop, calls))
                        {
                            return target;
                        }

                        target = loop;
                        break;
                }
            }

            return target;
        }

        private static bool Trains(ILoopOperation loop, IReadOnlyList<TorchCall> calls)
        {
            for (var index = 0; index < calls.Count; index++)
            {
                var call = calls[index];
                if (call.Kind is TorchCallKind.Backward or TorchCallKind.Step && Enclosing.IsWithin(call.Operation, loop))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
