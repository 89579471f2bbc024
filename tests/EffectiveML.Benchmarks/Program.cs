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
            var files = ArgumentAfter(args, "--files") ?? 500;
            var repetitions = quick ? 3 : 9;
            var culture = CultureInfo.InvariantCulture;

            if (args.Contains("--with-gc"))
            {
                // Diagnosis: measure with the collector running, as a build does, instead of inside no-GC regions.
                Measurement.NoGCBudget = 0;
            }

            var ml = Measurement.Parse(Corpus.MachineLearning(files));
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
                    foreach (var root in roots)
                    {
                        _ = new EffectiveML.Analyzers.Model.MemberModel(root, symbols);
                    }

                    Console.WriteLine($"{roots.Count} members, {count} operations: walk {walk.TotalMilliseconds:0.0} ms, models {watch.Elapsed.TotalMilliseconds:0.0} ms");
                }

                return 0;
            }

            if (args.Contains("--scaling"))
            {
                // The scaling budget line alone, for the suite as users load it: 1x and 4x size with
                // the collector running and its pauses left out, median of --runs (default 7).
                var large = Measurement.Parse(Corpus.MachineLearning(files * 4));
                var runs = ArgumentAfter(args, "--runs") ?? 7;
                await Measurement.Analyzers(ml, Measurement.MachineLearning, Measurement.Unmeasured);
                var (one, four) = await Measurement.WithCollector(async () => (
                    await Median(runs, () => Measurement.Analyzers(ml, Measurement.MachineLearning, Measurement.Unmeasured, measureAllocations: false)),
                    await Median(runs, () => Measurement.Analyzers(large, Measurement.MachineLearning, Measurement.Unmeasured, measureAllocations: false))));
                Console.WriteLine(string.Create(culture, $"suite as users load it, collector on, its pauses left out: {one.Time.TotalMilliseconds:0.0} ms at 1x, {four.Time.TotalMilliseconds:0.0} ms at 4x; scaling={four.Time / (4 * one.Time):0.00}"));
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

            if (args.Contains("--findings"))
            {
                // The findings per rule on each corpus and their density per 1,000 lines.
                Corpus.Mistakes = 0;
                var correct = Corpus.Budget(files);
                Corpus.Mistakes = 1;
                foreach (var (name, sources) in new[] { ("dense", Corpus.MachineLearning(files)), ("budget", Corpus.Budget(files)), ("budget without its drawn mistakes", correct) })
                {
                    var findings = await Measurement.Findings(Measurement.Parse(sources), Measurement.MachineLearning);
                    foreach (var error in Measurement.Compile(Measurement.Parse(sources), Measurement.MachineLearning).GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Take(args.Contains("--errors") ? 20 : 0))
                    {
                        Console.WriteLine($"  {error}");
                    }

                    var lines = Corpus.Lines(sources);
                    Console.WriteLine(string.Create(culture, $"{name}: {files} files, {lines} lines, {findings.Values.Sum()} findings, density={1000.0 * findings.Values.Sum() / lines:0.0}"));
                    Console.WriteLine("  " + string.Join(" ", findings.Select(f => $"{f.Key}={f.Value}")));
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

            var plain = Measurement.Parse(Corpus.Ordinary(files));
            var ml4 = Measurement.Parse(Corpus.MachineLearning(files * 4));
            var corpusErrors = Measurement.Compile(ml, Measurement.MachineLearning).GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);
            Console.WriteLine($"corpora: ML {files} files / {Corpus.Lines(ml.Select(t => t.ToString()))} lines ({corpusErrors} compile errors); non-ML {files} files / {Corpus.Lines(plain.Select(t => t.ToString()))} lines; 4x ML {files * 4} files");
            Console.WriteLine($"suite: {Measurement.Rows.Count(r => r.IsRule)} rules in {Measurement.Suite.Length} {(Measurement.Suite.Length == 1 ? "analyzer" : "analyzers")}; peer: Meziantou.Analyzer, {PeerRules} rules in {Measurement.Peer.Length} analyzers; {repetitions} repetitions, medians{(quick ? " (one for the non-ML corpus and for the compiler's own scaling)" : string.Empty)}");

            // Warm up the JIT and the reference metadata before anything is timed (the suite's warm-up
            // also runs the do-nothing analyzer alone, the baseline of every allocation figure).
            Measurement.CompilerOnly(ml, Measurement.MachineLearning);
            await Measurement.Analyzers(ml, Measurement.MachineLearning, Measurement.Suite);
            await Measurement.Analyzers(ml, Measurement.MachineLearning, Measurement.Peer, measureAllocations: false);

            // One measurement at a time: each awaits the last, so no two runs share the cores.
            var compile = await Median(repetitions, () => Task.FromResult(Measurement.CompilerOnly(ml, Measurement.MachineLearning)));
            // The denominator of overhead_nonml, whose numerator is the compilation-start check alone: once is enough in quick mode.
            var compileNonMl = await Median(quick ? 1 : repetitions, () => Task.FromResult(Measurement.CompilerOnly(plain, Measurement.Framework)));
            // What users load, without the benchmark's clocks: the budget lines' time, allocations and elapsed time.
            var shipped = await Median(repetitions, () => Measurement.Analyzers(ml, Measurement.MachineLearning, Measurement.Unmeasured));
            // The same with a clock in the suite, which splits its time per rule but adds timestamps of its own.
            var suite = await Median(repetitions, () => Measurement.Analyzers(ml, Measurement.MachineLearning, Measurement.Suite, measureAllocations: false));
            // Without ML references every analyzer stops at compilation start: once is enough in quick mode.
            var suiteNonMl = await Median(quick ? 1 : repetitions, () => Measurement.Analyzers(plain, Measurement.Framework, Measurement.Suite, measureAllocations: false));
            var peer = await Median(repetitions, () => Measurement.Analyzers(ml, Measurement.MachineLearning, Measurement.Peer, measureAllocations: !quick));
            // Scaling with the collector running and its pauses left out, at both sizes (README).
            var (collected, collected4) = await Measurement.WithCollector(async () => (
                await Median(repetitions, () => Measurement.Analyzers(ml, Measurement.MachineLearning, Measurement.Suite, measureAllocations: false)),
                await Median(repetitions, () => Measurement.Analyzers(ml4, Measurement.MachineLearning, Measurement.Suite, measureAllocations: false))));
            // Context, not a budget line: measured once in quick mode to stay under three minutes.
            var (compileCollected, compileCollected4) = await Measurement.WithCollector(async () => (
                await Median(quick ? 1 : repetitions, () => Task.FromResult(Measurement.CompilerOnly(ml, Measurement.MachineLearning))),
                await Median(quick ? 1 : repetitions, () => Task.FromResult(Measurement.CompilerOnly(ml4, Measurement.MachineLearning)))));

            Console.WriteLine();
            Console.WriteLine($"compiler alone, ML corpus: {compile.Time.TotalMilliseconds:0} ms, {compile.Allocated / 1_048_576.0:0} MB; non-ML: {compileNonMl.Time.TotalMilliseconds:0} ms");
            Console.WriteLine();
            Console.WriteLine("| rule | IDs | ML corpus (ms) | share of compile | non-ML (ms) | collector on, ML (ms) | collector on, 4x ML (ms) | scaling |");
            Console.WriteLine("|---|---|---|---|---|---|---|---|");
            foreach (var (name, ids, _) in Measurement.Rows)
            {
                var time = suite.PerAnalyzer[name];
                var timeCollected = collected.PerAnalyzer[name];
                var time4 = collected4.PerAnalyzer[name];
                var ruleScaling = timeCollected > TimeSpan.Zero ? (time4 / (4 * timeCollected)).ToString("0.00", culture) : "-";
                Console.WriteLine($"| {name} | {ids} | {time.TotalMilliseconds.ToString("0.0", culture)} | {(time / compile.Time).ToString("0.0000", culture)} | {suiteNonMl.PerAnalyzer.GetValueOrDefault(name).TotalMilliseconds.ToString("0.0", culture)} | {timeCollected.TotalMilliseconds.ToString("0.0", culture)} | {time4.TotalMilliseconds.ToString("0.0", culture)} | {ruleScaling} |");
            }

            var rules = Measurement.Rows.Where(r => r.IsRule).ToList();
            var worst = rules.Max(r => suite.PerAnalyzer[r.Name] / compile.Time);
            // Per rule, the suite's shared work included: the whole suite's time over its rules.
            var ourMean = shipped.Time.TotalMilliseconds / rules.Count;
            // Per rule on both sides: a rule is a diagnostic ID, whatever analyzer class reports it.
            var peerMean = peer.Time.TotalMilliseconds / Math.Max(1, PeerRules);
            Console.WriteLine();
            Console.WriteLine($"suite {shipped.Time.TotalMilliseconds:0.0} ms on ML as users load it ({suite.Time.TotalMilliseconds:0.0} ms with the rules timed for the table), {suiteNonMl.Time.TotalMilliseconds:0.0} ms on non-ML; with the collector on, its pauses left out, {collected.Time.TotalMilliseconds:0.0} ms on ML and {collected4.Time.TotalMilliseconds:0.0} ms on 4x ML; peer {peer.Time.TotalMilliseconds:0.0} ms on ML ({peerMean.ToString("0.00", culture)} ms per rule, {(peer.Time.TotalMilliseconds / Measurement.Peer.Length).ToString("0.00", culture)} per analyzer; ours {ourMean.ToString("0.00", culture)} per rule); worst rule {worst.ToString("0.0000", culture)} of compile time, the shared work {(suite.PerAnalyzer[Measurement.Shared] / compile.Time).ToString("0.0000", culture)}");
            Console.WriteLine(string.Create(culture, $"for comparison, the compiler's own scaling at 4x size, measured the same way: {compileCollected4.Time / (4 * compileCollected.Time):0.00}"));
            Console.WriteLine(string.Create(culture, $"elapsed time of the analysis run beyond the same run with only the do-nothing analyzer: suite {shipped.Wall.TotalMilliseconds:0} ms, {shipped.Wall / compile.Time:0.000} of compile time (telemetry sees {shipped.Time.TotalMilliseconds:0} ms of it){(quick ? string.Empty : $"; peer {peer.Wall.TotalMilliseconds:0} ms (telemetry {peer.Time.TotalMilliseconds:0} ms)")}"));
            Console.WriteLine($"allocations beyond the driver's operation trees: suite {shipped.Allocated / 1_048_576.0:0.0} MB, peer {(quick ? "not measured in quick mode" : $"{peer.Allocated / 1_048_576.0:0.0} MB")}; compiler alone {compile.Allocated / 1_048_576.0:0.0} MB");

            Console.WriteLine($"{Measurement.RunsWithoutGC} of {Measurement.MeasuredRuns} runs measured inside no-GC regions ran without a garbage collection");
            if (!quick)
            {
                BenchmarkRunner.Run<CompileBenchmarks>();
            }

            Console.WriteLine(string.Create(culture, $"overhead_ml={shipped.Time / compile.Time:0.0000} overhead_nonml={suiteNonMl.Time / compileNonMl.Time:0.0000} per_rule_vs_peer={ourMean / peerMean:0.00} scaling={collected4.Time / (4 * collected.Time):0.00} alloc_ratio={(double)shipped.Allocated / compile.Allocated:0.0000} max_rule={worst:0.0000}"));
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
            return new Cost(median.Time, allocations, perAnalyzer, wall);
        }

        private static int? ArgumentAfter(string[] args, string name)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
        }
    }
}
