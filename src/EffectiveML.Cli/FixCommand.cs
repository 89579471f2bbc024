using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using EffectiveML.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace EffectiveML.Cli
{
    /// <summary>
    /// <c>effectiveml fix</c>: every finding of the chosen rules fixed with the rule's Fix All, the
    /// same code action the IDE offers, project by project; then the changed files written (each
    /// whole, through a temporary file) or, with <c>--dry-run</c>, printed as a unified diff.
    /// </summary>
    internal sealed class FixCommand
    {
        private readonly string _path;
        private readonly ImmutableArray<string> _rules;
        private readonly bool _dryRun;
        private readonly ConsoleOutput _output;

        public FixCommand(string path, ImmutableArray<string> rules, bool dryRun, ConsoleOutput output)
        {
            _path = path;
            _rules = rules;
            _dryRun = dryRun;
            _output = output;
        }

        /// <summary>The code fixes the tool carries, by the rule each fixes.</summary>
        public static ImmutableDictionary<string, CodeFixProvider> Fixes { get; } = typeof(EffectiveML.CodeFixes.Reproducibility.MLContextWithoutSeedCodeFix).Assembly.GetTypes()
            .Where(type => !type.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(type) && type.GetConstructor(Type.EmptyTypes) is not null)
            .Select(type => (CodeFixProvider)Activator.CreateInstance(type)!)
            .SelectMany(fix => fix.FixableDiagnosticIds.Select(id => (id, fix)))
            .ToImmutableDictionary(pair => pair.id, pair => pair.fix, StringComparer.Ordinal);

        public async Task<int> RunAsync(CancellationToken cancellationToken)
        {
            var entries = ProjectLoader.Entries(_path);
            using var loader = ProjectLoader.Create();
            var (before, after, fixedFindings) = await _output.ShowProgressAsync("Finding projects", async step =>
            {
                var loaded = await loader.OpenAsync(entries, step, cancellationToken);
                var prepared = SuiteProjects.Prepare(loaded, AnalysisMode.Default);
                var (fixedSolution, found) = await FixAsync(prepared, loader, step, cancellationToken);
                return (prepared, fixedSolution, found);
            });

            foreach (var failure in loader.Failures)
            {
                Console.Error.WriteLine("effectiveml: could not load: " + failure);
            }

            var changed = new List<(string Path, SourceText Before, SourceText After)>();
            foreach (var projectChanges in after.GetChanges(before).GetProjectChanges())
            {
                foreach (var id in projectChanges.GetChangedDocuments(onlyGetDocumentsWithTextChanges: true))
                {
                    var document = after.GetDocument(id)!;
                    if (document.FilePath is { } file && !changed.Any(c => string.Equals(c.Path, file, StringComparison.Ordinal)))
                    {
                        changed.Add((file, await before.GetDocument(id)!.GetTextAsync(cancellationToken), await document.GetTextAsync(cancellationToken)));
                    }
                }
            }

            foreach (var (file, old, updated) in changed.OrderBy(c => c.Path, StringComparer.Ordinal))
            {
                var shown = Path.GetRelativePath(Environment.CurrentDirectory, file);
                if (_dryRun)
                {
                    Console.Write(UnifiedDiff.Of(shown.Replace('\\', '/'), old.ToString(), updated.ToString()));
                }
                else
                {
                    Write(file, old, updated);
                    Console.WriteLine("fixed " + shown);
                }
            }

            var counts = string.Join(", ", _rules.Where(fixedFindings.ContainsKey).Select(rule => $"{rule} x{fixedFindings[rule]}"));
            Console.WriteLine(changed.Count == 0
                ? $"no finding of {string.Join(", ", _rules)} to fix"
                : $"{(_dryRun ? "would fix" : "fixed")} {counts} in {changed.Count} {(changed.Count == 1 ? "file" : "files")}{(_dryRun ? "; nothing written (--dry-run)" : string.Empty)}");
            return ExitCode.Clean;
        }

        private async Task<(Solution Solution, Dictionary<string, int> Fixed)> FixAsync(Solution solution, ProjectLoader loader, Action<string> step, CancellationToken cancellationToken)
        {
            var suite = ImmutableArray.Create<DiagnosticAnalyzer>(new EffectiveMLSuiteAnalyzer());
            var found = new Dictionary<string, HashSet<(string, int)>>(StringComparer.Ordinal);
            var projects = solution.Projects.Where(p => p.Language == LanguageNames.CSharp && !loader.FailedToLoad(p)).OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => p.Id).ToList();
            if (projects.Count == 0)
            {
                throw loader.Failures.Count > 0
                    ? new UserError(ExitCode.NothingLoaded, $"none of the projects in '{_path}' could be loaded (see above)")
                    : new UserError(ExitCode.NoProjects, $"no C# project in '{_path}'");
            }

            foreach (var projectId in projects)
            {
                foreach (var rule in _rules)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var project = solution.GetProject(projectId)!;
                    step($"Fixing {rule} in {project.Name}");
                    if (await project.GetCompilationAsync(cancellationToken) is not { } compilation)
                    {
                        continue;
                    }

                    var findings = (await compilation.WithAnalyzers(suite, project.AnalyzerOptions).GetAnalyzerDiagnosticsAsync(cancellationToken))
                        .Where(d => d.Id == rule && !d.IsSuppressed && d.Severity != DiagnosticSeverity.Hidden && d.Location.IsInSource)
                        .ToList();
                    if (findings.Count == 0)
                    {
                        continue;
                    }

                    var fixedSolution = await FixAllAsync(project, Fixes[rule], rule, findings, cancellationToken);
                    if (fixedSolution != solution)
                    {
                        var set = found.TryGetValue(rule, out var existing) ? existing : found[rule] = new HashSet<(string, int)>();
                        foreach (var finding in findings)
                        {
                            set.Add((finding.Location.SourceTree!.FilePath, finding.Location.SourceSpan.Start));
                        }

                        solution = fixedSolution;
                    }
                }
            }

            return (solution, found.ToDictionary(pair => pair.Key, pair => pair.Value.Count, StringComparer.Ordinal));
        }

        /// <summary>The rule's Fix All in project scope, with the action its fix offers for the first finding that has one.</summary>
        private static async Task<Solution> FixAllAsync(Project project, CodeFixProvider fix, string rule, IReadOnlyList<Diagnostic> findings, CancellationToken cancellationToken)
        {
            foreach (var finding in findings)
            {
                if (project.GetDocument(finding.Location.SourceTree) is not { } document)
                {
                    continue;
                }

                CodeAction? offered = null;
                await fix.RegisterCodeFixesAsync(new CodeFixContext(document, finding, (action, _) => offered ??= action, cancellationToken));
                if (offered is null || fix.GetFixAllProvider() is not { } fixAll)
                {
                    continue;
                }

                var context = new FixAllContext(document, fix, FixAllScope.Project, offered.EquivalenceKey, new[] { rule }, new KnownFindings(findings), cancellationToken);
                if (await fixAll.GetFixAsync(context) is not { } action)
                {
                    return project.Solution;
                }

                var solution = project.Solution;
                foreach (var operation in await action.GetOperationsAsync(cancellationToken))
                {
                    if (operation is ApplyChangesOperation apply)
                    {
                        solution = apply.ChangedSolution;
                    }
                }

                return solution;
            }

            return project.Solution;
        }

        /// <summary>The fixed text, in the file's own encoding.</summary>
        private static void Write(string path, SourceText old, SourceText updated) =>
            OutputFile.Write(path, "the fixed file", partial =>
            {
                using var writer = new StreamWriter(partial, append: false, updated.Encoding ?? old.Encoding ?? new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
                updated.Write(writer);
            });

        private sealed class KnownFindings : FixAllContext.DiagnosticProvider
        {
            private readonly IReadOnlyList<Diagnostic> _findings;

            public KnownFindings(IReadOnlyList<Diagnostic> findings) => _findings = findings;

            public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
                Task.FromResult<IEnumerable<Diagnostic>>(_findings);

            public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
            {
                var tree = await document.GetSyntaxTreeAsync(cancellationToken);
                return _findings.Where(d => d.Location.SourceTree == tree);
            }

            public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
                Task.FromResult(Enumerable.Empty<Diagnostic>());
        }
    }
}
