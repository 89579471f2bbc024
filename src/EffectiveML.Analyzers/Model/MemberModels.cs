using System;
using System.Runtime.CompilerServices;
using System.Collections.Generic;
using EffectiveML.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace EffectiveML.Analyzers.Model
{
    /// <summary>
    /// Hands every rule the same <see cref="MemberModel"/> for a member. One instance belongs to
    /// the compilation's <see cref="KnownSymbols"/>, which all EffectiveML analyzers share through
    /// the driver's per-compilation value cache; so a member's index, pipelines and provenance are
    /// computed once however many rules ask, and nothing outlives the compilation. Looking a model
    /// up is one probe of a weak table by operation identity.
    /// </summary>
    internal sealed class MemberModels
    {
        // Weak on the member's operation tree: a model lives as long as its tree, which the driver
        // holds while it analyzes the member and a type scope holds through the operations it
        // kept. Strong references here kept every member's tree and model alive until the whole
        // compilation was analyzed, so each collection of a large project scanned all of them.
        private readonly ConditionalWeakTable<IOperation, MemberModel> _members = new();
        private readonly ConditionalWeakTable<IOperation, MemberModel>.CreateValueCallback _create;

        public MemberModels(KnownSymbols symbols)
        {
            _create = root => new MemberModel(root, symbols);
        }

        /// <summary>
        /// Runs <paramref name="action"/> once for each member (method body, initializer, top-level
        /// program) with the member's shared model. Rules iterate the model's indexes rather than
        /// receive a callback per operation: the model walks the member once for all of them.
        /// Inside the suite the action joins the one member callback all rules share.
        /// </summary>
        public void RegisterMemberAction(CompilationStartAnalysisContext context, Action<OperationBlockAnalysisContext, MemberModel> action)
        {
            if (context is RuleHostContext host)
            {
                host.AddMemberAction(action);
                return;
            }

            var actions = new[] { action };
            context.RegisterOperationBlockAction(block => ForEachMember(block, actions));
        }

        /// <summary>
        /// Builds (or finds) the model of each member in a block and runs every action on it. With
        /// a <paramref name="clock"/> (the benchmark's measured suite) the model's construction and
        /// the shared parts built on request go to the clock's models and each action's remaining
        /// time to its rule (<paramref name="rules"/>), one timestamp between consecutive actions.
        /// </summary>
        internal void ForEachMember(
            OperationBlockAnalysisContext block,
            Action<OperationBlockAnalysisContext, MemberModel>[] actions,
            RuleClock? clock = null,
            int[]? rules = null)
        {
            IOperation? previous = null;
            foreach (var operationBlock in block.OperationBlocks)
            {
                if (MemberRoot(operationBlock, previous) is not { } root)
                {
                    continue;
                }

                previous = root;
                if (clock is null || rules is null)
                {
                    var model = Of(root);
                    foreach (var action in actions)
                    {
                        block.CancellationToken.ThrowIfCancellationRequested();
                        action(block, model);
                    }
                }
                else
                {
                    RunTimed(block, root, clock, rules, actions);
                }
            }
        }

        private void RunTimed(
            OperationBlockAnalysisContext block,
            IOperation root,
            RuleClock clock,
            int[] rules,
            Action<OperationBlockAnalysisContext, MemberModel>[] actions)
        {
            var callback = clock.StartCallback();
            var started = clock.Now();
            var model = Of(root);
            var now = clock.Now();
            clock.AddModels(now - started);
            // Only while this analyzer's rules run: what an unmeasured analyzer builds is in its own telemetry.
            model.Clock = clock;
            try
            {
                for (var i = 0; i < actions.Length; i++)
                {
                    block.CancellationToken.ThrowIfCancellationRequested();
                    var sharedBefore = clock.SharedOnThisThread;
                    actions[i](block, model);
                    var after = clock.Now();
                    if (rules[i] != RuleHostContext.NoRule)
                    {
                        clock.Add(rules[i], after - now - (clock.SharedOnThisThread - sharedBefore));
                    }

                    now = after;
                }
            }
            finally
            {
                model.Clock = null;
                clock.EndCallback(callback);
            }
        }

        /// <summary>
        /// Runs <paramref name="action"/> for each call that <paramref name="calls"/> picks from a
        /// member's model: the shape of most rules, which judge calls one at a time. The model's
        /// call lists are indexed, so picking them allocates nothing per member.
        /// </summary>
        public void RegisterCallAction(
            CompilationStartAnalysisContext context,
            Func<MemberModel, IReadOnlyList<IInvocationOperation>> calls,
            Action<OperationBlockAnalysisContext, MemberModel, IInvocationOperation> action) =>
            RegisterMemberAction(context, (member, model) =>
            {
                var picked = calls(model);
                for (var i = 0; i < picked.Count; i++)
                {
                    action(member, model, picked[i]);
                }
            });

        /// <summary>
        /// Runs <paramref name="action"/> for each of a member's ML calls of any of
        /// <paramref name="names"/>, in source order. A rule that looks for a few methods names
        /// them: the member's calls are few, and comparing their names costs less than keeping
        /// an index by name for every member.
        /// </summary>
        public void RegisterCallAction(
            CompilationStartAnalysisContext context,
            IReadOnlyList<string> names,
            Action<OperationBlockAnalysisContext, MemberModel, IInvocationOperation> action) =>
            RegisterMemberAction(context, (member, model) =>
            {
                var calls = model.MLInvocations;
                for (var i = 0; i < calls.Count; i++)
                {
                    var name = calls[i].TargetMethod.Name;
                    for (var n = 0; n < names.Count; n++)
                    {
                        if (string.Equals(name, names[n], StringComparison.Ordinal))
                        {
                            action(member, model, calls[i]);
                            break;
                        }
                    }
                }
            });

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
