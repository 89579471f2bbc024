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
using Xunit;

namespace EffectiveML.Tests.Consistency
{
    /// <summary>Half-typed and unusual code, as the IDE sees it on every keystroke: no analyzer may throw or hang.</summary>
    public class RobustnessTests
    {
        public static TheoryData<string> Sources() => new()
        {
            // Half-typed calls and creations.
            "using Microsoft.ML; class C { void M(IDataView d) { var ml = new MLContext(; ml.Data.TrainTestSplit(d, seed: ); } }",
            "using Microsoft.ML; class C { MLContext _ml = new MLContext(seed: ; void M(IDataView d) => _ml.Data. }",
            "using Microsoft.ML; class C { void M() { new MLContext().Regression.Trainers. } }",
            "using System; using Microsoft.ML; class C { void M(IDataView d) { var r = new Random(DateTime.; new MLContext(r.Next( ; } }",
            // Unknown symbols everywhere.
            "using Microsoft.ML; class C { void M() { var ml = new MLContxt(); ml.Data.TrainTestSplit(Unknown); Unknown.Fit(x); } }",
            // Cycles through locals and fields.
            "using Microsoft.ML; class C { MLContext a, b; C() { a = b; b = a; } void M(IDataView d) { a.Data.ShuffleRows(d); var x = a; x = x; x.Data.TrainTestSplit(d); } }",
            "using Microsoft.ML; class C { void M(IDataView d) { MLContext p = null!, q = p; p = q; p.Data.BootstrapSample(d); int s = 0; s = s + s; new MLContext(seed: s); } }",
            // Top-level statements, nested and partial types, local functions.
            "using Microsoft.ML; var ml = new MLContext(); Split(); void Split() => ml.Data.TrainTestSplit(null!);",
            "using Microsoft.ML; partial class P { class N { MLContext m = new(); void F(IDataView d) => m.Data.ShuffleRows(d); } } partial class P { }",
        };

        [Theory]
        [MemberData(nameof(Sources))]
        public async Task No_analyzer_throws_on_broken_or_unusual_code(string source)
        {
            var exceptions = new ConcurrentQueue<Exception>();
            var compilation = CSharpCompilation.Create(
                "Broken",
                new[] { CSharpSyntaxTree.ParseText(source) },
                TestReferences.MLProject,
                new CSharpCompilationOptions(source.Contains("var ml = new MLContext(); Split()") ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary));
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                (exception, _, _) => exceptions.Enqueue(exception),
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false);

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var diagnostics = await compilation.WithAnalyzers(SuiteCatalog.Analyzers, options).GetAnalyzerDiagnosticsAsync(timeout.Token);

            Assert.Empty(exceptions);
            Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        }
    }
}
