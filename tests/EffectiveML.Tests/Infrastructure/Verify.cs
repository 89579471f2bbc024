using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using EffectiveML.Analyzers.Infrastructure;

namespace EffectiveML.Tests.Infrastructure
{
    /// <summary>
    /// Runs a rule (and its fix) on test sources compiled against offline references, hosted by the
    /// suite as a build hosts it (<see cref="RuleHost{TRule}"/>).
    /// </summary>
    internal static class Verify<TRule>
        where TRule : Rule, new()
    {
        /// <summary>A finding of <paramref name="id"/> at the severity its descriptor gives by default.</summary>
        public static DiagnosticResult Diagnostic(string id) => new DiagnosticResult(id, DefaultSeverity(id));

        private static DiagnosticSeverity DefaultSeverity(string id)
        {
            foreach (var descriptor in new TRule().SupportedDiagnostics)
            {
                if (descriptor.Id == id)
                {
                    return descriptor.DefaultSeverity;
                }
            }

            return DiagnosticSeverity.Warning;
        }

        /// <summary>Asserts exactly the diagnostics marked in <paramref name="source"/> (and any <paramref name="expected"/>).</summary>
        public static Task Analyzer(string source, params DiagnosticResult[] expected) =>
            Analyzer(new[] { source }, editorConfig: null, OutputKind.DynamicallyLinkedLibrary, expected);

        public static Task Analyzer(string[] sources, params DiagnosticResult[] expected) =>
            Analyzer(sources, editorConfig: null, OutputKind.DynamicallyLinkedLibrary, expected);

        public static async Task Analyzer(
            IEnumerable<string> sources,
            string? editorConfig,
            OutputKind outputKind,
            params DiagnosticResult[] expected)
        {
            var test = new AnalyzerTest();
            var index = 0;
            foreach (var source in sources)
            {
                test.TestState.Sources.Add(($"/0/Test{index++}.cs", source));
            }

            Configure(test.TestState, editorConfig, outputKind);
            test.ExpectedDiagnostics.AddRange(expected);
            await test.RunAsync();
        }

        /// <summary>Asserts the marked diagnostics in a web project: ML.NET plus ASP.NET Core and Microsoft.Extensions.</summary>
        public static Task WebAnalyzer(string source, params DiagnosticResult[] expected) =>
            AnalyzerWithReferences(source, TestReferences.AspNetCore, expected);

        /// <summary>Asserts the marked diagnostics with references beyond the ML project's (ASP.NET Core, a test framework).</summary>
        public static async Task AnalyzerWithReferences(string source, IEnumerable<MetadataReference> references, params DiagnosticResult[] expected)
        {
            var test = new AnalyzerTest();
            test.TestState.Sources.Add(("/0/Test0.cs", source));
            Configure(test.TestState, editorConfig: null, OutputKind.DynamicallyLinkedLibrary);
            test.TestState.AdditionalReferences.AddRange(references);
            test.ExpectedDiagnostics.AddRange(expected);
            await test.RunAsync();
        }

        /// <summary>Analyzes sources in files whose names the test chooses (e.g. generated-code names).</summary>
        public static async Task AnalyzerWithFiles(IEnumerable<(string Path, string Source)> files, params DiagnosticResult[] expected)
        {
            var test = new AnalyzerTest();
            foreach (var file in files)
            {
                test.TestState.Sources.Add(file);
            }

            Configure(test.TestState, editorConfig: null, OutputKind.DynamicallyLinkedLibrary);
            test.ExpectedDiagnostics.AddRange(expected);
            await test.RunAsync();
        }

        /// <summary>
        /// Applies the fix to each marked diagnostic, then Fix All in document, project and solution,
        /// and asserts the result equals <paramref name="fixedSource"/>.
        /// </summary>
        public static Task CodeFix<TCodeFix>(string source, string fixedSource, string? editorConfig = null, OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary, int iterations = 1, string? equivalenceKey = null, bool hasFixAll = true, int? fixAllIterations = null)
            where TCodeFix : CodeFixProvider, new() =>
            CodeFix<TCodeFix>(new[] { source }, new[] { fixedSource }, editorConfig, outputKind, iterations, equivalenceKey, hasFixAll, fixAllIterations);

        public static async Task CodeFix<TCodeFix>(
            string[] sources,
            string[] fixedSources,
            string? editorConfig = null,
            OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary,
            int iterations = 1,
            string? equivalenceKey = null,
            bool hasFixAll = true,
            int? fixAllIterations = null)
            where TCodeFix : CodeFixProvider, new()
        {
            var test = new CodeFixTest<TCodeFix>();
            test.CodeActionEquivalenceKey = equivalenceKey;
            if (!hasFixAll)
            {
                test.CodeFixTestBehaviors |= CodeFixTestBehaviors.SkipFixAllCheck;
            }
            for (var i = 0; i < sources.Length; i++)
            {
                test.TestState.Sources.Add(($"/0/Test{i}.cs", sources[i]));
                test.FixedState.Sources.Add(($"/0/Test{i}.cs", fixedSources[i]));
            }

            Configure(test.TestState, editorConfig, outputKind);
            Configure(test.FixedState, editorConfig, outputKind);
            test.FixedState.MarkupHandling = MarkupMode.Allow;
            test.NumberOfFixAllIterations = fixAllIterations ?? iterations;
            // Fix All in document handles one document per iteration.
            test.NumberOfFixAllInDocumentIterations = (fixAllIterations ?? iterations) * sources.Length;
            test.NumberOfFixAllInProjectIterations = fixAllIterations ?? iterations;
            test.NumberOfIncrementalIterations = null;
            await test.RunAsync();
        }

        /// <summary>
        /// The analyzer's diagnostics in a plain compilation, the way a build runs it: rules that are
        /// off by default stay off (the testing library turns every rule on).
        /// </summary>
        public static async Task<System.Collections.Immutable.ImmutableArray<Microsoft.CodeAnalysis.Diagnostic>> AsBuilt(string source, string? enabledRule = null)
        {
            var specific = enabledRule is null
                ? System.Collections.Immutable.ImmutableDictionary<string, ReportDiagnostic>.Empty
                : System.Collections.Immutable.ImmutableDictionary<string, ReportDiagnostic>.Empty.Add(enabledRule, ReportDiagnostic.Info);
            var tree = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(source, path: "/0/Test0.cs");
            var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
                "AsBuilt",
                new[] { tree },
                TestReferences.MLProject,
                new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, specificDiagnosticOptions: specific));
            var analyzers = System.Collections.Immutable.ImmutableArray.Create<DiagnosticAnalyzer>(new RuleHost<TRule>());
            return await compilation.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync();
        }

        private static void Configure(SolutionState state, string? editorConfig, OutputKind outputKind)
        {
            state.ReferenceAssemblies = TestReferences.Offline;
            state.AdditionalReferences.AddRange(TestReferences.MLProject);
            state.OutputKind = outputKind;
            if (editorConfig is not null)
            {
                state.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\n" + editorConfig));
            }
        }

        private sealed class AnalyzerTest : CSharpAnalyzerTest<RuleHost<TRule>, DefaultVerifier>
        {
        }

        private sealed class CodeFixTest<TCodeFix> : CSharpCodeFixTest<RuleHost<TRule>, TCodeFix, DefaultVerifier>
            where TCodeFix : CodeFixProvider, new()
        {
        }
    }
}
