using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using EffectiveML.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace EffectiveML.Benchmarks
{
    /// <summary>What one configuration cost on one corpus: time and allocations, per analyzer where it applies.</summary>
    /// <param name="Wall">
    /// Elapsed time of the analysis run beyond the same run with the do-nothing analyzer alone
    /// (zero when that run was not made): besides the callbacks it holds what telemetry does not
    /// see, such as the driver's own work for the analyzers and page faults on fresh memory.
    /// </param>
    /// <param name="Cpu">
    /// The process's CPU time over the same span as <paramref name="Wall"/> (for the compiler
    /// alone: over its work), beyond the same run with the do-nothing analyzer alone; zero when
    /// that run was not made.
    /// </param>
    /// <param name="Findings">The diagnostics the analyzers reported (for the compiler alone: its errors).</param>
    /// <param name="Generator">For the compiler alone, when asked: the package's source generator on the compiled compilation, as the generator driver times it.</param>
    /// <param name="Paused">The collector's pauses during the measured work (for an analysis run: during the whole run, not only inside callbacks).</param>
    /// <param name="Own">For the timed suite: the time its clocks measured inside our code (the rules' callbacks and the building of the model parts), the collector's pauses left out.</param>
    public sealed record Cost(TimeSpan Time, long Allocated, IReadOnlyDictionary<string, TimeSpan> PerAnalyzer, TimeSpan Wall = default, TimeSpan Cpu = default, int Findings = 0, TimeSpan Generator = default, TimeSpan Paused = default, TimeSpan Own = default);

    /// <summary>
    /// Compiles a corpus and measures, with Roslyn's own analyzer telemetry, what the compiler and
    /// each analyzer spend. Every measurement uses a fresh compilation so nothing is served from a
    /// cache filled by the previous one.
    /// </summary>
    public static class Measurement
    {
        public static ImmutableArray<MetadataReference> Framework { get; } =
            Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>().ToImmutableArray();

        public static ImmutableArray<MetadataReference> MachineLearning { get; } = Framework.AddRange(
            Directory.EnumerateFiles(AppContext.BaseDirectory, "Microsoft.ML*.dll")
                .Append(Path.Combine(AppContext.BaseDirectory, "TorchSharp.dll"))
                .OrderBy(p => p, StringComparer.Ordinal)
                .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)));

        /// <summary>The rules the suite hosts, in the order of their IDs.</summary>
        private static readonly ImmutableArray<Rule> Rules = EffectiveMLSuiteAnalyzer.AllRules;

        // With the collector running (--with-gc), the clock leaves its pauses out of each rule's
        // time and the analyzer's total; inside no-GC regions there are none.
        private static readonly RuleClock Clock = new(Rules.Length + 1, GC.GetTotalPauseDuration);

        /// <summary>The clock's slot for building the member models' parts, after the rules' slots.</summary>
        private static int PartsSlot => Rules.Length;

        /// <summary>
        /// The suite as the compiler loads it, with each rule wrapped to charge its callbacks' time
        /// to it (<see cref="TimedRule"/>): telemetry of the whole, split into the rules and the rest.
        /// </summary>
        public static ImmutableArray<DiagnosticAnalyzer> Suite { get; } = ImmutableArray.Create<DiagnosticAnalyzer>(
            new EffectiveMLSuiteAnalyzer(Rules.Select((rule, index) => (Rule)new TimedRule(rule, index, PartsSlot, Clock))));

        /// <summary>The suite as users load it: no rule wrapped, nothing timed inside.</summary>
        public static ImmutableArray<DiagnosticAnalyzer> Unmeasured { get; } = ImmutableArray.Create<DiagnosticAnalyzer>(new EffectiveMLSuiteAnalyzer());

        /// <summary>Each rule hosted alone by the suite (--each).</summary>
        public static IEnumerable<(string Name, DiagnosticAnalyzer Analyzer)> EachRule => Rules.Select(rule =>
            (rule.GetType().Name, (DiagnosticAnalyzer)new EffectiveMLSuiteAnalyzer(new[] { rule })));

        /// <summary>
        /// The work that is no rule's, reported next to the rules: building the member models every
        /// rule reads, dispatching the suite's callbacks, and the driver's work for the analyzer.
        /// </summary>
        public const string Shared = "(shared) dispatch, driver and the rest";

        /// <summary>Building the member models' parts every rule reads, timed apart (<see cref="TimedRule"/>).</summary>
        public const string Parts = "(shared) member models and their parts";

        /// <summary>The rows of the per-rule table: every rule, by class name, with its IDs; then the suite's shared work.</summary>
        public static IReadOnlyList<(string Name, string Ids, bool IsRule)> Rows { get; } = Rules
            .Select(rule => (rule.GetType().Name, string.Join(", ", rule.SupportedDiagnostics.Select(d => d.Id).Distinct()), true))
            .Append((Parts, "shared", false))
            .Append((Shared, "shared", false))
            .ToList();

        /// <summary>What the timed suite's last run allocated inside each rule's callbacks and in building the model parts, by row name.</summary>
        public static IEnumerable<(string Name, long Bytes)> AllocatedPerRow() =>
            Rules.Select((rule, index) => (rule.GetType().Name, Clock.BytesOf(index))).Append((Parts, Clock.BytesOf(PartsSlot)));

        public static ImmutableArray<DiagnosticAnalyzer> Peer { get; } = LoadPeer();

        public static Compilation Compile(IReadOnlyList<SyntaxTree> trees, ImmutableArray<MetadataReference> references) =>
            CSharpCompilation.Create(
                "Corpus",
                trees,
                references,
                new CSharpCompilationOptions(
                    OutputKind.DynamicallyLinkedLibrary,
                    nullableContextOptions: NullableContextOptions.Enable,
                    // One thread: the compiler's elapsed time is then its work, comparable with the
                    // analyzers' callback times, and no binding thread competes with the callbacks.
                    concurrentBuild: false,
                    // Every rule on, the opt-in ones too: the budget holds for the whole suite.
                    specificDiagnosticOptions: Suite.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct()
                        .ToImmutableDictionary(id => id, _ => ReportDiagnostic.Warn)));

        public static List<SyntaxTree> Parse(IEnumerable<string> sources) =>
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, path: $"/corpus/File{i}.cs")).ToList();

        /// <summary>
        /// The compiler alone: declaration and method-body diagnostics, no analyzers. With the
        /// collector running, its pauses are left out, as the analyzers' clocks leave them out.
        /// </summary>
        public static Cost CompilerOnly(IReadOnlyList<SyntaxTree> trees, ImmutableArray<MetadataReference> references, bool withGenerator = false)
        {
            var compilation = Compile(trees, references);
            Settle();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var noGc = TryStartNoGC();
            var pausedBefore = GC.GetTotalPauseDuration();
            var cpuBefore = ProcessCpu();
            var stopwatch = Stopwatch.StartNew();
            var errors = compilation.GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);
            stopwatch.Stop();
            var cpu = ProcessCpu() - cpuBefore;
            var paused = GC.GetTotalPauseDuration() - pausedBefore;
            EndNoGC(noGc);
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
            var generator = withGenerator ? Generator(compilation) : TimeSpan.Zero;
            return new Cost(stopwatch.Elapsed - paused, allocated, new Dictionary<string, TimeSpan>(), stopwatch.Elapsed - paused, cpu - paused, errors, generator, paused);
        }

        /// <summary>
        /// A set of analyzers, next to a do-nothing analyzer that makes the driver build operation
        /// trees in every run: time is the analyzers' own callback time from telemetry, allocations
        /// are what the run allocates beyond the same run with the do-nothing analyzer alone.
        /// </summary>
        public static async Task<Cost> Analyzers(
            IReadOnlyList<SyntaxTree> trees, ImmutableArray<MetadataReference> references, ImmutableArray<DiagnosticAnalyzer> analyzers, bool measureAllocations = true)
        {
            // The baseline run is needed only for the allocation difference; without it Allocated is 0.
            var baseline = measureAllocations ? await Run(trees, references, ImmutableArray.Create<DiagnosticAnalyzer>(new OperationTreesOnly())) : default;
            var measured = await Run(trees, references, analyzers.Add(new OperationTreesOnly()));
            var perAnalyzer = new Dictionary<string, TimeSpan>();
            var total = TimeSpan.Zero;
            var own = TimeSpan.Zero;
            foreach (var analyzer in analyzers)
            {
                var time = measured.Telemetry[analyzer];
                total += time;
                if (Suite.Contains(analyzer))
                {
                    // Telemetry sees the suite whole; the timed rules split its time into theirs and the rest.
                    total -= Clock.Pauses;
                    var rest = time - Clock.Pauses;
                    for (var rule = 0; rule < Rules.Length; rule++)
                    {
                        perAnalyzer[Rules[rule].GetType().Name] = Clock.Of(rule);
                        rest -= Clock.Of(rule);
                    }

                    perAnalyzer[Parts] = Clock.Of(PartsSlot);
                    rest -= Clock.Of(PartsSlot);
                    perAnalyzer[Shared] = perAnalyzer.GetValueOrDefault(Shared) + rest;
                    own = Enumerable.Range(0, PartsSlot + 1).Aggregate(TimeSpan.Zero, (sum, slot) => sum + Clock.Of(slot));
                }
                else
                {
                    perAnalyzer[analyzer.GetType().Name] = time;
                }
            }

            return new Cost(
                total,
                measureAllocations ? Math.Max(0, measured.Allocated - baseline.Allocated) : 0,
                perAnalyzer,
                measureAllocations ? measured.Wall - baseline.Wall : TimeSpan.Zero,
                measureAllocations ? measured.Cpu - baseline.Cpu : TimeSpan.Zero,
                measured.Findings,
                Paused: measured.Paused,
                Own: own);
        }

        /// <summary>
        /// The package's source generator on a compilation the compiler has finished with, as the
        /// generator driver times it: part of what the package costs a build.
        /// </summary>
        private static TimeSpan Generator(Compilation compilation)
        {
            Settle();
            var driver = CSharpGeneratorDriver.Create(new EffectiveML.Analyzers.Rules.Versatility.PipelineFactoryManifestGenerator())
                .RunGenerators(compilation);
            return driver.GetTimingInfo().ElapsedTime;
        }

        /// <summary>CPU time the whole process has used so far, on every thread.</summary>
        private static TimeSpan ProcessCpu()
        {
            using var process = Process.GetCurrentProcess();
            return process.TotalProcessorTime;
        }

        /// <summary>The suite's findings on a corpus, every rule raised to warning, counted by rule ID.</summary>
        public static async Task<IReadOnlyDictionary<string, int>> Findings(IReadOnlyList<SyntaxTree> trees, ImmutableArray<MetadataReference> references)
        {
            var diagnostics = await Compile(trees, references)
                .WithAnalyzers(Unmeasured, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty))
                .GetAnalyzerDiagnosticsAsync();
            return diagnostics
                .GroupBy(d => d.Id, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        }

        private static async Task<(long Allocated, Dictionary<DiagnosticAnalyzer, TimeSpan> Telemetry, TimeSpan Wall, TimeSpan Cpu, int Findings, TimeSpan Paused)> Run(
            IReadOnlyList<SyntaxTree> trees, ImmutableArray<MetadataReference> references, ImmutableArray<DiagnosticAnalyzer> analyzers)
        {
            var compilation = Compile(trees, references);
            var withAnalyzers = compilation.WithAnalyzers(
                analyzers,
                new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
            // The compiler finishes its own work first (binding, symbol completion, attributes), so
            // callbacks neither wait for a compiler thread nor pay for work the compiler does anyway:
            // what telemetry then charges an analyzer is its own.
            withAnalyzers.Compilation.GetDiagnostics();
            Clock.Reset();

            Settle();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var noGc = TryStartNoGC();
            var pausedBefore = GC.GetTotalPauseDuration();
            var cpuBefore = ProcessCpu();
            var wall = Stopwatch.StartNew();
            var findings = (await withAnalyzers.GetAnalyzerDiagnosticsAsync()).Length;
            wall.Stop();
            var cpu = ProcessCpu() - cpuBefore;
            var paused = GC.GetTotalPauseDuration() - pausedBefore;
            EndNoGC(noGc);

            var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
            var telemetry = new Dictionary<DiagnosticAnalyzer, TimeSpan>();
            foreach (var analyzer in analyzers)
            {
                telemetry[analyzer] = (await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, default)).ExecutionTime;
            }

            return (allocated, telemetry, wall.Elapsed - paused, cpu - paused, findings, paused);
        }

        /// <summary>Starts every measured run on a collected heap, so no run pays for the garbage of the one before.</summary>
        private static void Settle()
        {
            GC.Collect();
        }

        /// <summary>
        /// Keeps the collector out of a measured run where the runtime allows it, so that no
        /// collection (triggered by anyone's allocations) pauses one callback and is charged to
        /// it. What is allocated is measured and budgeted separately.
        /// </summary>
        private static bool TryStartNoGC()
        {
            try
            {
                return GC.TryStartNoGCRegion(NoGCBudget);
            }
            catch (ArgumentOutOfRangeException)
            {
                return false;
            }
            catch (InvalidOperationException)
            {
                return false;
            }
        }

        private static void EndNoGC(bool started)
        {
            // The region ends by itself when the run allocates more than the budget.
            if (started && System.Runtime.GCSettings.LatencyMode == System.Runtime.GCLatencyMode.NoGCRegion)
            {
                GC.EndNoGCRegion();
                RunsWithoutGC++;
            }

            if (NoGCBudget > 0)
            {
                MeasuredRuns++;
            }
        }

        /// <summary>How much a measured run may allocate without a collection; 0 runs with the collector.</summary>
        public static long NoGCBudget { get; set; } = 4L * 1024 * 1024 * 1024;

        /// <summary>
        /// Measures with the collector running, as in a build: the measure of scaling. The clocks of
        /// the timed rules and the compiler's leave the pauses out; Roslyn's telemetry of the suite
        /// as users load it cannot, and counts the pauses that fall inside its callbacks. Inside no-GC regions every allocation of a run stays live, so a run four times
        /// larger works in a heap four times larger on memory never touched before, and plainly
        /// linear work measures superlinear (see this project's README).
        /// </summary>
        public static async Task<T> WithCollector<T>(Func<Task<T>> measure)
        {
            var budget = NoGCBudget;
            NoGCBudget = 0;
            try
            {
                return await measure();
            }
            finally
            {
                NoGCBudget = budget;
            }
        }

        public static int MeasuredRuns { get; private set; }

        public static int RunsWithoutGC { get; private set; }

        private static ImmutableArray<DiagnosticAnalyzer> LoadPeer()
        {
            var path = Path.Combine(AppContext.BaseDirectory, "peer", "Meziantou.Analyzer.dll");
            var assembly = Assembly.LoadFrom(path);
            return assembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Length > 0)
                .OrderBy(t => t.FullName, StringComparer.Ordinal)
                .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
                .ToImmutableArray();
        }

