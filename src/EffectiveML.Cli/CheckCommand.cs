using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EffectiveML.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace EffectiveML.Cli
{
    /// <summary>
    /// <c>effectiveml check</c>: loads the projects, runs the suite on each as an editor does (code
    /// that does not compile is analyzed too), prints the findings by principle and rule, and writes
    /// the requested logs. Nothing in the workspace is ever written: the tool's own analyzers and the
    /// chosen mode are added to the projects in memory only.
    /// </summary>
    internal sealed class CheckCommand
    {
        private readonly CheckOptions _options;
        private readonly ConsoleOutput _output;

        /// <summary>
        /// Compile errors that mean a reference did not resolve (a type or namespace, or a metadata
        /// file, not found): usually a project that was never restored.
        /// </summary>
        private static readonly string[] UnresolvedReference = { "CS0006", "CS0234", "CS0246" };

        public CheckCommand(CheckOptions options, ConsoleOutput output)
        {
            _options = options;
            _output = output;
        }

        public async Task<int> RunAsync(CancellationToken cancellationToken)
        {
            var entries = ProjectLoader.Entries(_options.Path);
            using var loader = ProjectLoader.Create();
            var (findings, analyzed, withErrors, unresolved) = await _output.ShowProgressAsync("Finding projects", async step =>
            {
                var solution = await loader.OpenAsync(entries, step, cancellationToken);
                return await AnalyzeAsync(solution, loader, step, cancellationToken);
            });

            foreach (var failure in loader.Failures)
            {
                Console.Error.WriteLine("effectiveml: could not load: " + failure);
            }

            if (analyzed == 0)
            {
                throw loader.Failures.Count > 0
                    ? new UserError(ExitCode.NothingLoaded, $"none of the projects in '{_options.Path}' could be loaded (see above)")
                    : new UserError(ExitCode.NoProjects, $"no C# project in '{_options.Path}'");
            }

            var selected = findings.Where(f => _options.Rules is null || _options.Rules.Contains(f.Id)).ToList();
            Report.Write(selected, analyzed, withErrors, unresolved, loader.Failures.Count, Console.Out);
            WriteLogs(selected);

            return _options.FailOn is { } level && selected.Any(f => f.Severity >= level) ? ExitCode.Findings : ExitCode.Clean;
        }

        private async Task<(List<Finding> Findings, int Analyzed, int WithErrors, int Unresolved)> AnalyzeAsync(Solution solution, ProjectLoader loader, Action<string> step, CancellationToken cancellationToken)
        {
            var suite = new EffectiveMLSuiteAnalyzer();
            var ours = suite.SupportedDiagnostics.Select(d => d.Id).ToImmutableHashSet(StringComparer.Ordinal);
            solution = SuiteProjects.Prepare(solution, _options.Mode);
            var findings = new List<Finding>();
            var seen = new HashSet<(string, string, int, int, string)>();
            var analyzed = 0;
            var withErrors = 0;
            var unresolved = 0;
            foreach (var project in solution.Projects.Where(p => p.Language == LanguageNames.CSharp && !loader.FailedToLoad(p)).OrderBy(p => p.Name, StringComparer.Ordinal))
            {
                cancellationToken.ThrowIfCancellationRequested();
                step("Analyzing " + project.Name);
                if (await project.GetCompilationAsync(cancellationToken) is not { } compilation)
                {
                    continue;
                }

                analyzed++;
                // One pass for the compiler's diagnostics and the suite's: the driver binds each body once for both.
                var all = await compilation
                    .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(suite), project.AnalyzerOptions)
                    .GetAllDiagnosticsAsync(cancellationToken);
                var errors = all.Where(d => d.Severity == DiagnosticSeverity.Error && !ours.Contains(d.Id)).ToList();
                if (errors.Count > 0)
                {
                    withErrors++;
                    if (errors.Any(d => UnresolvedReference.Contains(d.Id)))
                    {
                        unresolved++;
                    }
                }

                var diagnostics = all.Where(d => ours.Contains(d.Id));
                foreach (var diagnostic in diagnostics)
                {
                    if (diagnostic.Severity == DiagnosticSeverity.Hidden || diagnostic.IsSuppressed)
                    {
                        continue;
                    }

                    var finding = ToFinding(diagnostic);
                    // A project built for several frameworks is loaded once per framework: one finding each.
                    if (seen.Add((finding.Id, finding.Path, finding.Line, finding.Column, finding.Message)))
                    {
                        findings.Add(finding);
                    }
                }
            }

            return (findings, analyzed, withErrors, unresolved);
        }

        private static Finding ToFinding(Diagnostic diagnostic)
        {
            var descriptor = diagnostic.Descriptor;
            var span = diagnostic.Location.GetMappedLineSpan();
            var inSource = diagnostic.Location.IsInSource && span.IsValid;
            return new Finding(
                diagnostic.Id,
                descriptor.Title.ToString(),
                descriptor.Category,
                diagnostic.Severity,
                diagnostic.GetMessage(),
                descriptor.HelpLinkUri,
                inSource ? Relative(span.Path) : string.Empty,
                inSource ? span.StartLinePosition.Line + 1 : 0,
                inSource ? span.StartLinePosition.Character + 1 : 0,
                inSource ? span.EndLinePosition.Line + 1 : 0,
                inSource ? span.EndLinePosition.Character + 1 : 0);
        }

        private static string Relative(string path)
        {
            var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
            return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
        }

        private void WriteLogs(IReadOnlyList<Finding> findings)
        {
            var sarifPath = _options.Sarif;
            if (sarifPath is null && _options.Html is null)
            {
                return;
            }

            var temporary = sarifPath is null ? Path.Combine(Path.GetTempPath(), $"effectiveml-{Guid.NewGuid():N}.sarif") : null;
            try
            {
                OutputFile.Write(sarifPath ?? temporary!, "--sarif", path => SarifLog.Write(findings, new EffectiveMLSuiteAnalyzer().SupportedDiagnostics, path));
                if (sarifPath is not null)
                {
                    Console.WriteLine($"SARIF log written to {sarifPath}");
                }

                if (_options.Html is { } html)
                {
                    var report = EffectiveML.Report.ReportWriter.Html(EffectiveML.Report.SarifFindings.Read(sarifPath ?? temporary!));
                    OutputFile.Write(html, "--html", path => File.WriteAllText(path, report));
                    Console.WriteLine($"HTML report written to {html}");
                }
            }
            finally
            {
                if (temporary is not null)
                {
                    File.Delete(temporary);
                }
            }
        }
    }
}
