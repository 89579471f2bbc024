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
    /// Hosts every rule: the one analyzer the compiler loads from the package. Each hosted rule is
    /// still its own class in its own file and can run alone (the tests run it so), but in a build
    /// the driver sees one analyzer, so it dispatches one callback per member for all of them
    /// instead of one per rule, and computes the actions of each symbol once instead of once per
    /// analyzer: that per-analyzer overhead was most of what the suite cost a build before any
    /// rule decided anything (README, "What it costs a build"). A rule's code fix reads only its
    /// own rule's findings and finds its Fix All action itself (<c>RuleFixAll</c>), because
    /// <c>dotnet format</c> may hand it the first finding of any hosted rule.
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

        /// <summary>Every rule, in the order of their IDs.</summary>
        internal static ImmutableArray<EffectiveMLAnalyzer> Rules { get; } = ImmutableArray.Create<EffectiveMLAnalyzer>(
            new InvalidOptionAnalyzer(),
            new UnknownOptionAnalyzer(),
            new ComplexModelWithoutBaselineAnalyzer(),
            new RaisedCapacityWithoutValidationAnalyzer(),
            new PredictionEngineSharedAnalyzer(),
            new ModelCreatedPerCallAnalyzer(),
            new SinglePredictionsInLoopAnalyzer(),
            new ModelSavedWithoutSchemaAnalyzer(),
            new ModelNeverLeavesAnalyzer(),
            new PipelineBuiltInEntryPointAnalyzer(),
            new PipelineFactoryWithoutTestAnalyzer(),
            new MachineSpecificDataPathAnalyzer(),
            new MeanImputationEverywhereAnalyzer(),
            new ImplicitImputationModeAnalyzer(),
            new ImputedWithoutIndicatorAnalyzer(),
            new ImputationCannotSeeMissingAnalyzer(),
            new CsvWithTabSeparatorAnalyzer(),
            new HeaderNotDeclaredAnalyzer(),
            new LabelUsedAsFeatureAnalyzer(),
            new EvaluatedOnTrainingDataAnalyzer(),
            new FittedBeforeSplitAnalyzer(),
            new ScaleSensitiveTrainerWithoutNormalizationAnalyzer(),
            new ThresholdDependentMetricOnlyAnalyzer(),
            new MLContextWithoutSeedAnalyzer(),
            new SplitWithoutSeedAnalyzer(),
            new UnseededRandomAnalyzer(),
            new NonReproducibleSeedAnalyzer(),
            new SchedulingDependentTrainerAnalyzer(),
            new ModelSavedWithoutEvaluationAnalyzer(),
            new EvaluationDiscardedAnalyzer(),
            new FailureSwallowedAnalyzer(),
            new SuppressedWithoutReasonAnalyzer(),
            new ColumnNameLiteralAnalyzer(),
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
