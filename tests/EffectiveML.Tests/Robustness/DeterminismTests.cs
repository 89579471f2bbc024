using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;

namespace EffectiveML.Tests.Robustness
{
    /// <summary>
    /// One large compilation (every corpus program as a file of its own), analyzed with concurrent
    /// execution again and again: the same diagnostics every time; and cancellation that stops it.
    /// </summary>
    public class DeterminismTests
    {
        private static Compilation Large() => AnalysisRunner.Compile(FuzzCorpus.Sources.ToArray());

        [Fact]
        public async Task Concurrent_runs_report_identical_diagnostics()
        {
            var compilation = Large();
            string[]? first = null;
            for (var run = 0; run < 4; run++)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
                var (diagnostics, failures) = await AnalysisRunner.AnalyzeAsync(compilation, timeout.Token, concurrent: true);
                Assert.Empty(failures);

                var rendered = diagnostics
                    .Where(d => d.Id.StartsWith("EML", StringComparison.Ordinal))
                    .Select(d => $"{d.Id} {d.Location.GetLineSpan()} {d.GetMessage()}")
                    .OrderBy(s => s, StringComparer.Ordinal)
                    .ToArray();
                Assert.NotEmpty(rendered);
                if (first is null)
                {
                    first = rendered;
                }
                else
                {
                    Assert.Equal(first, rendered);
                }

                // A fresh compilation each time: no state may carry over between analyses.
                compilation = compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(compilation.SyntaxTrees.Select(t => t.WithFilePath(t.FilePath)));
            }
        }

        [Fact]
        public async Task Cancellation_stops_the_analysis_promptly_with_OperationCanceledException_only()
        {
            var compilation = Large();
            using var cancellation = new CancellationTokenSource();
            var analysis = AnalysisRunner.AnalyzeAsync(compilation, cancellation.Token, concurrent: true);
            await Task.Delay(TimeSpan.FromMilliseconds(300));
            var stopwatch = Stopwatch.StartNew();
            cancellation.Cancel();

            var thrown = await Record.ExceptionAsync(() => analysis);

            Assert.True(thrown is null || thrown is OperationCanceledException, "unexpected exception: " + thrown);
            Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), $"analysis took {stopwatch.Elapsed.TotalSeconds:0.0} s to stop");
        }
    }
}
