using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using EffectiveML.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace EffectiveML.Analyzers.Infrastructure
{
    /// <summary>
    /// The one analyzer the compiler loads from the package: it hosts every rule. The driver sees
    /// one analyzer, so it dispatches one callback per member for all rules and computes the actions
    /// of each symbol once. A rule's code fix reads only its own rule's findings and finds its Fix
    /// All action itself (<c>RuleFixAll</c>), because <c>dotnet format</c> may hand it the first
    /// finding of any hosted rule.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class EffectiveMLSuiteAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>
        /// Generated code is not analyzed: the driver skips members of generated files and of
        /// [GeneratedCode] types. Reports are not filtered again (<c>ReportDiagnostics</c>): every
        /// report comes from a member the driver already found to be user code, and the filter
        /// would make the driver resolve every declaration of each reported file to look for
        /// [GeneratedCode], which on ML code cost more than most rules.
        /// </summary>
        internal const GeneratedCodeAnalysisFlags GeneratedCode = GeneratedCodeAnalysisFlags.ReportDiagnostics;

        private readonly ImmutableArray<Rule> _rules;

        public EffectiveMLSuiteAnalyzer()
            : this(AllRules)
        {
        }

        /// <summary>A suite hosting <paramref name="rules"/> only: how the tests run a rule, the way users run it.</summary>
        internal EffectiveMLSuiteAnalyzer(IEnumerable<Rule> rules)
        {
            _rules = rules.ToImmutableArray();
            SupportedDiagnostics = _rules
                .SelectMany(rule => rule.SupportedDiagnostics)
                .GroupBy(descriptor => descriptor.Id)
                .Select(group => group.First())
                .ToImmutableArray();
        }

        /// <summary>Every rule of this assembly, in the order of their first diagnostic's ID.</summary>
        internal static ImmutableArray<Rule> AllRules { get; } = typeof(Rule).Assembly.GetTypes()
            .Where(type => !type.IsAbstract && typeof(Rule).IsAssignableFrom(type))
            .Select(type => (Rule)Activator.CreateInstance(type))
            .OrderBy(rule => rule.SupportedDiagnostics[0].Id, StringComparer.Ordinal)
            .ToImmutableArray();

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCode);
            context.RegisterCompilationStartAction(start =>
            {
                if (KnownSymbols.TryCreate(start.Compilation) is not { } symbols)
                {
                    return;
                }

                var registry = new SuiteRegistry(start, symbols);
                foreach (var rule in _rules)
                {
                    if (RuleSwitch.IsOn(rule, start.Compilation, start.CancellationToken))
                    {
                        rule.Register(registry);
                    }
                }

                registry.Complete();
            });
        }

        /// <summary>
        /// The registry the suite hands every rule: what the rules register is gathered and given to
        /// the driver as one callback per member, one start per type, one action per file.
        /// </summary>
        private sealed class SuiteRegistry : RuleRegistry
        {
            private readonly CompilationStartAnalysisContext _start;
            private readonly List<Action<OperationBlockAnalysisContext, MemberModel>> _memberActions = new();
            private readonly List<Action<SyntaxTreeAnalysisContext>> _treeActions = new();
            private TypeDispatch? _typeStart;
            private MLContextScope.Readers? _scopeReaders;

            // It registers on 'start' once the rules have registered with it, in Complete.
#pragma warning disable RS1012
            public SuiteRegistry(CompilationStartAnalysisContext start, KnownSymbols symbols)
#pragma warning restore RS1012
            {
                _start = start;
                Symbols = symbols;
            }

            public override KnownSymbols Symbols { get; }

            public override Compilation Compilation => _start.Compilation;

            private TypeDispatch Types => _typeStart ??= new TypeDispatch(new GeneratedCode(_start.Options, Symbols));

            public override void OnMember(Action<OperationBlockAnalysisContext, MemberModel> action) => _memberActions.Add(action);

            public override void OnDeclarations(Action<DeclarationFindings, Declaration> reader) => Types.AddDeclarationReader(reader);

            public override void OnMLContextScopes(Action<ScopeEnd, MLContextScope> reader)
            {
                if (Symbols.MLContext is null)
                {
                    return;
                }

                if (_scopeReaders is null)
                {
                    _scopeReaders = new MLContextScope.Readers(Symbols);
                    Types.AddScopeOpener(Symbols.IsMLContext, _scopeReaders.OpenTypeScope);
                    OnMember(_scopeReaders.OnMember);
                }

                _scopeReaders.Add(reader);
            }

            public override void OnSyntaxTree(Action<SyntaxTreeAnalysisContext> action) => _treeActions.Add(action);

            public override void OnCompilationEnd(Action<CompilationAnalysisContext> action) => _start.RegisterCompilationEndAction(action);

            /// <summary>Hands the gathered actions to the driver, one registration of each kind.</summary>
            public void Complete()
            {
                if (_memberActions.Count > 0)
                {
                    var actions = _memberActions.ToArray();
                    var models = Symbols.Models;
                    _start.RegisterOperationBlockAction(block => models.ForEachMember(block, actions));
                }

                _typeStart?.RegisterOn(_start);

                if (_treeActions.Count > 0)
                {
                    var actions = _treeActions.ToArray();
                    _start.RegisterSyntaxTreeAction(tree =>
                    {
                        foreach (var action in actions)
                        {
                            action(tree);
                        }
                    });
                }
            }
        }
    }
}
