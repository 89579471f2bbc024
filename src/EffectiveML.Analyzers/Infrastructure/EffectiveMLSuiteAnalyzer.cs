using System.Collections.Immutable;
using System.Linq;
using EffectiveML.Analyzers.Model;
using EffectiveML.Analyzers.Rules.Assumptions;
using EffectiveML.Analyzers.Rules.Impact;
using EffectiveML.Analyzers.Rules.Reproducibility;
using EffectiveML.Analyzers.Rules.Resilience;
using EffectiveML.Analyzers.Rules.Roadblocks;
using EffectiveML.Analyzers.Rules.Simplicity;
using EffectiveML.Analyzers.Rules.Uncertainty;
using EffectiveML.Analyzers.Rules.Versatility;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace EffectiveML.Analyzers.Infrastructure
{
    /// <summary>
    /// Hosts every rule that has no code fix. Each hosted rule is still its own class in its own
    /// file and can run alone (the tests run it so), but in a build the driver sees one analyzer,
    /// so it dispatches one callback per member for all of them instead of one per rule: that
    /// per-analyzer overhead was most of what the suite cost a build before any rule decided
    /// anything (README, "What it costs a build").
    /// A rule with a code fix stays an analyzer of its own (it carries [DiagnosticAnalyzer]):
    /// <c>dotnet format</c> fixes a diagnostic ID by asking the fix about the first finding of
    /// the analyzers that report that ID, which in a shared analyzer may be another rule's.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class EffectiveMLSuiteAnalyzer : DiagnosticAnalyzer
    {
        private readonly RuleClock? _clock;

        public EffectiveMLSuiteAnalyzer()
        {
        }

        /// <summary>A suite that measures each rule's own time on <paramref name="clock"/> (the benchmark's view inside the suite).</summary>
        internal EffectiveMLSuiteAnalyzer(RuleClock clock)
        {
            _clock = clock;
        }

        /// <summary>The hosted rules, in the order of their IDs.</summary>
        internal static ImmutableArray<EffectiveMLAnalyzer> Rules { get; } = ImmutableArray.Create<EffectiveMLAnalyzer>(
            new InvalidOptionAnalyzer(),
            new UnknownOptionAnalyzer(),
            new ComplexModelWithoutBaselineAnalyzer(),
            new RaisedCapacityWithoutValidationAnalyzer(),
            new PredictionEngineSharedAnalyzer(),
            new SinglePredictionsInLoopAnalyzer(),
            new ModelNeverLeavesAnalyzer(),
            new PipelineFactoryWithoutTestAnalyzer(),
            new MachineSpecificDataPathAnalyzer(),
            new MeanImputationEverywhereAnalyzer(),
            new ImputedWithoutIndicatorAnalyzer(),
            new ImputationCannotSeeMissingAnalyzer(),
            new EvaluatedOnTrainingDataAnalyzer(),
            new FittedBeforeSplitAnalyzer(),
            new ThresholdDependentMetricOnlyAnalyzer(),
            new NonReproducibleSeedAnalyzer(),
            new ModelSavedWithoutEvaluationAnalyzer(),
            new EvaluationDiscardedAnalyzer(),
            new FailureSwallowedAnalyzer(),
            new SuppressedWithoutReasonAnalyzer(),
            new HardCodedThresholdAnalyzer());

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = Rules
            .SelectMany(rule => rule.SupportedDiagnostics)
            .GroupBy(descriptor => descriptor.Id)
            .Select(group => group.First())
            .ToImmutableArray();

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(EffectiveMLAnalyzer.GeneratedCode);
            context.RegisterCompilationStartAction(start =>
            {
                var symbols = KnownSymbols.Shared(start);
                if (symbols is null)
                {
                    return;
                }

                var host = new RuleHostContext(start, symbols, _clock);
                for (var rule = 0; rule < Rules.Length; rule++)
                {
                    if (RuleSwitch.IsOn(Rules[rule], start.Compilation, start.CancellationToken))
                    {
                        host.Initialize(rule, Rules[rule]);
                    }
                }

                host.Complete();
            });
        }
    }
}
