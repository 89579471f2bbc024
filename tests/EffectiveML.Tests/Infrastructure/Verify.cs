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
            Test(source).Expecting(expected).RunAsync();

        /// <summary>
        /// Applies the fix to each marked diagnostic, then Fix All in document, project and solution,
        /// and asserts the result equals <paramref name="fixedSource"/>.
        /// </summary>
        public static Task CodeFix<TCodeFix>(string source, string fixedSource)
            where TCodeFix : CodeFixProvider, new() =>
            Test(source).FixedTo<TCodeFix>(fixedSource).RunAsync();

        /// <summary>A test of the rule on these sources (<c>/0/Test0.cs</c>, <c>/0/Test1.cs</c> …), set up further by the builder.</summary>
        public static RuleTest Test(params string[] sources)
        {
            var test = new RuleTest();
            foreach (var source in sources)
            {
                test.WithSource(source);
            }

            return test;
        }

        /// <summary>What a rule test compiles and expects; <see cref="RunAsync"/> runs the rule, <see cref="FixedTo"/> its fix.</summary>
        internal sealed class RuleTest
        {
            private readonly List<(string Path, string Source)> _files = new();
            private readonly List<(string Path, string Text)> _additionalFiles = new();
            private readonly List<MetadataReference> _references = new();
            private readonly List<DiagnosticResult> _expected = new();
            private string? _editorConfig;
            private OutputKind _outputKind = OutputKind.DynamicallyLinkedLibrary;

            public RuleTest WithSource(string source) => WithFile($"/0/Test{_files.Count}.cs", source);

            /// <summary>A source under a name the test chooses (generated-code names, say).</summary>
            public RuleTest WithFile(string path, string source)
            {
                _files.Add((path, source));
                return this;
            }

            /// <summary>A file the project gives its analyzers (<c>&lt;AdditionalFiles Include="..." /&gt;</c>).</summary>
            public RuleTest WithAdditionalFile(string path, string text)
            {
                _additionalFiles.Add((path, text));
                return this;
            }

            /// <summary>Lines of the <c>[*]</c> section of the project's <c>.editorconfig</c>.</summary>
            public RuleTest WithEditorConfig(string lines)
            {
                _editorConfig = lines;
                return this;
            }

            /// <summary>Compiles an executable (top-level statements, <c>Main</c>) instead of a library.</summary>
            public RuleTest AsProgram()
            {
                _outputKind = OutputKind.ConsoleApplication;
                return this;
            }

            /// <summary>References beyond the ML project's (ASP.NET Core, a test framework).</summary>
            public RuleTest WithReferences(IEnumerable<MetadataReference> references)
            {
                _references.AddRange(references);
                return this;
            }

            /// <summary>Diagnostics expected besides those marked in the sources.</summary>
            public RuleTest Expecting(params DiagnosticResult[] expected)
            {
                _expected.AddRange(expected);
                return this;
            }

            /// <summary>Asserts exactly the marked and expected diagnostics.</summary>
            public Task RunAsync()
            {
                var test = new AnalyzerTest();
                ConfigureSources(test.TestState);
                test.ExpectedDiagnostics.AddRange(_expected);
                return test.RunAsync();
            }

            /// <summary>The fix's test: each source, in order, becomes the fixed source at its index.</summary>
            public FixTest<TCodeFix> FixedTo<TCodeFix>(params string[] fixedSources)
                where TCodeFix : CodeFixProvider, new() =>
                new(this, fixedSources);

            /// <summary>The sources as written, with the project's references and settings.</summary>
            internal void ConfigureSources(SolutionState state)
            {
                foreach (var file in _files)
                {
                    state.Sources.Add(file);
                }

                foreach (var file in _additionalFiles)
                {
                    state.AdditionalFiles.Add(file);
                }

                ConfigureProject(state);
            }

            /// <summary>The fixed sources under the names of the sources they replace.</summary>
            internal void ConfigureFixedSources(SolutionState state, IReadOnlyList<string> fixedSources)
            {
                for (var i = 0; i < _files.Count; i++)
                {
                    state.Sources.Add((_files[i].Path, fixedSources[i]));
                }

                ConfigureProject(state);
            }

            private void ConfigureProject(SolutionState state)
            {
                state.ReferenceAssemblies = TestReferences.Offline;
                state.AdditionalReferences.AddRange(TestReferences.MLProject);
                state.AdditionalReferences.AddRange(_references);
                state.OutputKind = _outputKind;
                if (_editorConfig is not null)
                {
                    state.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\n" + _editorConfig));
                }
            }

            internal int FileCount => _files.Count;
        }

        /// <summary>
        /// Applies the fix to each marked diagnostic, then Fix All in document, project and solution,
        /// and asserts the fixed sources.
        /// </summary>
        internal sealed class FixTest<TCodeFix>
            where TCodeFix : CodeFixProvider, new()
        {
            private readonly RuleTest _rule;
            private readonly string[] _fixedSources;
            private int _iterations = 1;
            private int? _fixAllIterations;
            private string? _equivalenceKey;
            private bool _hasFixAll = true;

            public FixTest(RuleTest rule, string[] fixedSources)
            {
                _rule = rule;
                _fixedSources = fixedSources;
            }

            /// <summary>How many fixes one at a time take to reach the fixed sources (a fix that reveals another finding).</summary>
            public FixTest<TCodeFix> InIterations(int iterations)
            {
                _iterations = iterations;
                return this;
            }

            /// <summary>How many Fix All passes reach the fixed sources, when it differs from one at a time.</summary>
            public FixTest<TCodeFix> FixAllInIterations(int iterations)
            {
                _fixAllIterations = iterations;
                return this;
            }

            /// <summary>Applies the action with this equivalence key where the fix offers several.</summary>
            public FixTest<TCodeFix> ChoosingAction(string equivalenceKey)
            {
                _equivalenceKey = equivalenceKey;
                return this;
            }

            /// <summary>For a fix that offers no Fix All.</summary>
            public FixTest<TCodeFix> WithoutFixAll()
            {
                _hasFixAll = false;
                return this;
            }

            public Task RunAsync()
            {
                var test = new CodeFixTest<TCodeFix> { CodeActionEquivalenceKey = _equivalenceKey };
                if (!_hasFixAll)
                {
                    test.CodeFixTestBehaviors |= CodeFixTestBehaviors.SkipFixAllCheck;
                }

                _rule.ConfigureSources(test.TestState);
                _rule.ConfigureFixedSources(test.FixedState, _fixedSources);
                test.FixedState.MarkupHandling = MarkupMode.Allow;
                var fixAll = _fixAllIterations ?? _iterations;
                test.NumberOfFixAllIterations = fixAll;
                // Fix All in document handles one document per iteration.
                test.NumberOfFixAllInDocumentIterations = fixAll * _rule.FileCount;
                test.NumberOfFixAllInProjectIterations = fixAll;
                test.NumberOfIncrementalIterations = null;
                return test.RunAsync();
            }
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

        private sealed class AnalyzerTest : CSharpAnalyzerTest<RuleHost<TRule>, DefaultVerifier>
        {
        }

        private sealed class CodeFixTest<TCodeFix> : CSharpCodeFixTest<RuleHost<TRule>, TCodeFix, DefaultVerifier>
            where TCodeFix : CodeFixProvider, new()
        {
        }
    }
}
