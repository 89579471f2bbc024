using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace EffectiveML.Analyzers.Model.Pipelines
{
    /// <summary>
    /// The estimator chains of one member: the pipeline any estimator value stands for, the chains
    /// built with <c>Append</c>, and the transform calls in them.
    /// </summary>
    internal sealed class PipelineModel : ModelPart<PipelineModel>
    {
        private PipelineBuilder? _builder;
        private Dictionary<IOperation, Pipeline>? _byValue;
        private IReadOnlyList<Pipeline>? _chains;
        private IInvocationOperation[]? _transformCalls;

        public PipelineModel(MemberModel member)
            : base(member)
        {
        }

        /// <summary>The steps of the pipeline an estimator value stands for, as far as the member shows them.</summary>
        public Pipeline Of(IOperation estimatorValue) =>
            Cached(ref _byValue, ValueTracker.Unwrap(estimatorValue), static (part, value) => part.Builder.Build(value));

        /// <summary>Every chain built with <c>Append</c> in the member, longest forms only (a chain continued in another local is listed in both forms).</summary>
        public IReadOnlyList<Pipeline> Chains => Once(ref _chains, static part => part.CollectChains());

        /// <summary>The chains that contain a step made by <paramref name="stepOperation"/>.</summary>
        public IEnumerable<(Pipeline Pipeline, int Index)> ChainsContaining(IOperation stepOperation)
        {
            foreach (var chain in Chains)
            {
                var index = chain.IndexOf(stepOperation);
                if (index >= 0)
                {
                    yield return (chain, index);
                }
            }
        }

        /// <summary>The member's calls of transform-catalog methods listed in the transform table.</summary>
        public IReadOnlyList<IInvocationOperation> TransformCalls =>
            Once(ref _transformCalls, static part => part.MLCallsWhere(static (member, method) => member.Api.FindTransform(method) is not null));

        /// <summary>Made when a pipeline is first read: most members only ask for their transform calls.</summary>
        private PipelineBuilder Builder =>
            System.Threading.Volatile.Read(ref _builder)
            ?? System.Threading.Interlocked.CompareExchange(ref _builder, new PipelineBuilder(Member.Symbols, Member.Values), null)
            ?? _builder!;

        private IReadOnlyList<Pipeline> CollectChains()
        {
            List<Pipeline>? chains = null;
            foreach (var invocation in Member.MLInvocations)
            {
                if (IsChainStep(invocation.TargetMethod) && !ContinuesIntoAnotherAppend(invocation))
                {
                    (chains ??= new List<Pipeline>()).Add(Of(invocation));
                }
            }

            return chains ?? (IReadOnlyList<Pipeline>)System.Array.Empty<Pipeline>();
        }

        private bool IsChainStep(IMethodSymbol method) => Api.IsAppend(method) || Api.IsAppendCacheCheckpoint(method);

        /// <summary>The call is itself the receiver of a further <c>Append</c>: only the longest chain is listed.</summary>
        private bool ContinuesIntoAnotherAppend(IInvocationOperation invocation)
        {
            var parent = invocation.Parent;
            while (parent is IConversionOperation or IParenthesizedOperation)
            {
                parent = parent.Parent;
            }

            if (parent is IArgumentOperation { Parent: IInvocationOperation extensionCall } argument
                && argument.Parameter?.Ordinal == 0
                && extensionCall.TargetMethod.IsExtensionMethod)
            {
                return IsChainStep(extensionCall.TargetMethod);
            }

            return parent is IInvocationOperation call
                && call.Instance is not null
                && IsChainStep(call.TargetMethod);
        }
    }
}
