using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using EffectiveML.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace EffectiveML.Analyzers.Infrastructure
{
    /// <summary>
    /// The compilation-start context the suite hands each rule. Rules register exactly as they do
    /// when they run alone, but their member actions (<see cref="MemberModels.RegisterMemberAction"/>)
    /// are gathered and given to the driver as one: the driver then dispatches one callback per
    /// member for all hosted rules, not one per rule (README, "What it costs a build").
    /// Everything else goes through to the driver unchanged, timed per rule when measured.
    /// </summary>
    internal sealed class RuleHostContext : CompilationStartAnalysisContext
    {
        private readonly CompilationStartAnalysisContext _inner;
        private readonly KnownSymbols _symbols;
        private readonly RuleClock? _clock;
        private readonly List<Action<OperationBlockAnalysisContext, MemberModel>> _memberActions = new();
        private readonly List<int> _memberActionRules = new();
        private readonly Dictionary<Type, object> _shared = new();
        private int _rule;

#pragma warning disable RS1012 // The host registers on the inner context for the rules, in Complete and in each Register override.
        public RuleHostContext(CompilationStartAnalysisContext inner, KnownSymbols symbols, RuleClock? clock)
            : base(inner.Compilation, inner.Options, inner.CancellationToken)
        {
            _inner = inner;
            _symbols = symbols;
            _clock = clock;
        }
#pragma warning restore RS1012

        /// <summary>Lets one rule register; what it registers is charged to it.</summary>
        public void Initialize(int rule, EffectiveMLAnalyzer analyzer)
        {
            _rule = rule;
            analyzer.InitializeCompilation(this, _symbols);
        }

        public void AddMemberAction(Action<OperationBlockAnalysisContext, MemberModel> action)
        {
            _memberActions.Add(action);
            _memberActionRules.Add(_rule);
        }

        /// <summary>
        /// A member action several hosted rules build on (a <see cref="Shared{T}"/> registration's),
        /// charged to no rule: each rule's part in it is timed where the rule hands it over.
        /// </summary>
        public void AddSharedMemberAction(Action<OperationBlockAnalysisContext, MemberModel> action)
        {
            _memberActions.Add(action);
            _memberActionRules.Add(NoRule);
        }

        /// <summary>The rule index of shared work: measured, it stays in the host's time.</summary>
        internal const int NoRule = -1;

        /// <summary>Wraps a callback so that, when measured, its time is charged to the rule registering now.</summary>
        public Action<T> Timed<T>(Action<T> action) => _clock is { } clock ? clock.Wrap(_rule, action) : action;

        /// <inheritdoc cref="Timed{T}(Action{T})"/>
        public Action<T1, T2> Timed<T1, T2>(Action<T1, T2> action)
        {
            if (_clock is not { } clock)
            {
                return action;
            }

            var timed = clock.Wrap<(T1, T2)>(_rule, pair => action(pair.Item1, pair.Item2));
            return (first, second) => timed((first, second));
        }

        /// <inheritdoc cref="Timed{T}(Action{T})"/>
        public Action<T1, T2, T3> Timed<T1, T2, T3>(Action<T1, T2, T3> action)
        {
            if (_clock is not { } clock)
            {
                return action;
            }

            var timed = clock.Wrap<(T1, T2, T3)>(_rule, triple => action(triple.Item1, triple.Item2, triple.Item3));
            return (first, second, third) => timed((first, second, third));
        }

        /// <summary>
        /// A registration several hosted rules build on, made once for all of them by the first that
        /// asks, directly with the driver: its own work is the host's, and each rule's part in it is
        /// timed where the rule hands it over (<see cref="Timed{T1, T2}"/>).
        /// </summary>
        public T Shared<T>(Func<CompilationStartAnalysisContext, T> register)
            where T : class =>
            Shared(() => register(_inner));

        /// <summary>
        /// A registration several hosted rules build on that registers through this host (so its
        /// member actions join the one member callback), made once by the first rule that asks.
        /// </summary>
        public T Shared<T>(Func<T> create)
            where T : class
        {
            if (!_shared.TryGetValue(typeof(T), out var registration))
            {
                registration = create();
                _shared.Add(typeof(T), registration);
            }

            return (T)registration;
        }

        /// <summary>Hands the gathered member actions to the driver as one.</summary>
        public void Complete()
        {
            if (_memberActions.Count > 0)
            {
                var actions = _memberActions.ToArray();
                var models = _symbols.Models;
                if (_clock is { } clock)
                {
                    var rules = _memberActionRules.ToArray();
                    _inner.RegisterOperationBlockAction(block => models.ForEachMember(block, actions, clock, rules));
                }
                else
                {
                    _inner.RegisterOperationBlockAction(block => models.ForEachMember(block, actions));
                }
            }
        }

        public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind)
        {
            if (_clock is { } clock)
            {
                var rule = _rule;
                _inner.RegisterSymbolStartAction(start => TimedSymbolStart.Run(start, clock, rule, action), symbolKind);
            }
            else
            {
                _inner.RegisterSymbolStartAction(action, symbolKind);
            }
        }

        public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) =>
            _inner.RegisterCompilationEndAction(Timed(action));

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) =>
            _inner.RegisterSemanticModelAction(Timed(action));

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) =>
            _inner.RegisterSymbolAction(Timed(action), symbolKinds);

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) =>
            _inner.RegisterCodeBlockStartAction(Timed(action));

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) =>
            _inner.RegisterCodeBlockAction(Timed(action));

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) =>
            _inner.RegisterOperationBlockStartAction(Timed(action));

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) =>
            _inner.RegisterOperationBlockAction(Timed(action));

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) =>
            _inner.RegisterSyntaxTreeAction(Timed(action));

        public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) =>
            _inner.RegisterAdditionalFileAction(Timed(action));

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) =>
            _inner.RegisterSyntaxNodeAction(Timed(action), syntaxKinds);

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) =>
            _inner.RegisterOperationAction(Timed(action), operationKinds);

        /// <summary>
        /// When measured, the symbol-start context a rule sees, so that the actions it registers
        /// for the symbol (one per member, one at the end) are charged to it too.
        /// </summary>
        private sealed class TimedSymbolStart : SymbolStartAnalysisContext
        {
            private readonly SymbolStartAnalysisContext _inner;
            private readonly RuleClock _clock;
            private readonly int _rule;

#pragma warning disable CS0618 // The public constructor is meant for hosts like this one: it wraps a real context and forwards every registration.
            private TimedSymbolStart(SymbolStartAnalysisContext inner, RuleClock clock, int rule)
                : base(inner.Symbol, inner.Compilation, inner.Options, inner.CancellationToken)
#pragma warning restore CS0618
            {
                _inner = inner;
                _clock = clock;
                _rule = rule;
            }

            public static void Run(SymbolStartAnalysisContext start, RuleClock clock, int rule, Action<SymbolStartAnalysisContext> action) =>
                clock.Wrap<SymbolStartAnalysisContext>(rule, action)(new TimedSymbolStart(start, clock, rule));

            private Action<T> Timed<T>(Action<T> action) => _clock.Wrap(_rule, action);

            public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => _inner.RegisterOperationBlockAction(Timed(action));

            public override void RegisterSymbolEndAction(Action<SymbolAnalysisContext> action) => _inner.RegisterSymbolEndAction(Timed(action));

            public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) =>
                _inner.RegisterCodeBlockStartAction(Timed(action));

            public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => _inner.RegisterCodeBlockAction(Timed(action));

            public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) =>
                _inner.RegisterSyntaxNodeAction(Timed(action), syntaxKinds);

            public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) =>
                _inner.RegisterOperationBlockStartAction(Timed(action));

            public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) =>
                _inner.RegisterOperationAction(Timed(action), operationKinds);
        }
    }
}
