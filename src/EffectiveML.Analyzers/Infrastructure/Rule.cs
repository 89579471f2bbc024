using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace EffectiveML.Analyzers.Infrastructure
{
    /// <summary>
    /// One EffectiveML rule: the diagnostics it reports and what it registers. The compiler loads
    /// one analyzer, <see cref="EffectiveMLSuiteAnalyzer"/>, which hosts every rule and calls
    /// <see cref="Register"/> only in compilations that reference ML.NET or TorchSharp, and only
    /// when one of the rule's diagnostics can be reported there. A rule file holds only what the
    /// rule decides; it reaches the code through the <see cref="RuleRegistry"/>, never the driver.
    /// </summary>
    public abstract class Rule
    {
        public abstract ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

        /// <summary>Registers what the rule reads; called once per compilation.</summary>
        internal abstract void Register(RuleRegistry registry);
    }
}
