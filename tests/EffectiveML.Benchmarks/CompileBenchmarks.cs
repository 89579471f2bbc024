using System.Collections.Generic;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;

namespace EffectiveML.Benchmarks
{
    /// <summary>The full mode's BenchmarkDotNet statistics: the compiler alone, with the suite, and with the peer suite.</summary>
    [MemoryDiagnoser]
    public class CompileBenchmarks
    {
        private List<SyntaxTree> _trees = new();

        [Params(100)]
        public int Files { get; set; }

        [Params(true, false)]
        public bool MachineLearning { get; set; }

        [GlobalSetup]
        public void Setup() =>
            _trees = Measurement.Parse(MachineLearning ? Corpus.Budget(Files) : Corpus.Ordinary(Files));

        private System.Collections.Immutable.ImmutableArray<MetadataReference> References =>
            MachineLearning ? Measurement.MachineLearning : Measurement.Framework;

        [Benchmark(Baseline = true)]
        public Cost Compiler() => Measurement.CompilerOnly(_trees, References);

        [Benchmark]
        public Task<Cost> EffectiveML() => Measurement.Analyzers(_trees, References, Measurement.Unmeasured);

        [Benchmark]
        public Task<Cost> Meziantou() => Measurement.Analyzers(_trees, References, Measurement.Peer);
    }
}
