using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EffectiveML.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace EffectiveML.Tests.Robustness
{
    /// <summary>Fix All for every fixable rule on samples/AntiPatterns (or AntiPatterns.TorchSharp), in memory: the fixed findings go, no compiler error comes.</summary>
    public class FixesCompileTests
    {
        private readonly ITestOutputHelper _output;

        public FixesCompileTests(ITestOutputHelper output) => _output = output;

        public static TheoryData<string> FixableRules()
        {
            var data = new TheoryData<string>();
            foreach (var id in SuiteCatalog.FixableIds.OrderBy(id => id, StringComparer.Ordinal))
            {
                data.Add(id);
            }

            return data;
        }

        [Theory]
        [MemberData(nameof(FixableRules))]
        public Task Fix_All_on_AntiPatterns_removes_the_findings_and_compiles(string ruleId) =>
            FixAllOnAntiPatterns(ruleId, asDotnetFormat: false);

        /// <summary>
        /// dotnet format asks a rule's fix about the first finding of the suite, here one of another
        /// rule, and passes on whatever key that gives, none here: the fix must still find its own.
        /// </summary>
        [Theory]
        [MemberData(nameof(FixableRules))]
        public Task Fix_All_as_dotnet_format_asks_for_it_removes_the_findings_and_compiles(string ruleId) =>
            FixAllOnAntiPatterns(ruleId, asDotnetFormat: true);

        private async Task FixAllOnAntiPatterns(string ruleId, bool asDotnetFormat)
        {
            // The ML.NET rules show in samples/AntiPatterns, the TorchSharp rules in its TorchSharp sibling.
            foreach (var sample in new[] { "AntiPatterns", "AntiPatterns.TorchSharp" })
            {
                if (await FixAllOnSample(sample, ruleId, asDotnetFormat))
                {
                    return;
                }
            }

            Assert.Fail($"neither samples/AntiPatterns nor samples/AntiPatterns.TorchSharp has a finding of {ruleId} that its fix applies to");
        }

        /// <summary>False when the sample has no finding of the rule that its fix applies to.</summary>
        private async Task<bool> FixAllOnSample(string sample, string ruleId, bool asDotnetFormat)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            var directory = Repository.PathOf("samples", sample);
            var project = CodeFixRunner.CreateProject(
                Directory.EnumerateFiles(directory, "*.cs").OrderBy(f => f, StringComparer.Ordinal).Select(f => (Path.GetFileName(f), File.ReadAllText(f))),
                OutputKind.ConsoleApplication);

            var before = (await project.GetCompilationAsync(timeout.Token))!;
            Assert.Empty(before.GetDiagnostics(timeout.Token).Where(d => d.Severity == DiagnosticSeverity.Error));
            var (diagnostics, failures) = await AnalysisRunner.AnalyzeAsync(before, timeout.Token);
            Assert.Empty(failures);

            var found = diagnostics.Where(d => d.Id == ruleId).ToList();
            var fixable = 0;
            foreach (var diagnostic in found)
            {
                if ((await CodeFixRunner.ActionsFor(project.GetDocument(diagnostic.Location.SourceTree)!, diagnostic, timeout.Token)).Count > 0)
                {
                    fixable++;
                }
            }

            if (fixable == 0)
            {
                return false;
            }

            var fixedProject = asDotnetFormat
                ? await CodeFixRunner.FixAllAsDotnetFormatAsync(project, ruleId, ForeignFirst(diagnostics, ruleId), timeout.Token)
                : await CodeFixRunner.FixAllAsync(project, ruleId, found, timeout.Token);
            var after = (await fixedProject.GetCompilationAsync(timeout.Token))!;
            Assert.Empty(after.GetDiagnostics(timeout.Token).Where(d => d.Severity == DiagnosticSeverity.Error));

            var (remaining, afterFailures) = await AnalysisRunner.AnalyzeAsync(after, timeout.Token);
            Assert.Empty(afterFailures);
            var stillFixable = 0;
            foreach (var diagnostic in remaining.Where(d => d.Id == ruleId))
            {
                if ((await CodeFixRunner.ActionsFor(fixedProject.GetDocument(diagnostic.Location.SourceTree)!, diagnostic, timeout.Token)).Count > 0)
                {
                    stillFixable++;
                }
            }

            _output.WriteLine($"{ruleId} in samples/{sample}: {found.Count} found, {fixable} fixable, {stillFixable} fixable after Fix All");
            Assert.Equal(0, stillFixable);
            return true;
        }

        /// <summary>All of the suite's findings, one of another rule first.</summary>
        private static List<Diagnostic> ForeignFirst(IEnumerable<Diagnostic> diagnostics, string ruleId)
        {
            var all = diagnostics.Where(d => d.Location.IsInSource).ToList();
            var foreign = all.First(d => d.Id != ruleId);
            all.Remove(foreign);
            all.Insert(0, foreign);
            return all;
        }
    }
}
