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
    /// (building the member models, dispatching the callbacks) is in no rule's time; a part of a
    /// model built on a rule's first request (a member's pipelines, say) is in that rule's.
    /// </summary>
    internal sealed class TimedRule : Rule
    {
        private readonly Rule _rule;
        private readonly int _index;
        private readonly RuleClock _clock;

        public TimedRule(Rule rule, int index, RuleClock clock)
        {
            _rule = rule;
            _index = index;
            _clock = clock;
        }

        public Rule Inner => _rule;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => _rule.SupportedDiagnostics;

        internal override void Register(RuleRegistry registry) => _rule.Register(new TimingRegistry(registry, _index, _clock));

        private sealed class TimingRegistry : RuleRegistry
        {
            private readonly RuleRegistry _inner;
            private readonly int _rule;
            private readonly RuleClock _clock;

            public TimingRegistry(RuleRegistry inner, int rule, RuleClock clock)
            {
                _inner = inner;
                _rule = rule;
                _clock = clock;
            }

            public override KnownSymbols Symbols => _inner.Symbols;

            public override Compilation Compilation => _inner.Compilation;

            public override void OnMember(Action<OperationBlockAnalysisContext, MemberModel> action) =>
                _inner.OnMember((member, model) => _clock.Time(_rule, () => action(member, model)));

            public override void OnDeclarations(Action<DeclarationFindings, Declaration> reader) =>
                _inner.OnDeclarations((context, declaration) => _clock.Time(_rule, () => reader(context, declaration)));

            public override void OnMLContextScopes(Action<ScopeEnd, MLContextScope> reader) =>
                _inner.OnMLContextScopes((context, scope) => _clock.Time(_rule, () => reader(context, scope)));

            public override void OnSyntaxTree(Action<SyntaxTreeAnalysisContext> action) =>
                _inner.OnSyntaxTree(tree => _clock.Time(_rule, () => action(tree)));

            public override void OnCompilationEnd(Action<CompilationAnalysisContext> action) =>
                _inner.OnCompilationEnd(end => _clock.Time(_rule, () => action(end)));
        }
    }
}
