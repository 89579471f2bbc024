using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using EffectiveML.Analyzers.Model;
using EffectiveML.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Xunit;

namespace EffectiveML.Tests.Model
{
    /// <summary>Two rules asking for the model of one member in one analysis get the same instance.</summary>
    public class SharedModelTests
    {
        [Fact]
        public async Task Rules_in_one_analysis_share_the_symbols_and_each_members_model()
        {
            const string source = """
                using Microsoft.ML;

                public static class Training
                {
                    public static ITransformer First(MLContext ml, IDataView data) =>
                        ml.Transforms.Concatenate("Features", "A", "B").Append(ml.Regression.Trainers.FastTree()).Fit(data);

                    public static ITransformer Second(MLContext ml, IDataView data) =>
                        ml.Transforms.NormalizeMinMax("Features").Fit(data);
                }
                """;

            var seen = new ConcurrentBag<(string Probe, IOperation Root, MemberModel Model)>();
            var symbols = new ConcurrentBag<KnownSymbols>();
            var compilation = CSharpCompilation.Create(
                "Shared",
                new[] { CSharpSyntaxTree.ParseText(source) },
                TestReferences.MLProject,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new ModelProbe("a", seen, symbols), new ModelProbe("b", seen, symbols));
            await compilation.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync();

            // One symbol resolution per compilation, whichever analyzer asks first.
            Assert.Equal(2, symbols.Count);
            Assert.Single(symbols.Distinct());

            var byMember = seen.GroupBy(s => s.Root).ToList();
            Assert.Equal(2, byMember.Count);
            foreach (var member in byMember)
            {
                Assert.Equal(new[] { "a", "b" }, member.Select(s => s.Probe).Distinct().OrderBy(p => p));
                Assert.Single(member.Select(s => s.Model).Distinct());
            }
        }

#pragma warning disable RS1001, RS1008, RS1036, RS1038, RS1041, RS2008 // A test double run directly by CompilationWithAnalyzers; never shipped or loaded by a compiler.
        [DiagnosticAnalyzer(LanguageNames.CSharp)]
        private sealed class ModelProbe : DiagnosticAnalyzer
        {
            private static readonly DiagnosticDescriptor Probe = new("PROBE", "probe", "probe", "Test", DiagnosticSeverity.Hidden, true);
            private readonly string _name;
            private readonly ConcurrentBag<(string, IOperation, MemberModel)> _seen;
            private readonly ConcurrentBag<KnownSymbols> _symbols;

            public ModelProbe(string name, ConcurrentBag<(string, IOperation, MemberModel)> seen, ConcurrentBag<KnownSymbols> symbols)
            {
                _name = name;
                _seen = seen;
                _symbols = symbols;
            }

            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Probe);

            public override void Initialize(AnalysisContext context)
            {
                context.EnableConcurrentExecution();
                context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
                context.RegisterCompilationStartAction(start =>
                {
                    var shared = KnownSymbols.Shared(start)!;
                    _symbols.Add(shared);
                    var models = shared.Models;
                    start.RegisterOperationAction(
                        operation =>
                        {
                            var model = models.Of(operation.Operation);
                            _seen.Add((_name, ValueTracker.MemberRoot(operation.Operation), model));
                        },
                        OperationKind.Invocation);
                });
            }
        }
#pragma warning restore RS1001, RS1008, RS1036, RS1038, RS1041, RS2008
    }
}
