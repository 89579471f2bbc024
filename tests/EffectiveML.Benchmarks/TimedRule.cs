using System;
using System.Collections.Immutable;
using EffectiveML.Analyzers.Infrastructure;
using EffectiveML.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace EffectiveML.Benchmarks
{
    /// <summary>
    /// A rule as the benchmark hosts it: the same rule, registering through a registry that times
    /// every callback it forwards and charges it to the rule. Work the suite does for all rules
    /// (building the member models and their parts, dispatching the callbacks) is in no rule's
    /// time: before a member callback is timed, the parts of the member's model that rules ask for
    /// are built, timed in a slot of their own, so that a part counts as shared work, not as the
    /// work of the rule that happens to ask first.
    /// </summary>
    internal sealed class TimedRule : Rule
    {
        private readonly Rule _rule;
        private readonly int _index;
        private readonly int _partsSlot;
        private readonly RuleClock _clock;

        /// <param name="partsSlot">The clock's slot that building the model parts is charged to.</param>
        public TimedRule(Rule rule, int index, int partsSlot, RuleClock clock)
        {
            _rule = rule;
            _index = index;
            _partsSlot = partsSlot;
            _clock = clock;
        }

        public Rule Inner => _rule;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => _rule.SupportedDiagnostics;

        internal override void Register(RuleRegistry registry) => _rule.Register(new TimingRegistry(registry, _index, _partsSlot, _clock));

        private sealed class TimingRegistry : RuleRegistry
        {
            private readonly RuleRegistry _inner;
            private readonly int _rule;
            private readonly int _partsSlot;
            private readonly RuleClock _clock;

            public TimingRegistry(RuleRegistry inner, int rule, int partsSlot, RuleClock clock)
            {
                _inner = inner;
                _rule = rule;
                _partsSlot = partsSlot;
                _clock = clock;
            }

            public override KnownSymbols Symbols => _inner.Symbols;

            public override Compilation Compilation => _inner.Compilation;

            public override void OnMember(Action<OperationBlockAnalysisContext, MemberModel> action) =>
                _inner.OnMember((member, model) =>
                {
                    var building = _clock.Start();
                    BuildParts(model);
                    _clock.Stop(_partsSlot, building);
                    var timing = _clock.Start();
                    try
                    {
                        action(member, model);
                    }
                    finally
                    {
                        _clock.Stop(_rule, timing);
                    }
                });

            public override void OnDeclarations(Action<DeclarationFindings, Declaration> reader) =>
                _inner.OnDeclarations((context, declaration) =>
                {
                    var timing = _clock.Start();
                    try
                    {
                        reader(context, declaration);
                    }
                    finally
                    {
                        _clock.Stop(_rule, timing);
                    }
                });

            public override void OnMLContextScopes(Action<ScopeEnd, MLContextScope> reader) =>
                _inner.OnMLContextScopes((context, scope) =>
                {
                    var timing = _clock.Start();
                    try
                    {
                        reader(context, scope);
                    }
                    finally
                    {
                        _clock.Stop(_rule, timing);
                    }
                });

            public override void OnSyntaxTree(Action<SyntaxTreeAnalysisContext> action) =>
                _inner.OnSyntaxTree(tree =>
                {
                    var timing = _clock.Start();
                    try
                    {
                        action(tree);
                    }
                    finally
                    {
                        _clock.Stop(_rule, timing);
                    }
                });

            public override void OnCompilationEnd(Action<CompilationAnalysisContext> action) =>
                _inner.OnCompilationEnd(end =>
                {
                    var timing = _clock.Start();
                    try
                    {
                        action(end);
                    }
                    finally
                    {
                        _clock.Stop(_rule, timing);
                    }
                });

            /// <summary>The parts every member's model computes once for all rules; after the first rule, each is a read.</summary>
            private static void BuildParts(MemberModel model)
            {
                _ = model.Pipelines.Chains;
                _ = model.Pipelines.TransformCalls;
                _ = model.Sites.Fits;
                _ = model.Sites.Evaluations;
                _ = model.InputSchemas.MemberNamed(string.Empty);
                _ = model.RandomnessUses;
                _ = model.Torch;
                if (model.Sites.Fits.Count > 0)
                {
                    _ = model.Schemas.Flows;
                    _ = model.Schemas.Predictions;
                }
            }
        }
    }
}
