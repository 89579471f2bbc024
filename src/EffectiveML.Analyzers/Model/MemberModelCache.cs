using System;
using System.Runtime.CompilerServices;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace EffectiveML.Analyzers.Model
{
    /// <summary>
    /// Hands every rule the same <see cref="MemberModel"/> for a member, and hands the models of
    /// other members to the models that follow values across a type (<see cref="ValueTracker"/>,
    /// <see cref="TypeMemberModels"/>). One instance belongs to the compilation's
    /// <see cref="KnownSymbols"/>, so a member's index and parts are computed once
    /// however many rules ask, and nothing outlives the compilation. Looking a model up is one probe
    /// of a weak table by operation identity.
    /// </summary>
    internal sealed class MemberModelCache
    {
        // Weak on the member's operation tree: a model lives as long as its tree, which the driver
        // holds while it analyzes the member and a type scope holds through the operations it
        // kept. Strong references would keep every member's tree and model alive until the whole
        // compilation is analyzed, and each collection of a large project would scan all of them.
        private readonly ConditionalWeakTable<IOperation, MemberModel> _members = new();
        private readonly ConditionalWeakTable<IOperation, MemberModel>.CreateValueCallback _create;

        public MemberModelCache(KnownSymbols symbols)
        {
            _create = root => new MemberModel(root, symbols);
        }

        /// <summary>
        /// Builds (or finds) the model of each member in a block and runs every action on it. Rules
        /// iterate the model's indexes rather than receive a callback per operation: the model walks
        /// the member once for all of them.
        /// </summary>
        internal void ForEachMember(OperationBlockAnalysisContext block, Action<OperationBlockAnalysisContext, MemberModel>[] actions)
        {
            IOperation? previous = null;
            foreach (var operationBlock in block.OperationBlocks)
            {
                if (MemberRoot(operationBlock, previous) is not { } root)
                {
                    continue;
                }

                previous = root;
                var model = Of(root);
                foreach (var action in actions)
                {
                    block.CancellationToken.ThrowIfCancellationRequested();
                    action(block, model);
                }
            }
        }

        /// <summary>
        /// The root of a block's member; null for a block no rule looks at (attribute arguments are
        /// constants) or for the member just seen.
        /// </summary>
        private static IOperation? MemberRoot(IOperation operationBlock, IOperation? previous)
        {
            if (operationBlock.Kind == OperationKind.Attribute)
            {
                return null;
            }

            var root = ValueTracker.MemberRoot(operationBlock);
            return root == previous ? null : root;
        }

        /// <summary>The model of the member <paramref name="operation"/> belongs to.</summary>
        public MemberModel Of(IOperation operation) => _members.GetValue(ValueTracker.MemberRoot(operation), _create);
    }
}
