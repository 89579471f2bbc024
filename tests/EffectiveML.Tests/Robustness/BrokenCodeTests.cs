using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace EffectiveML.Tests.Robustness
{
    /// <summary>
    /// Broken-code fuzzing: at least 20,000 variants of every test and sample program (more with
    /// EFFECTIVEML_FUZZ_VARIANTS), each analyzed under a timeout, none may make an analyzer throw.
    /// </summary>
    public class BrokenCodeTests
    {
        private const int DefaultVariants = 20_000;
        private static readonly TimeSpan PerVariantTimeout = TimeSpan.FromSeconds(20);

        private readonly ITestOutputHelper _output;

        public BrokenCodeTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public async Task No_analyzer_throws_or_hangs_on_broken_variants_of_the_corpus()
        {
            var target = int.TryParse(Environment.GetEnvironmentVariable("EFFECTIVEML_FUZZ_VARIANTS"), out var configured) && configured > 0
                ? configured
                : DefaultVariants;
            var sources = FuzzCorpus.Sources;
            Assert.NotEmpty(sources);

            var perSource = (int)Math.Ceiling(target / (double)sources.Count);
            var variants = sources
                .SelectMany((source, index) => BrokenVariants.Of(index, source, perSource, seed: 20261127 + index))
                .ToList();
            Assert.True(variants.Count >= target, $"only {variants.Count} variants for a target of {target}");

            var failures = new ConcurrentQueue<string>();
            var examined = 0;
            var stopwatch = Stopwatch.StartNew();
            await Parallel.ForEachAsync(variants, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, async (variant, _) =>
            {
                using var timeout = new CancellationTokenSource(PerVariantTimeout);
                try
                {
                    var compilation = AnalysisRunner.Compile(variant.Text);
                    var (_, thrown) = await AnalysisRunner.AnalyzeAsync(compilation, timeout.Token, concurrent: false);
                    foreach (var failure in thrown)
                    {
                        failures.Enqueue($"source {variant.Source}, {variant.Kind} at {variant.Position}: {failure}");
                    }
                }
                catch (OperationCanceledException) when (timeout.IsCancellationRequested)
                {
                    failures.Enqueue($"source {variant.Source}, {variant.Kind} at {variant.Position}: no answer within {PerVariantTimeout.TotalSeconds} s");
                }

                Interlocked.Increment(ref examined);
            });

            _output.WriteLine($"{examined} broken variants of {sources.Count} programs examined in {stopwatch.Elapsed.TotalSeconds:0} s; {failures.Count} failures");
            Assert.True(failures.IsEmpty, string.Join(Environment.NewLine, failures.Take(20)));
            Assert.Equal(variants.Count, examined);
        }

        [Fact]
        public async Task No_code_fix_throws_on_broken_variants_it_is_offered_for()
        {
            // A smaller, separate sample: fixes need a workspace per variant, which costs more than analysis.
            var variants = FuzzCorpus.Sources
                .SelectMany((source, index) => BrokenVariants.Of(index, source, 12, seed: 7_000 + index))
                .ToList();
            var failures = new ConcurrentQueue<string>();
            var actionsApplied = 0;
            await Parallel.ForEachAsync(variants, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, async (variant, _) =>
            {
                using var timeout = new CancellationTokenSource(PerVariantTimeout);
                try
                {
                    var project = CodeFixRunner.CreateProject(new[] { ("Variant.cs", variant.Text) });
                    var document = project.Documents.Single();
                    var (diagnostics, _) = await AnalysisRunner.AnalyzeAsync((await project.GetCompilationAsync(timeout.Token))!, timeout.Token, concurrent: false);
                    foreach (var diagnostic in diagnostics.Where(d => d.Location.IsInSource && SuiteCatalogFixable(d.Id)))
                    {
                        foreach (var action in await CodeFixRunner.ActionsFor(document, diagnostic, timeout.Token))
                        {
                            await CodeFixRunner.ApplyAsync(action, project.Solution, timeout.Token);
                            Interlocked.Increment(ref actionsApplied);
                        }
                    }
                }
                catch (OperationCanceledException) when (timeout.IsCancellationRequested)
                {
                    failures.Enqueue($"source {variant.Source}, {variant.Kind} at {variant.Position}: no answer within {PerVariantTimeout.TotalSeconds} s");
                }
                catch (Exception exception)
                {
                    failures.Enqueue($"source {variant.Source}, {variant.Kind} at {variant.Position}: {exception}");
                }
            });

            _output.WriteLine($"{actionsApplied} code actions applied on {variants.Count} broken variants; {failures.Count} failures");
            Assert.True(failures.IsEmpty, string.Join(Environment.NewLine, failures.Take(20)));
            Assert.True(actionsApplied > 0, "no code action was offered on any variant");
        }

        private static bool SuiteCatalogFixable(string id) => Infrastructure.SuiteCatalog.FixableIds.Contains(id);
    }
}
