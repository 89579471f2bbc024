using System.Collections.Immutable;
using EffectiveML.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace EffectiveML.Tests.Infrastructure
{
    /// <summary>
    /// The suite hosting one rule: the analyzer the testing library runs for a rule's tests. It is
    /// the path a build takes, with only that rule registered.
    /// </summary>
    public sealed class RuleHost<TRule> : DiagnosticAnalyzer
        where TRule : Rule, new()
    {
        private readonly EffectiveMLSuiteAnalyzer _suite = new(ImmutableArray.Create<Rule>(new TRule()));

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => _suite.SupportedDiagnostics;

        public override void Initialize(AnalysisContext context) => _suite.Initialize(context);
    }
}
