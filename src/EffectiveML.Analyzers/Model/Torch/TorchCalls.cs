using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace EffectiveML.Analyzers.Model.Torch
{
    /// <summary>One TorchSharp call of a member: what it does and what its receiver names.</summary>
    internal readonly struct TorchCall
    {
        public TorchCall(TorchCallKind kind, IInvocationOperation operation, ISymbol? receiver)
        {
            Kind = kind;
            Operation = operation;
            Receiver = receiver;
            Loop = Enclosing.Loop(operation);
        }

        public TorchCallKind Kind { get; }

        public IInvocationOperation Operation { get; }

        /// <summary>The local, parameter, field or property the call is made on; null for any other receiver.</summary>
        public ISymbol? Receiver { get; }

        /// <summary>The innermost loop whose body holds the call, within the member's function; null outside loops.</summary>
        public ILoopOperation? Loop { get; }
    }

    /// <summary>
    /// A member's training and inference calls (<see cref="TorchCallKind"/>) in source order, and
    /// where gradients are off: what the TorchSharp rules ask of a member instead of each walking
    /// it. Built from the member's calls on first request; empty outside TorchSharp code.
    /// </summary>
    internal sealed class TorchCalls
    {
        private readonly TorchCall[] _calls;

        /// <summary>What a member that calls nothing of TorchSharp has: one shared, empty set.</summary>
        private static readonly TorchCalls Nothing = new(System.Array.Empty<TorchCall>(), null);

        private readonly TorchApi? _api;

        private TorchCalls(TorchCall[] calls, TorchApi? api)
        {
            _calls = calls;
            _api = api;
        }

        /// <summary>The member's calls; the shared empty set for a member that calls nothing of TorchSharp.</summary>
        public static TorchCalls Of(MemberModel member)
        {
            var api = member.Symbols.TorchApi;
            return UsesTorchSharp(member, api) ? new TorchCalls(Classify(member, api), api) : Nothing;
        }

        /// <summary>
        /// Whether the member calls TorchSharp at all: every kind of call but a forward pass of a
        /// module of your own is TorchSharp's, and a forward pass alone tells no rule anything.
        /// </summary>
        private static bool UsesTorchSharp(MemberModel member, TorchApi api)
        {
            for (var index = 0; index < member.MLInvocations.Count; index++)
            {
                var call = member.MLInvocations[index];
                if (api.IsTorchSharp(call.TargetMethod))
                {
                    return true;
                }
            }

            return false;
        }

        private static TorchCall[] Classify(MemberModel member, TorchApi api)
        {
            List<TorchCall>? calls = null;
            for (var index = 0; index < member.Invocations.Count; index++)
            {
                var call = member.Invocations[index];
                var kind = api.KindOf(call);
                if (kind != TorchCallKind.None)
                {
                    (calls ??= new List<TorchCall>()).Add(new TorchCall(kind, call, TorchApi.ReceiverSymbol(call)));
                }
            }

            return calls?.ToArray() ?? System.Array.Empty<TorchCall>();
        }

        /// <summary>Every classified call, in source order.</summary>
        public IReadOnlyList<TorchCall> All => _calls;

        public bool Any(TorchCallKind kind)
        {
            for (var index = 0; index < _calls.Length; index++)
            {
                var call = _calls[index];
                if (call.Kind == kind)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// A forward pass used for inference: of a module the call names (a local, parameter,
        /// field or property), not a loss, in a region that calls no <c>backward()</c>.
        /// </summary>
        public bool IsInference(TorchCall call) =>
            call.Kind == TorchCallKind.Forward
            && call.Receiver is not null
            && _api is not null
            && !_api.IsLossModule(ValueTracker.Receiver(call.Operation)?.Type)
            && !BackwardInRegionOf(call.Operation);

        /// <summary>
        /// A backward pass in the same region as <paramref name="operation"/>: the body of its
        /// innermost loop (nested loops excluded), or the member outside every loop. A forward pass
        /// whose region computes gradients is training (or an attack that needs them), not inference.
        /// </summary>
        public bool BackwardInRegionOf(IOperation operation)
        {
            var loop = Enclosing.Loop(operation);
            for (var index = 0; index < _calls.Length; index++)
            {
                var call = _calls[index];
                if (call.Kind == TorchCallKind.Backward && call.Loop == loop && Enclosing.SameFunction(call.Operation, operation))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Whether gradients are off where <paramref name="operation"/> runs: inside
        /// <c>using (torch.no_grad())</c> (or <c>inference_mode()</c>, <c>set_grad_enabled(false)</c>),
        /// or after a <c>using var … = torch.no_grad();</c> declaration earlier in an enclosing block,
        /// or after a discarded <c>torch.no_grad();</c>.
        /// </summary>
        public bool GradientsOffAt(IOperation operation)
        {
            for (var index = 0; index < _calls.Length; index++)
            {
                var call = _calls[index];
                // A discarded no_grad() is never undone: gradients stay off after it (EML4203 reports it).
                if (call.Kind == TorchCallKind.GradientsOff
                    && call.Operation.Parent is IExpressionStatementOperation
                    && call.Operation.Syntax.SpanStart < operation.Syntax.SpanStart
                    && Enclosing.SameFunction(call.Operation, operation))
                {
                    return true;
                }
            }

            var child = operation;
            for (var parent = operation.Parent; parent is not null; child = parent, parent = parent.Parent)
            {
                if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    return false;
                }

                if (Enclosing.UsingOver(parent, child, this, static (resources, calls) => calls.TurnsGradientsOff(resources)) is not null)
                {
                    return true;
                }
            }

            return false;
        }

        private bool TurnsGradientsOff(IOperation resources)
        {
            for (var index = 0; index < _calls.Length; index++)
            {
                var call = _calls[index];
                if (call.Kind == TorchCallKind.GradientsOff && Enclosing.IsWithin(call.Operation, resources))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
