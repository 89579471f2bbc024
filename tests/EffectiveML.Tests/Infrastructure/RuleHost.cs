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
    /// The attribute and the Configure calls the RS10xx rules ask for live in the suite: a test
    /// constructs this host directly and the suite's Initialize configures the context.
#pragma warning disable RS1001, RS1025, RS1026
    public sealed class RuleHost<TRule> : DiagnosticAnalyzer
#pragma warning restore RS1001, RS1025, RS1026
        where TRule : Rule, new()
    {
        private readonly EffectiveMLSuiteAnalyzer _suite = new(ImmutableArray.Create<Rule>(new TRule()));

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => _suite.SupportedDiagnostics;

#pragma warning disable RS1025, RS1026
        public override void Initialize(AnalysisContext context) => _suite.Initialize(context);
#pragma warning restore RS1025, RS1026
    }
}
