using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EffectiveML.Analyzers.Infrastructure;
using EffectiveML.Analyzers.Rules.Assumptions;
using EffectiveML.Analyzers.Rules.Reproducibility;
using EffectiveML.Tests.Infrastructure;
using EffectiveML.Tests.Robustness;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace EffectiveML.Tests.Consistency
{
    /// <summary>
    /// The rule tests run the suite hosting one rule; a build runs it hosting all of them, sharing
    /// one member callback, one type start and the member models among them. These tests hold the
    /// two to the same answers, so no rule depends on which others run.
    /// </summary>
    public class SuiteTests
    {
        private const string UnseededInGeneratedFile = """
            using Microsoft.ML;

            public static class GeneratedTraining
            {
                public static void Train()
                {
                    var ml = new MLContext();
                    var data = ml.Data.LoadFromTextFile<object>("data.csv", separatorChar: ',', hasHeader: true);
                    var split = ml.Data.TrainTestSplit(data);
                }
            }
            """;

        /// <summary>A column imputed without an indicator: EML4003's finding, a rule that is off by default.</summary>
        private const string ImputedWithoutIndicator = """
            using Microsoft.ML;
            using Microsoft.ML.Transforms;

            public static class Preparation
            {
                public static IEstimator<ITransformer> Build(MLContext ml) =>
                    ml.Transforms.ReplaceMissingValues("Age", replacementMode: MissingValueReplacingEstimator.ReplacementMode.Mean)
                        .Append(ml.Transforms.Concatenate("Features", "Age", "Income"));
            }
            """;

        [Fact]
        public async Task The_suite_reports_for_each_rule_what_the_rule_reports_hosted_alone()
        {
            // Every program of the rule tests and samples in one compilation, plus a generated file
            // whose findings no rule may report.
            var compilation = AnalysisRunner.Compile(FuzzCorpus.Sources.ToArray())
                .AddSyntaxTrees(CSharpSyntaxTree.ParseText(UnseededInGeneratedFile, AnalysisRunner.ParseOptions, path: "/robustness/Training.g.cs"));
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));

            var suite = await Render(compilation, SuiteCatalog.Analyzers, timeout.Token);
            var alone = await Render(compilation, SuiteCatalog.Rules.Select(rule => SuiteCatalog.Hosting(rule)).ToImmutableArray(), timeout.Token);

            Assert.Equal(alone, suite);
            Assert.DoesNotContain(suite, d => d.Contains("Training.g.cs", StringComparison.Ordinal));
            // The comparison means something only if the corpus makes every rule speak.
            var silent = SuiteCatalog.Descriptors.Select(d => d.Id)
                // EML1001 and EML2005 look at the whole compilation, where the corpus has baselines
                // and saved models, and EML5005, where it seeds torch; EML3002 needs a test project;
                // the option rules need configuration.
                .Where(id => id is not ("EML0001" or "EML0002" or "EML1001" or "EML2005" or "EML3002" or "EML5005"))
                .Where(id => !suite.Any(d => d.StartsWith(id + " ", StringComparison.Ordinal)));
            Assert.Empty(silent);
        }

        [Fact]
        public async Task The_rules_that_share_a_type_scope_report_together_what_each_reports_alone()
        {
            // EML5001, EML5002 and EML5007 read one MLContext scope per type between them; run
            // concurrently, together, they must say what each says alone.
            var compilation = AnalysisRunner.Compile(FuzzCorpus.Sources.ToArray());
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            var rules = new Rule[] { new MLContextWithoutSeedRule(), new SplitWithoutSeedRule(), new SchedulingDependentTrainerRule() };

            var together = await Render(compilation, ImmutableArray.Create(SuiteCatalog.Hosting(rules)), timeout.Token);
            var alone = new List<string>();
            foreach (var rule in rules)
            {
                alone.AddRange(await Render(compilation, ImmutableArray.Create(SuiteCatalog.Hosting(rule)), timeout.Token));
            }

            Assert.Contains(together, d => d.StartsWith("EML5001 ", StringComparison.Ordinal));
            Assert.Contains(together, d => d.StartsWith("EML5002 ", StringComparison.Ordinal));
            Assert.Contains(together, d => d.StartsWith("EML5007 ", StringComparison.Ordinal));
            Assert.Equal(alone.OrderBy(d => d, StringComparer.Ordinal), together);
        }

        [Fact]
        public async Task An_opt_in_rule_registers_only_where_configuration_turns_it_on()
        {
            var off = Compile(ImputedWithoutIndicator, ImmutableDictionary<string, ReportDiagnostic>.Empty);
            var on = Compile(ImputedWithoutIndicator, ImmutableDictionary<string, ReportDiagnostic>.Empty
                .Add("EML4003", ReportDiagnostic.Warn)
                .Add(OptInProbe.Id, ReportDiagnostic.Warn));

            var offProbe = new OptInProbe();
            var offDiagnostics = await off.WithAnalyzers(ImmutableArray.Create(SuiteCatalog.Hosting(new ImputedWithoutIndicatorRule(), offProbe))).GetAnalyzerDiagnosticsAsync();
            Assert.DoesNotContain(offDiagnostics, d => d.Id == "EML4003");
            Assert.Equal(0, offProbe.Registrations);

            var onProbe = new OptInProbe();
            var onDiagnostics = await on.WithAnalyzers(ImmutableArray.Create(SuiteCatalog.Hosting(new ImputedWithoutIndicatorRule(), onProbe))).GetAnalyzerDiagnosticsAsync();
            Assert.Contains(onDiagnostics, d => d.Id == "EML4003");
            Assert.Equal(1, onProbe.Registrations);
        }

        [Fact]
        public async Task An_opt_in_rule_runs_in_the_suite_where_an_editorconfig_section_or_global_config_turns_it_on()
        {
            // What the compiler hands the driver for .editorconfig sections and global configs.
            var section = Compile(ImputedWithoutIndicator, ImmutableDictionary<string, ReportDiagnostic>.Empty);
            section = section.WithOptions(section.Options.WithSyntaxTreeOptionsProvider(new TreeOptions(perTree: ReportDiagnostic.Info, global: null)));
            var global = section.WithOptions(section.Options.WithSyntaxTreeOptionsProvider(new TreeOptions(perTree: null, global: ReportDiagnostic.Info)));
            var none = section.WithOptions(section.Options.WithSyntaxTreeOptionsProvider(new TreeOptions(perTree: null, global: null)));

            foreach (var (compilation, reported) in new[] { (section, true), (global, true), (none, false) })
            {
                var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new EffectiveMLSuiteAnalyzer())).GetAnalyzerDiagnosticsAsync();
                Assert.Equal(reported, diagnostics.Any(d => d.Id == "EML4003"));
            }
        }

        /// <summary>A rule that is off by default and counts how often the suite lets it register.</summary>
        private sealed class OptInProbe : Rule
        {
            public const string Id = "PROBE01";

            // Probe rules live only in tests; release tracking covers the shipped rules.
#pragma warning disable RS2008
            private static readonly DiagnosticDescriptor Descriptor = new(Id, "probe", "probe", "Test", DiagnosticSeverity.Info, isEnabledByDefault: false);
#pragma warning restore RS2008

            public int Registrations { get; private set; }

            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Descriptor);

            internal override void Register(RuleRegistry registry) => Registrations++;
        }

        /// <summary>Sets EML4003's severity for every tree, or globally, as .editorconfig and global configs do.</summary>
        private sealed class TreeOptions : SyntaxTreeOptionsProvider
        {
            private readonly ReportDiagnostic? _perTree;
            private readonly ReportDiagnostic? _global;

            public TreeOptions(ReportDiagnostic? perTree, ReportDiagnostic? global)
            {
                _perTree = perTree;
                _global = global;
            }

            public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.NotGenerated;

            public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
                Found(diagnosticId, _perTree, out severity);

            public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
                Found(diagnosticId, _global, out severity);

            private static bool Found(string diagnosticId, ReportDiagnostic? configured, out ReportDiagnostic severity)
            {
                severity = configured ?? ReportDiagnostic.Default;
                return diagnosticId == "EML4003" && configured is not null;
            }
        }

        private static Compilation Compile(string source, ImmutableDictionary<string, ReportDiagnostic> options) =>
            CSharpCompilation.Create(
                "OptIn",
                new[] { CSharpSyntaxTree.ParseText(source) },
                TestReferences.MLProject,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, specificDiagnosticOptions: options));

        private static async Task<string[]> Render(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, CancellationToken cancellationToken)
        {
            var (diagnostics, failures) = await AnalysisRunner.AnalyzeAsync(compilation, cancellationToken, analyzers: analyzers);
            Assert.Empty(failures);
            return diagnostics
                .Where(d => d.Id.StartsWith("EML", StringComparison.Ordinal))
                .Select(d => $"{d.Id} {d.Location.GetLineSpan()} {d.GetMessage()}")
                .OrderBy(s => s, StringComparer.Ordinal)
                .ToArray();
        }
    }
}
