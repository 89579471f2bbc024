using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EffectiveML.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace EffectiveML.Tests.Robustness
{
    /// <summary>
    /// Runs the EffectiveML suite (or the analyzers a test names), every rule switched on, over one program, and collects
    /// anything an analyzer throws. The references are bound once and shared by every run.
    /// </summary>
    internal static class AnalysisRunner
    {
        private static readonly CSharpCompilation Empty = CSharpCompilation.Create(
            "Robustness",
            Array.Empty<SyntaxTree>(),
            TestReferences.MLProject.AddRange(TestReferences.AspNetCore).AddRange(TestReferences.Xunit),
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                specificDiagnosticOptions: SuiteCatalog.Descriptors.ToImmutableDictionary(d => d.Id, _ => ReportDiagnostic.Warn)));

        public static readonly CSharpParseOptions ParseOptions = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Preview);

        public static Compilation Compile(params string[] sources) =>
            Empty.AddSyntaxTrees(sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"/robustness/File{i}.cs")));

        public static Compilation WithOutputKind(Compilation compilation, OutputKind kind) =>
            compilation.WithOptions(compilation.Options.WithOutputKind(kind));

        /// <summary>The diagnostics, and every exception an analyzer threw (reported or surfaced as AD0001).</summary>
        public static async Task<(ImmutableArray<Diagnostic> Diagnostics, ImmutableArray<string> Failures)> AnalyzeAsync(
            Compilation compilation,
            CancellationToken cancellationToken,
            AnalyzerOptions? options = null,
            bool concurrent = true,
            ImmutableArray<DiagnosticAnalyzer> analyzers = default)
        {
            var failures = new ConcurrentQueue<string>();
            var analysisOptions = new CompilationWithAnalyzersOptions(
                options ?? new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                (exception, analyzer, _) => failures.Enqueue($"{analyzer.GetType().Name}: {exception}"),
                concurrentAnalysis: concurrent,
                logAnalyzerExecutionTime: false);
            var diagnostics = await compilation.WithAnalyzers(analyzers.IsDefault ? SuiteCatalog.Analyzers : analyzers, analysisOptions).GetAnalyzerDiagnosticsAsync(cancellationToken);
            foreach (var diagnostic in diagnostics.Where(d => d.Id == "AD0001"))
            {
                failures.Enqueue(diagnostic.GetMessage());
            }

            return (diagnostics, failures.ToImmutableArray());
        }
    }
}
