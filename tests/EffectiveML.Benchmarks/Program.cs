using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Running;
using EffectiveML.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace EffectiveML.Benchmarks
{
    /// <summary>
    /// What EffectiveML costs a build, as ratios measured in one run:
    /// <c>dotnet run -c Release --project tests/EffectiveML.Benchmarks -- --quick</c> (under 3 minutes),
    /// or without <c>--quick</c> for more repetitions and BenchmarkDotNet statistics.
    /// <c>--files N</c> sets the corpus size (default 500 files, about 50,000 lines each).
    /// For diagnosis: <c>--floor</c> (what the driver charges any analyzer), <c>--each</c> (each
    /// analyzer alone), <c>--allocations</c> (the types the suite allocates), <c>--suite-only</c>
    /// (for a profiler), <c>--symbols</c> (what resolving the known symbols costs) and <c>--walk</c> (a bare walk of every member against building the member models).
    /// </summary>
    public static class Program
    {
        public static async Task<int> Main(string[] args)
        {
            var quick = args.Contains("--quick");
            // --quick measures 100 files (about 21,500 lines of the budget corpus) to finish in under three minutes.
            var files = ArgumentAfter(args, "--files") ?? (quick ? 100 : 500);
            var repetitions = quick ? 3 : 9;
            var culture = CultureInfo.InvariantCulture;

            if (args.Contains("--with-gc"))
            {
                // Diagnosis: measure with the collector running, as a build does, instead of inside no-GC regions.
                Measurement.NoGCBudget = 0;
            }

            // The budget corpus, or the dense one for the diagnosis modes with --dense; --correct
            // writes the budget corpus without its drawn mistakes (no findings): what the findings cost.
            var dense = args.Contains("--dense");
            if (args.Contains("--correct"))
            {
                Corpus.Mistakes = 0;
            }

            Func<int, List<string>> corpus = dense ? Corpus.Dense : Corpus.Budget;
            var ml = Measurement.Parse(corpus(files));
            if (args.Contains("--symbols"))
            {
                // Diagnosis: what resolving the suite's symbols costs on a fresh compilation.
                for (var i = 0; i < 5; i++)
                {
                    var compilation = Measurement.Compile(ml, Measurement.MachineLearning);
                    compilation.GetDiagnostics();
                    var watch = System.Diagnostics.Stopwatch.StartNew();
                    var symbols = EffectiveML.Analyzers.Model.KnownSymbols.TryCreate(compilation)!;
                    var known = watch.Elapsed;
                    var api = symbols.Api;
                    Console.WriteLine($"KnownSymbols {known.TotalMilliseconds:0.0} ms, MLApi {(watch.Elapsed - known).TotalMilliseconds:0.0} ms");
                }

                return 0;
            }

            if (args.Contains("--walk"))
            {
                // Diagnosis: what a bare walk of every member's operation tree costs, against
                // building the member models (the walk plus what it indexes).
                var compilation = Measurement.Compile(ml, Measurement.MachineLearning);
                compilation.GetDiagnostics();
                var symbols = EffectiveML.Analyzers.Model.KnownSymbols.TryCreate(compilation)!;
                var roots = new List<IOperation>();
                foreach (var tree in compilation.SyntaxTrees)
                {
                    var semantic = compilation.GetSemanticModel(tree);
                    foreach (var body in tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.BaseMethodDeclarationSyntax>())
                    {
                        if (semantic.GetOperation(body) is { } operation)
                        {
                            roots.Add(operation);
                        }
                    }
                }

                for (var i = 0; i < 5; i++)
                {
                    var watch = System.Diagnostics.Stopwatch.StartNew();
                    var count = 0;
                    foreach (var root in roots)
                    {
                        foreach (var _ in root.DescendantsAndSelf())
                        {
                            count++;
                        }
                    }

                    var walk = watch.Elapsed;
                    watch.Restart();
                    var count2 = 0;
                    foreach (var root in roots)
                    {
                        count2 += CountOperations(root);
                    }

                    var recursive = watch.Elapsed;
                    Console.Write($"recursive {recursive.TotalMilliseconds:0.0} ms ({count2}); ");
                    watch.Restart();
                    var allocated = GC.GetAllocatedBytesForCurrentThread();
                    var models = new List<EffectiveML.Analyzers.Model.MemberModel>();
                    foreach (var root in roots)
                    {
                        models.Add(new EffectiveML.Analyzers.Model.MemberModel(root, symbols));
                    }

                    var modelBytes = GC.GetAllocatedBytesForCurrentThread() - allocated;
                    Console.WriteLine($"{roots.Count} members, {count} operations: walk {walk.TotalMilliseconds:0.0} ms, models {watch.Elapsed.TotalMilliseconds:0.0} ms, {modelBytes / 1024} KB");
                    foreach (var (part, build) in new (string, Action<EffectiveML.Analyzers.Model.MemberModel>)[]
                    {
                        ("pipelines", m => { _ = m.Pipelines.Chains; _ = m.Pipelines.TransformCalls; }),
                        ("sites", m => { _ = m.Sites.Fits; _ = m.Sites.Evaluations; }),
                        ("input schemas", m => _ = m.InputSchemas.MemberNamed(string.Empty)),
                        ("randomness", m => _ = m.RandomnessUses),
                        ("schema flows", m => { if (m.Sites.Fits.Count > 0) { _ = m.Schemas.Flows; } }),
                        ("predictions", m => { if (m.Sites.Fits.Count > 0) { _ = m.Schemas.Predictions; } }),
                        ("torch", m => _ = m.Torch),
                    })
                    {
                        watch.Restart();
                        allocated = GC.GetAllocatedBytesForCurrentThread();
                        models.ForEach(build);
                        Console.WriteLine($"  {part}: {watch.Elapsed.TotalMilliseconds:0.0} ms, {(GC.GetAllocatedBytesForCurrentThread() - allocated) / 1024} KB");
                    }
                }

                return 0;
            }

            if (args.Contains("--scaling"))
            {
                // The scaling budget line alone: 1x and 4x size with the collector running, median of
                // --runs (default 7), on the suite's own code (its clocks leave the pauses out) and,
                // for comparison, on the suite as users load it (telemetry, pauses included).
                var large = Measurement.Parse(corpus(files * 4));
                var runs = ArgumentAfter(args, "--runs") ?? 7;
                await Measurement.Analyzers(ml, Measurement.MachineLearning, Measurement.Unmeasured);
                var (ownOne, ownFour) = await Measurement.WithCollector(async () => (
                    await MedianOwn(runs, () => Measurement.Analyzers(ml, Measurement.MachineLearning, Measurement.Suite, measureAllocations: false)),
                    await MedianOwn(runs, () => Measurement.Analyzers(large, Measurement.MachineLearning, Measurement.Suite, measureAllocations: false))));
                var (one, four) = await Measurement.WithCollector(async () => (
                    await Median(runs, () => Measurement.Analyzers(ml, Measurement.MachineLearning, Measurement.Unmeasured, measureAllocations: false)),
                    await Median(runs, () => Measurement.Analyzers(large, Measurement.MachineLearning, Measurement.Unmeasured, measureAllocations: false))));
                Console.WriteLine(string.Create(culture, $"the suite's own code, pauses left out: {ownOne.Own.TotalMilliseconds:0.0} ms at 1x, {ownFour.Own.TotalMilliseconds:0.0} ms at 4x; scaling={ownFour.Own / (4 * ownOne.Own):0.00}"));
                Console.WriteLine(string.Create(culture, $"the suite as users load it, pauses inside the callbacks included (the whole runs paused {one.Paused.TotalMilliseconds:0} ms and {four.Paused.TotalMilliseconds:0} ms): {one.Time.TotalMilliseconds:0.0} ms at 1x, {four.Time.TotalMilliseconds:0.0} ms at 4x; {four.Time / (4 * one.Time):0.00}"));
                return 0;
            }

            if (args.Contains("--suite"))
            {
                // Diagnosis, between changes: the suite as users load it against the compiler, the
                // budget lines' time and allocations only, in about a minute. The least of seven
                // runs as well as their median: on a shared machine the least is the steadier figure.
                Measurement.CompilerOnly(ml, Measurement.MachineLearning);
                await Measurement.Analyzers(ml, Measurement.MachineLearning, Measurement.Unmeasured);
                var compiled = await Median(3, () => Task.FromResult(Measurement.CompilerOnly(ml, Measurement.MachineLearning)));
                var runs = new List<Cost>();
                for (var i = 0; i < 7; i++)
                {
                    runs.Add(await Measurement.Analyzers(ml, Measurement.MachineLearning, Measurement.Unmeasured));
                }

                var times = runs.Select(r => r.Time).OrderBy(t => t).ToList();
                var allocated = runs.Select(r => r.Allocated).OrderBy(a => a).ToList()[runs.Count / 2];
                Console.WriteLine(string.Create(culture, $"compile {compiled.Time.TotalMilliseconds:0} ms, {compiled.Allocated / 1_048_576.0:0} MB; suite least {times[0].TotalMilliseconds:0.0} ms, median {times[runs.Count / 2].TotalMilliseconds:0.0} ms, {allocated / 1_048_576.0:0.0} MB; overhead_ml={times[runs.Count / 2] / compiled.Time:0.0000} (least {times[0] / compiled.Time:0.0000}) alloc_ratio={(double)allocated / compiled.Allocated:0.0000}"));
                return 0;
            }

            if (args.Contains("--build"))
            {
                // The cost inside a real dotnet build, as Roslyn's ReportAnalyzer gives it (README).
                return BuildCost.Run(files, culture);
            }

            if (args.Contains("--generator"))
            {
                // The generator as the driver runs it, on a compiled compilation, timed by the driver.
                for (var i = 0; i < 3; i++)
                {
                    var cost = Measurement.CompilerOnly(ml, Measurement.MachineLearning, withGenerator: true);
                    var compiled = Measurement.Compile(ml, Measurement.MachineLearning);
                    compiled.GetDiagnostics();
                    var empty = Microsoft.CodeAnalysis.CSharp.CSharpGeneratorDriver.Create(new EmptyGenerator()).RunGenerators(compiled).GetTimingInfo().ElapsedTime;
                    var watch = System.Diagnostics.Stopwatch.StartNew();
                    var ours = Microsoft.CodeAnalysis.CSharp.CSharpGeneratorDriver.Create(new EffectiveML.Analyzers.Rules.Versatility.PipelineFactoryManifestGenerator()).RunGenerators(compiled);
                    Console.WriteLine($"generator as the driver runs it: {cost.Generator.TotalMilliseconds:0.0} ms; a generator that does nothing: {empty.TotalMilliseconds:0.0} ms; ours again on a compilation the empty one ran on: {ours.GetTimingInfo().ElapsedTime.TotalMilliseconds:0.0} ms ({watch.Elapsed.TotalMilliseconds:0.0} ms on the clock)");
                }

                // Diagnosis: where the pipeline-factory generator's time goes on the ML corpus.
                for (var i = 0; i < 3; i++)
                {
                    var compilation = Measurement.Compile(ml, Measurement.MachineLearning);
                    compilation.GetDiagnostics();
                    var symbols = EffectiveML.Analyzers.Model.KnownSymbols.TryCreate(compilation)!;
                    var watch = System.Diagnostics.Stopwatch.StartNew();
                    var candidates = new List<(Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax Method, SemanticModel Model)>();
                    foreach (var tree in compilation.SyntaxTrees)
                    {
                        var semantic = compilation.GetSemanticModel(tree);
                        candidates.AddRange(tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax>()
                            .Where(m => m.ReturnType.ToString().Contains("IEstimator", StringComparison.Ordinal)).Select(m => (m, semantic)));
                    }

                    var walk = watch.Elapsed;
                    watch.Restart();
                    var declared = candidates.Select(c => c.Model.GetDeclaredSymbol(c.Method)).ToList();
                    var declaring = watch.Elapsed;
                    watch.Restart();
                    var catalogs = 0;
                    foreach (var (method, semantic) in candidates)
                    {
                        foreach (var access in method.DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax>().Where(m => m.Name.Identifier.ValueText == "Trainers"))
                        {
                            if (symbols.Api.IsTrainerCatalog(semantic.GetSpeculativeTypeInfo(access.SpanStart, access, SpeculativeBindingOption.BindAsExpression).Type))
                            {
                                catalogs++;
                            }
                        }
                    }

                    Console.Write($"speculative catalogs {watch.Elapsed.TotalMilliseconds:0} ms ({catalogs}); ");
                    watch.Restart();
                    var operations = candidates.Select(c => c.Model.GetOperation((SyntaxNode?)c.Method.Body ?? c.Method.ExpressionBody!)!).ToList();
                    var binding = watch.Elapsed;
                    watch.Restart();
                    var trained = operations.Count(o => new EffectiveML.Analyzers.Model.MemberModel(EffectiveML.Analyzers.Model.ValueTracker.MemberRoot(o), symbols).Sites.ReturnsPipelineWithTrainer());
                    Console.WriteLine($"{candidates.Count} candidates: walk {walk.TotalMilliseconds:0} ms, declared symbols {declaring.TotalMilliseconds:0} ms, binding bodies {binding.TotalMilliseconds:0} ms, member models {watch.Elapsed.TotalMilliseconds:0} ms ({trained} factories)");
                }

                return 0;
            }

            if (args.Contains("--findings"))
            {
                // The findings per rule on each corpus and their density per 1,000 lines.
                var scale = Corpus.Mistakes;
                Corpus.Mistakes = 0;
                var correct = Corpus.Budget(files);
                Corpus.Mistakes = scale;
                foreach (var (name, sources) in new[] { ("dense", Corpus.Dense(files)), ("budget", Corpus.Budget(files)), ("budget without its drawn mistakes", correct) })
                {
                    var found = await Measurement.Findings(Measurement.Parse(sources), Measurement.MachineLearning);
                    foreach (var error in Measurement.Compile(Measurement.Parse(sources), Measurement.MachineLearning).GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Take(args.Contains("--errors") ? 20 : 0))
                    {
                        Console.WriteLine($"  {error}");
                    }

                    var sourceLines = Corpus.Lines(sources);
                    Console.WriteLine(string.Create(culture, $"{name}: {files} files, {sourceLines} lines, {found.Values.Sum()} findings, density={1000.0 * found.Values.Sum() / sourceLines:0.0}"));
                    Console.WriteLine("  " + string.Join(" ", found.Select(f => $"{f.Key}={f.Value}")));
                }

                return 0;
            }

            if (args.Contains("--suite-only"))
            {
                // For a profiler: the suite alone, unmeasured, again and again, on the ML corpus
                // (--runs N, 10 by default: more to make the first run's compiling of code count less).
                for (var i = 0; i < (ArgumentAfter(args, "--runs") ?? 10); i++)
                {
                    var run = await Measurement.Analyzers(ml, Measurement.MachineLearning, Measurement.Unmeasured, measureAllocations: false);
                    Console.WriteLine($"suite {run.Time.TotalMilliseconds:0} ms; {Measurement.RunsWithoutGC} of {Measurement.MeasuredRuns} runs without a collection");
                }

                return 0;
            }

            if (args.Contains("--allocations"))
            {
                // Diagnosis: the types the suite allocates beyond the baseline, from sampled allocation ticks.
                await Measurement.Analyzers(ml, Measurement.MachineLearning, Measurement.Suite);
                using var listener = new AllocationTypes();
                var baseline = new Dictionary<string, long>();
                listener.Recording = true;
                for (var i = 0; i < 5; i++)
                {
                    await Measurement.Analyzers(ml, Measurement.MachineLearning, ImmutableArray<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>.Empty);
                }

                listener.Recording = false;
                foreach (var (type, bytes) in listener.Top(int.MaxValue))
                {
                    baseline[type] = bytes;
                }

                listener.Bytes.Clear();
                listener.Recording = true;
                for (var i = 0; i < 5; i++)
                {
                    await Measurement.Analyzers(ml, Measurement.MachineLearning, Measurement.Suite);
                }

                listener.Recording = false;
                foreach (var (type, bytes) in listener.Top(int.MaxValue).Select(p => (p.Type, Bytes: p.Bytes - baseline.GetValueOrDefault(p.Type))).OrderByDescending(p => p.Bytes).Take(args.Contains("--all") ? int.MaxValue : 40))
                {
                    Console.WriteLine($"{bytes / 5 / 1024.0,10:0} KB per run  {type}");
                }

                return 0;
            }

            if (args.Contains("--allocation-split"))
            {
                // Diagnosis: what the suite allocates inside each rule's callbacks and in building the
                // model parts (measured on the callbacks' threads, Roslyn's work they ask for
                // included), against all it allocates beyond the do-nothing analyzer.
                await Measurement.Analyzers(ml, Measurement.MachineLearning, Measurement.Suite);
                for (var i = 0; i < 3; i++)
                {
                    var run = await Measurement.Analyzers(ml, Measurement.MachineLearning, Measurement.Suite);
                    var rows = Measurement.AllocatedPerRow().ToList();
                    var inside = rows.Sum(r => r.Bytes);
                    Console.WriteLine(string.Create(culture, $"run {i + 1}: {run.Findings} findings; beyond the do-nothing analyzer {run.Allocated / 1_048_576.0:0.0} MB, inside the timed callbacks {inside / 1_048_576.0:0.0} MB, elsewhere (member walks, type starts, the driver, Roslyn's checks of the findings) {(run.Allocated - inside) / 1_048_576.0:0.0} MB"));
                    if (i == 2)
                    {
                        foreach (var (name, bytes) in rows.OrderByDescending(r => r.Bytes).Take(20))
                        {
                            Console.WriteLine(string.Create(culture, $"  {bytes / 1024.0,8:0} KB  {name}"));
                        }
                    }
                }

                return 0;
            }

            if (args.Contains("--report-cost"))
            {
                // Diagnosis: what reporting a finding inside a method body costs, by where it is reported.
                for (var i = 0; i < 3; i++)
                {
                    foreach (var where in Enum.GetValues<ReportAtLocalCreations.Where>())
                    {
                        var analyzer = new ReportAtLocalCreations(where);
                        var run = await Measurement.Analyzers(ml, Measurement.MachineLearning, ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(analyzer));
                        Console.WriteLine($"{where,-18} {analyzer.Found,6} findings: telemetry {run.Time.TotalMilliseconds,6:0.0} ms, elapsed beyond do-nothing {run.Wall.TotalMilliseconds,6:0} ms, {run.Allocated / 1_048_576.0,6:0.0} MB");
                    }

                    foreach (var shape in new[] { Measurement.DriverShape.MemberAction, Measurement.DriverShape.TypeScope, Measurement.DriverShape.TypeEndOnly, Measurement.DriverShape.TypeSymbolAction, Measurement.DriverShape.MemberSymbolActions })
                    {
                        var run = await Measurement.Analyzers(ml, Measurement.MachineLearning, ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(shape));
                        Console.WriteLine($"{shape.Name,-42}: telemetry {run.Time.TotalMilliseconds,6:0.0} ms, elapsed beyond do-nothing {run.Wall.TotalMilliseconds,6:0} ms, {run.Allocated / 1_048_576.0,6:0.0} MB");
                    }
                }

                return 0;
            }

            if (args.Contains("--floor"))
            {
                // Diagnosis: what the analyzer driver charges any analyzer, before a rule decides
                // anything: one callback per member, and the generated-code check the driver runs
                // on a file the first time an analyzer reports a diagnostic in it.
                Measurement.CompilerOnly(ml, Measurement.MachineLearning);
                var compiled = Measurement.CompilerOnly(ml, Measurement.MachineLearning);
                for (var i = 0; i < 4; i++)
                {
                    var member = await Measurement.Analyzers(ml, Measurement.MachineLearning, ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(Measurement.DriverShape.MemberAction), measureAllocations: false);
                    var report = await Measurement.Analyzers(ml, Measurement.MachineLearning, ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(new Measurement.ReportOncePerFile()), measureAllocations: false);
                    var unfiltered = await Measurement.Analyzers(ml, Measurement.MachineLearning, ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(new Measurement.ReportOncePerFileUnfiltered()), measureAllocations: false);
                    var typeScope = await Measurement.Analyzers(ml, Measurement.MachineLearning, ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(Measurement.DriverShape.TypeScope));
                    var suiteFloor = (member.Time * Measurement.Suite.Length) + unfiltered.Time;
                    if (i == 0)
                    {
                        continue; // warm-up
                    }

                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"compile {compiled.Time.TotalMilliseconds:0} ms; empty member action {member.Time.TotalMilliseconds:0.00} ms (x{Measurement.Suite.Length} analyzers = {(member.Time * Measurement.Suite.Length).TotalMilliseconds:0.0} ms); first report per file {report.Time.TotalMilliseconds:0.0} ms with reports filtered for generated code, {unfiltered.Time.TotalMilliseconds:0.0} ms without (EffectiveML's setting); floor of the suite {suiteFloor / compiled.Time:0.0000} of compile time; an empty type-scoped rule {typeScope.Time.TotalMilliseconds:0.0} ms, {typeScope.Allocated / 1_048_576.0:0.0} MB"));
                }

                return 0;
            }

            if (args.Contains("--each"))
            {
                // Diagnosis: each analyzer the compiler loads alone, then each hosted rule alone, to find
                // where time and allocations go; --only <class name> picks one.
                var only = Array.IndexOf(args, "--only") is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;
                await Measurement.Analyzers(ml, Measurement.MachineLearning, Measurement.Suite);
                foreach (var (name, analyzer) in Measurement.EachRule.Prepend(("EffectiveMLSuiteAnalyzer", Measurement.Unmeasured[0])).Where(a => only is null || a.Item1 == only))
                {
                    var alone = await Measurement.Analyzers(ml, Measurement.MachineLearning, System.Collections.Immutable.ImmutableArray.Create(analyzer));
                    Console.WriteLine($"{name,-52} {alone.Time.TotalMilliseconds,8:0.0} ms {alone.Allocated / 1_048_576.0,8:0.0} MB");
                }

                return 0;
            }

            var clock = System.Diagnostics.Stopwatch.StartNew();
            var phases = new List<string>();
            void Phase(string name)
            {
                phases.Add(string.Create(culture, $"{name} {clock.Elapsed.TotalSeconds:0} s"));
                clock.Restart();
            }

            var plain = Measurement.Parse(Corpus.Ordinary(files));
            var ml4 = Measurement.Parse(corpus(files * 4));
            var stress = Measurement.Parse(Corpus.Dense(files));
            var lines = Corpus.Lines(ml.Select(t => t.ToString()));
            var stressLines = Corpus.Lines(stress.Select(t => t.ToString()));
            Console.WriteLine(string.Create(culture, $"corpora: {(dense ? "dense" : "budget")} ML {files} files / {lines} lines; non-ML {files} files / {Corpus.Lines(plain.Select(t => t.ToString()))} lines; 4x ML {files * 4} files; dense (stress) {files} files / {stressLines} lines"));
            Console.WriteLine($"suite: {Measurement.Rows.Count(r => r.IsRule)} rules in {Measurement.Suite.Length} {(Measurement.Suite.Length == 1 ? "analyzer" : "analyzers")} and one source generator; peer: Meziantou.Analyzer, {PeerRules} rules in {Measurement.Peer.Length} analyzers; {repetitions} repetitions, medians{(quick ? " (one for the non-ML corpus, the compiler's own scaling and the dense corpus)" : string.Empty)}");

            // Warm up the JIT and the reference metadata before anything is timed, on a slice of the
            // corpus: the code that runs is the same at any size (the suite's warm-up also runs the
            // do-nothing analyzer alone, the baseline of every allocation figure).
            var warm = ml.Take(Math.Max(1, files / 10)).ToList();
            Measurement.CompilerOnly(warm, Measurement.MachineLearning, withGenerator: true);
            await Measurement.Analyzers(warm, Measurement.MachineLearning, Measurement.Suite);
            await Measurement.Analyzers(warm, Measurement.MachineLearning, Measurement.Unmeasured);
            await Measurement.Analyzers(warm, Measurement.MachineLearning, Measurement.Peer, measureAllocations: false);
            Phase("warm-up");

            // One measurement at a time: each awaits the last, so no two runs share the cores.
            // The compiler alone, then the package's generator on the compilation it finished.
            var compile = await Median(repetitions, () => Task.FromResult(Measurement.CompilerOnly(ml, Measurement.MachineLearning, withGenerator: true)));
            var generator = compile.Generator;
            // The denominator of overhead_nonml, whose numerator is the compilation-start check and the generator's reference check: once is enough in quick mode.
            var compileNonMl = await Median(quick ? 1 : repetitions, () => Task.FromResult(Measurement.CompilerOnly(plain, Measurement.Framework, withGenerator: true)));
            var generatorNonMl = compileNonMl.Generator;
            Phase("compiler");
            // What users load, without the benchmark's clocks: the budget lines' time, allocations and elapsed time.
            var shipped = await Median(repetitions, () => Measurement.Analyzers(ml, Measurement.MachineLearning, Measurement.Unmeasured));
            var findings = shipped.Findings;
            var density = 1000.0 * findings / lines;
            Phase("suite");
            // The same with a clock in the suite, which splits its time per rule but adds timestamps of its own.
            var suite = await Median(repetitions, () => Measurement.Analyzers(ml, Measurement.MachineLearning, Measurement.Suite, measureAllocations: false));
            // Without ML references every analyzer stops at compilation start and the generator at its reference check: once is enough in quick mode.
            var suiteNonMl = await Median(quick ? 1 : repetitions, () => Measurement.Analyzers(plain, Measurement.Framework, Measurement.Suite, measureAllocations: false));
            Phase("timed rules");
            var peer = await Median(repetitions, () => Measurement.Analyzers(ml, Measurement.MachineLearning, Measurement.Peer, measureAllocations: !quick));
            Phase("peer");
            // Scaling: the suite's own code (its clocks: the rules and the model parts) with the
            // collector running and its pauses left out, at both sizes (README).
            var (collected, collected4) = await Measurement.WithCollector(async () => (
                await MedianOwn(repetitions, () => Measurement.Analyzers(ml, Measurement.MachineLearning, Measurement.Suite, measureAllocations: false)),
                await MedianOwn(repetitions, () => Measurement.Analyzers(ml4, Measurement.MachineLearning, Measurement.Suite, measureAllocations: false))));
            // Context, not a budget line: measured once in quick mode to stay under three minutes.
            var (compileCollected, compileCollected4) = await Measurement.WithCollector(async () => (
                await Median(quick ? 1 : repetitions, () => Task.FromResult(Measurement.CompilerOnly(ml, Measurement.MachineLearning))),
                await Median(quick ? 1 : repetitions, () => Task.FromResult(Measurement.CompilerOnly(ml4, Measurement.MachineLearning)))));
            Phase("scaling");
            // The stress figure: the dense corpus, no budget.
            var stressCompile = await Median(quick ? 1 : repetitions, () => Task.FromResult(Measurement.CompilerOnly(stress, Measurement.MachineLearning)));
            var stressSuite = await Median(quick ? 1 : repetitions, () => Measurement.Analyzers(stress, Measurement.MachineLearning, Measurement.Unmeasured));
            var stressFindings = stressSuite.Findings;
            Phase("dense");

            Console.WriteLine();
            Console.WriteLine(string.Create(culture, $"compiler alone, ML corpus: {compile.Time.TotalMilliseconds:0} ms ({compile.Cpu.TotalMilliseconds:0} ms CPU), {compile.Allocated / 1_048_576.0:0} MB, {compile.Findings} errors; non-ML: {compileNonMl.Time.TotalMilliseconds:0} ms; findings on the ML corpus: {findings} ({density:0.0} per 1,000 lines), on the dense corpus {stressFindings} ({1000.0 * stressFindings / stressLines:0.0})"));
            Console.WriteLine();
            Console.WriteLine("| rule | IDs | ML corpus (ms) | share of compile | non-ML (ms) |");
            Console.WriteLine("|---|---|---|---|---|");
            foreach (var (name, ids, _) in Measurement.Rows)
            {
                var time = suite.PerAnalyzer[name];
                Console.WriteLine($"| {name} | {ids} | {time.TotalMilliseconds.ToString("0.0", culture)} | {(time / compile.Time).ToString("0.0000", culture)} | {suiteNonMl.PerAnalyzer.GetValueOrDefault(name).TotalMilliseconds.ToString("0.0", culture)} |");
            }

            var rules = Measurement.Rows.Where(r => r.IsRule).ToList();
            var worst = rules.Max(r => suite.PerAnalyzer[r.Name] / compile.Time);
            // Per rule, the suite's shared work included: the whole suite's time over its rules.
            var ourMean = shipped.Time.TotalMilliseconds / rules.Count;
            // Per rule on both sides: a rule is a diagnostic ID, whatever analyzer class reports it.
            var peerMean = peer.Time.TotalMilliseconds / Math.Max(1, PeerRules);
            var overheadMl = (shipped.Time + generator) / compile.Time;
            var overheadNonMl = (suiteNonMl.Time + generatorNonMl) / compileNonMl.Time;
            var scaling = collected4.Own / (4 * collected.Own);
            var allocRatio = (double)shipped.Allocated / compile.Allocated;
            Console.WriteLine();
            Console.WriteLine(string.Create(culture, $"suite {shipped.Time.TotalMilliseconds:0.0} ms on ML as users load it ({suite.Time.TotalMilliseconds:0.0} ms with the rules timed for the table), {suiteNonMl.Time.TotalMilliseconds:0.0} ms on non-ML; generator {generator.TotalMilliseconds:0.0} ms on ML, {generatorNonMl.TotalMilliseconds:0.00} ms on non-ML; peer {peer.Time.TotalMilliseconds:0.0} ms on ML ({peerMean:0.00} ms per rule, {peer.Time.TotalMilliseconds / Measurement.Peer.Length:0.00} per analyzer; ours {ourMean:0.00} per rule); worst rule {worst:0.0000} of compile time, the shared work {(suite.PerAnalyzer[Measurement.Parts] + suite.PerAnalyzer[Measurement.Shared]) / compile.Time:0.0000} (model parts {suite.PerAnalyzer[Measurement.Parts] / compile.Time:0.0000})"));
            Console.WriteLine(string.Create(culture, $"scaling, with the collector on: the suite's own code (rules and model parts, its clocks leaving the pauses out) {collected.Own.TotalMilliseconds:0.0} ms at 1x, {collected4.Own.TotalMilliseconds:0.0} ms at 4x; Roslyn's telemetry of the same runs, which counts the pauses inside the callbacks (the whole runs paused {collected.Paused.TotalMilliseconds:0} ms and {collected4.Paused.TotalMilliseconds:0} ms), {collected.Time.TotalMilliseconds:0.0} and {collected4.Time.TotalMilliseconds:0.0} ms ({collected4.Time / (4 * collected.Time):0.00}); the compiler's own: {compileCollected4.Time / (4 * compileCollected.Time):0.00} with its pauses left out, {(compileCollected4.Time + compileCollected4.Paused) / (4 * (compileCollected.Time + compileCollected.Paused)):0.00} with them"));
            Console.WriteLine(string.Create(culture, $"beyond the same run with only the do-nothing analyzer: elapsed {shipped.Wall.TotalMilliseconds:0} ms ({shipped.Wall / compile.Time:0.000} of compile time), process CPU {shipped.Cpu.TotalMilliseconds:0} ms ({shipped.Cpu / compile.Cpu:0.000} of the compiler's CPU time); telemetry sees {shipped.Time.TotalMilliseconds:0} ms{(quick ? string.Empty : $"; peer elapsed {peer.Wall.TotalMilliseconds:0} ms, CPU {peer.Cpu.TotalMilliseconds:0} ms (telemetry {peer.Time.TotalMilliseconds:0} ms)")}"));
            Console.WriteLine($"allocations beyond the driver's operation trees: suite {shipped.Allocated / 1_048_576.0:0.0} MB, peer {(quick ? "not measured in quick mode" : $"{peer.Allocated / 1_048_576.0:0.0} MB")}; compiler alone {compile.Allocated / 1_048_576.0:0.0} MB");
            Console.WriteLine($"{Measurement.RunsWithoutGC} of {Measurement.MeasuredRuns} runs measured inside no-GC regions ran without a garbage collection");
            Console.WriteLine("time per phase: " + string.Join(", ", phases));
            if (!quick)
            {
                BenchmarkRunner.Run<CompileBenchmarks>();
            }

            Console.WriteLine(string.Create(culture, $"dense corpus (stress, no budget): overhead_ml={stressSuite.Time / stressCompile.Time:0.0000} alloc_ratio={(double)stressSuite.Allocated / stressCompile.Allocated:0.0000} cpu_ratio={stressSuite.Cpu / stressCompile.Cpu:0.0000} density={1000.0 * stressFindings / stressLines:0.0}"));
            Console.WriteLine(string.Create(culture, $"overhead_ml={overheadMl:0.0000} overhead_nonml={overheadNonMl:0.0000} per_rule_vs_peer={ourMean / peerMean:0.00} scaling={scaling:0.00} alloc_ratio={allocRatio:0.0000} max_rule={worst:0.0000} cpu_ratio={shipped.Cpu / compile.Cpu:0.0000} density={density:0.0}"));
            var within = overheadMl <= 0.05 && overheadNonMl <= 0.005 && ourMean / peerMean <= 1.0 && scaling <= 1.2 && allocRatio <= 0.10 && worst <= 0.015;
            Console.WriteLine(within ? "every budget line holds" : "over budget: " + string.Join(", ", new[]
            {
                overheadMl > 0.05 ? "overhead_ml" : null,
                overheadNonMl > 0.005 ? "overhead_nonml" : null,
                ourMean / peerMean > 1.0 ? "per_rule_vs_peer" : null,
                scaling > 1.2 ? "scaling" : null,
                allocRatio > 0.10 ? "alloc_ratio" : null,
                worst > 0.015 ? "max_rule" : null,
            }.Where(n => n is not null)));
            return 0;
        }

        private static int CountOperations(IOperation operation)
        {
            var count = 1;
            foreach (var child in operation.ChildOperations)
            {
                count += CountOperations(child);
            }

            return count;
        }

        /// <summary>Registers an output on the compilation and does nothing: what the generator driver costs any generator.</summary>
        private sealed class EmptyGenerator : IIncrementalGenerator
        {
            public void Initialize(IncrementalGeneratorInitializationContext context) =>
                context.RegisterSourceOutput(context.CompilationProvider, static (_, _) => { });
        }

        private static int PeerRules => Measurement.Peer.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct().Count();

        private static async Task<Cost> Median(int repetitions, Func<Task<Cost>> measure)
        {
            var costs = new List<Cost>();
            for (var i = 0; i < repetitions; i++)
            {
                costs.Add(await measure());
            }

            var ordered = costs.OrderBy(c => c.Time).ToList();
            var median = ordered[ordered.Count / 2];
            var allocations = costs.Select(c => c.Allocated).OrderBy(a => a).ToList()[costs.Count / 2];
            var perAnalyzer = median.PerAnalyzer.Keys.ToDictionary(
                name => name,
                name => costs.Select(c => c.PerAnalyzer[name]).OrderBy(t => t).ToList()[costs.Count / 2]);
            var wall = costs.Select(c => c.Wall).OrderBy(w => w).ToList()[costs.Count / 2];
            var cpu = costs.Select(c => c.Cpu).OrderBy(w => w).ToList()[costs.Count / 2];
            var generator = costs.Select(c => c.Generator).OrderBy(g => g).ToList()[costs.Count / 2];
            return new Cost(median.Time, allocations, perAnalyzer, wall, cpu, median.Findings, generator, median.Paused);
        }

        /// <summary>The run with the median time measured inside our code (<see cref="Cost.Own"/>), and the median telemetry and pauses.</summary>
        private static async Task<Cost> MedianOwn(int repetitions, Func<Task<Cost>> measure)
        {
            var costs = new List<Cost>();
            for (var i = 0; i < repetitions; i++)
            {
                costs.Add(await measure());
            }

            var own = costs.Select(c => c.Own).OrderBy(t => t).ToList()[costs.Count / 2];
            var time = costs.Select(c => c.Time).OrderBy(t => t).ToList()[costs.Count / 2];
            var paused = costs.Select(c => c.Paused).OrderBy(t => t).ToList()[costs.Count / 2];
            return new Cost(time, 0, costs[0].PerAnalyzer, Paused: paused, Own: own);
        }

        private static int? ArgumentAfter(string[] args, string name)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
        }
    }
}
