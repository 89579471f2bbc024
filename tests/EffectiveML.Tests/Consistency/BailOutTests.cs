using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using EffectiveML.Analyzers.Model;
using EffectiveML.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace EffectiveML.Tests.Consistency
{
    /// <summary>A project without ML.NET or TorchSharp pays for one compilation-start check per analyzer, nothing more.</summary>
    public class BailOutTests
    {
        private const string PlainCode = """
            using System;
            using System.Linq;

            public sealed class MLContext
            {
                public object Data => this;
                public object TrainTestSplit(object data) => data;
            }

            public static class Program
            {
                public static int Main()
                {
                    var random = new Random();
                    var seed = Environment.TickCount;
                    return Enumerable.Range(0, 10).Sum(i => random.Next(seed)) + new MLContext().GetHashCode();
                }
            }
            """;

        [Fact]
        public void No_symbols_are_resolved_without_ML_references()
        {
            Assert.Null(KnownSymbols.TryCreate(Compile(TestReferences.Framework)));
            Assert.NotNull(KnownSymbols.TryCreate(Compile(TestReferences.Framework.AddRange(TestReferences.MLNet))));
            Assert.NotNull(KnownSymbols.TryCreate(Compile(TestReferences.Framework.AddRange(TestReferences.TorchSharp))));
        }

        [Fact]
        public async Task Analyzers_register_no_actions_and_report_nothing_without_ML_references()
        {
            var compilation = Compile(TestReferences.Framework);
            var withAnalyzers = compilation.WithAnalyzers(
                SuiteCatalog.Analyzers,
                new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: true, logAnalyzerExecutionTime: true));

            var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
            Assert.Empty(diagnostics);

            foreach (var analyzer in SuiteCatalog.Analyzers)
            {
                var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, default);
                // The driver does not even start an analyzer whose rules are all off by default.
                var runs = analyzer.SupportedDiagnostics.Any(d => d.IsEnabledByDefault);
                Assert.Equal(runs ? 1 : 0, telemetry.CompilationStartActionsCount);
                Assert.Equal(0, telemetry.OperationActionsCount + telemetry.OperationBlockStartActionsCount + telemetry.OperationBlockActionsCount);
                Assert.Equal(0, telemetry.SymbolStartActionsCount + telemetry.SymbolActionsCount + telemetry.SyntaxNodeActionsCount);
                Assert.Equal(0, telemetry.SyntaxTreeActionsCount + telemetry.SemanticModelActionsCount + telemetry.CompilationEndActionsCount);
            }
        }

        [Fact]
        public async Task No_rule_walks_whole_syntax_trees_except_the_pragma_check()
        {
            // On ML code every rule works from operation, symbol and compilation callbacks. The one
            // syntax-tree action is EML7002's: its scan of #pragma directives returns at once for a
            // tree without directives (SyntaxNode.ContainsDirectives), and it reads only the
            // file's top-level attribute lists, where [assembly: …] must stand.
            var compilation = Compile(TestReferences.MLProject);
            var withAnalyzers = compilation.WithAnalyzers(
                SuiteCatalog.Analyzers,
                new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: true, logAnalyzerExecutionTime: true));
            await withAnalyzers.GetAnalyzerDiagnosticsAsync();

            foreach (var analyzer in SuiteCatalog.Analyzers)
            {
                var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, default);
                var allowed = analyzer is EffectiveML.Analyzers.Infrastructure.EffectiveMLSuiteAnalyzer ? 1 : 0;
                Assert.True(telemetry.SyntaxTreeActionsCount <= allowed, $"{analyzer.GetType().Name} registers {telemetry.SyntaxTreeActionsCount} syntax-tree actions");
                Assert.Equal(0, telemetry.SemanticModelActionsCount);
                // A syntax-node action makes the driver visit every node of every file for it.
                Assert.True(telemetry.SyntaxNodeActionsCount == 0, $"{analyzer.GetType().Name} registers {telemetry.SyntaxNodeActionsCount} syntax-node actions");
            }
        }

        private static Compilation Compile(ImmutableArray<MetadataReference> references) =>
            CSharpCompilation.Create(
                "Plain",
                new[] { CSharpSyntaxTree.ParseText(PlainCode) },
                references,
                new CSharpCompilationOptions(OutputKind.ConsoleApplication));
    }
}