#pragma warning disable RS1001, RS1025, RS1026, RS1036, RS1038, RS1041, RS2008 // A measuring aid run directly by CompilationWithAnalyzers, never loaded by a compiler.
        /// <summary>Registers an operation action and does nothing: makes the driver build operation trees in the baseline run.</summary>
        private sealed class OperationTreesOnly : DiagnosticAnalyzer
        {
            private static readonly DiagnosticDescriptor Never = new("BENCH0", "never", "never", "Benchmark", DiagnosticSeverity.Hidden, true);

            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Never);

            public override void Initialize(AnalysisContext context)
            {
                context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
                context.RegisterOperationAction(_ => { }, OperationKind.Invocation);
            }
        }

        /// <summary>
        /// Registers actions that do nothing, in one shape: what the driver charges an analyzer of
        /// that shape before any rule decides anything.
        /// </summary>
        public sealed class DriverShape : DiagnosticAnalyzer
        {
            private static readonly DiagnosticDescriptor Never = new("BENCH1", "never", "never", "Benchmark", DiagnosticSeverity.Hidden, true);
            private readonly Action<AnalysisContext> _register;

            private DriverShape(string name, Action<AnalysisContext> register)
            {
                Name = name;
                _register = register;
            }

            public string Name { get; }

            /// <summary>One callback per member: a rule analyzed per member.</summary>
            public static DriverShape MemberAction => new("member action", c => c.RegisterOperationBlockAction(_ => { }));

            /// <summary>Symbol start and end on types, one action per member: a rule scoped to a type.</summary>
            public static DriverShape TypeScope => new("type scope", c => c.RegisterSymbolStartAction(
                start =>
                {
                    start.RegisterOperationBlockAction(_ => { });
                    start.RegisterSymbolEndAction(_ => { });
                },
                SymbolKind.NamedType));

            /// <summary>A type scope with only an end action; the member actions stay compilation-wide.</summary>
            public static DriverShape TypeEndOnly => new("type scope, end action only", c =>
            {
                c.RegisterOperationBlockAction(_ => { });
                c.RegisterSymbolStartAction(start => start.RegisterSymbolEndAction(_ => { }), SymbolKind.NamedType);
            });

            /// <summary>A member action and a symbol action on types, no type scope.</summary>
            public static DriverShape TypeSymbolAction => new("member action, symbol action on types", c =>
            {
                c.RegisterOperationBlockAction(_ => { });
                c.RegisterSymbolAction(_ => { }, SymbolKind.NamedType);
            });

            /// <summary>A member action and a symbol action on every member kind.</summary>
            public static DriverShape MemberSymbolActions => new("member action, symbol actions on members", c =>
            {
                c.RegisterOperationBlockAction(_ => { });
                c.RegisterSymbolAction(_ => { }, SymbolKind.NamedType, SymbolKind.Method, SymbolKind.Property, SymbolKind.Field, SymbolKind.Event);
            });

            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Never);

            public override void Initialize(AnalysisContext context)
            {
                context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
                _register(context);
            }
        }

        /// <summary>Reports one diagnostic at the start of every file: what the driver charges the first report in a file.</summary>
        public class ReportOncePerFile : DiagnosticAnalyzer
        {
            private static readonly DiagnosticDescriptor Once = new("BENCH2", "once", "once", "Benchmark", DiagnosticSeverity.Warning, true);

            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Once);

            /// <summary>None: the driver filters each report against [GeneratedCode] in the reported file.</summary>
            protected virtual GeneratedCodeAnalysisFlags GeneratedCode => GeneratedCodeAnalysisFlags.None;

            public override void Initialize(AnalysisContext context)
            {
                context.ConfigureGeneratedCodeAnalysis(GeneratedCode);
                context.RegisterSyntaxTreeAction(tree => tree.ReportDiagnostic(
                    Diagnostic.Create(Once, Location.Create(tree.Tree, new Microsoft.CodeAnalysis.Text.TextSpan(0, 0)))));
            }
        }

        /// <summary>The same with EffectiveML's setting: generated code still skipped, reports not filtered again.</summary>
        public sealed class ReportOncePerFileUnfiltered : ReportOncePerFile
        {
            protected override GeneratedCodeAnalysisFlags GeneratedCode => EffectiveMLSuiteAnalyzer.GeneratedCode;
        }
#pragma warning restore RS1001, RS1025, RS1026, RS1036, RS1038, RS1041, RS2008
    }
}
