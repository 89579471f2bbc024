using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using EffectiveML.Analyzers.Infrastructure;
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
            var analyzers = ImmutableArray.Create(SuiteCatalog.Hosting(new ModelProbe("a", seen, symbols), new ModelProbe("b", seen, symbols)));
            await compilation.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync();

            // One symbol resolution per compilation, handed to every rule.
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

        /// <summary>A rule that records the model each member gets and the symbols it was handed.</summary>
        private sealed class ModelProbe : Rule
        {
            // Probe rules live only in tests; release tracking covers the shipped rules.
#pragma warning disable RS2008
            private static readonly DiagnosticDescriptor Probe = new("PROBE", "probe", "probe", "Test", DiagnosticSeverity.Hidden, true);
#pragma warning restore RS2008
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

            internal override void Register(RuleRegistry registry)
            {
                _symbols.Add(registry.Symbols);
                registry.OnMember((_, model) => _seen.Add((_name, model.Root, model)));
            }
        }
    }
}
