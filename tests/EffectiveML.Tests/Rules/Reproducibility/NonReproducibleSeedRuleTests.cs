using System.Threading.Tasks;
using Xunit;
using VerifyEML5004 = EffectiveML.Tests.Infrastructure.Verify<EffectiveML.Analyzers.Rules.Reproducibility.NonReproducibleSeedRule>;

namespace EffectiveML.Tests.Rules.Reproducibility
{
    public class NonReproducibleSeedRuleTests
    {
        [Fact]
        public async Task Flags_context_seeded_from_the_clock_and_tick_count()
        {
            const string source = """
                using System;
                using Microsoft.ML;

                public static class Contexts
                {
                    public static MLContext FromTicks() => new MLContext(seed: Environment.TickCount);

                    public static MLContext FromClock() => new MLContext((int)DateTime.Now.Ticks);
                }
                """;

            await VerifyEML5004.Analyzer(
                source,
                VerifyEML5004.Diagnostic("EML5004").WithSpan(6, 64, 6, 85).WithArguments("MLContext", "Environment.TickCount"),
                VerifyEML5004.Diagnostic("EML5004").WithSpan(8, 58, 8, 81).WithArguments("MLContext", "DateTime.Now"));
        }

        [Fact]
        public async Task Flags_seed_traced_through_locals()
        {
            const string source = """
                using System;
                using Microsoft.ML;

                public static class Experiment
                {
                    public static DataOperationsCatalog.TrainTestData Split(IDataView data)
                    {
                        var runId = Guid.NewGuid();
                        var seed = runId.GetHashCode();
                        var mlContext = new MLContext(seed: 1);
                        return mlContext.Data.TrainTestSplit(data, seed: {|EML5004:seed|});
                    }

                    public static IDataView Shuffle(MLContext mlContext, IDataView data)
                    {
                        var rng = new Random();
                        int shuffleSeed = rng.Next();
                        return mlContext.Data.ShuffleRows(data, {|EML5004:shuffleSeed|});
                    }
                }
                """;

            await VerifyEML5004.Analyzer(source);
        }

        [Fact]
        public async Task Flags_torch_manual_seed_random_and_trainer_options()
        {
            const string source = """
                using System;
                using System.Diagnostics;
                using System.Security.Cryptography;
                using Microsoft.ML;
                using Microsoft.ML.Trainers.FastTree;
                using TorchSharp;

                public static class Seeds
                {
                    public static void Torch() => torch.random.manual_seed({|EML5004:DateTime.UtcNow.Ticks|});

                    public static void TorchAlias() => torch.manual_seed({|EML5004:Stopwatch.GetTimestamp()|});

                    public static IDataView Noise(MLContext mlContext, IDataView data)
                    {
                        var rng = new Random({|EML5004:RandomNumberGenerator.GetInt32(int.MaxValue)|});
                        return mlContext.Data.ShuffleRows(data, seed: 3);
                    }

                    public static FastTreeBinaryTrainer.Options Options() => new FastTreeBinaryTrainer.Options
                    {
                        NumberOfTrees = 100,
                        Seed = {|EML5004:DateTimeOffset.Now.Millisecond|},
                    };
                }
                """;

            await VerifyEML5004.Analyzer(source);
        }

        [Fact]
        public async Task Quiet_for_constant_configured_and_derived_seeds()
        {
            const string source = """
                using System;
                using Microsoft.ML;
                using TorchSharp;

                public sealed class TrainingOptions
                {
                    public int Seed { get; init; } = 1;
                }

                public static class Seeds
                {
                    private const int DefaultSeed = 20261127;

                    public static MLContext Constant() => new MLContext(seed: DefaultSeed);

                    public static MLContext Configured(TrainingOptions options) => new MLContext(seed: options.Seed);

                    public static MLContext FromEnvironment() =>
                        new MLContext(seed: int.Parse(Environment.GetEnvironmentVariable("TRAINING_SEED") ?? "0"));

                    public static DataOperationsCatalog.TrainTestData Derived(MLContext mlContext, IDataView data, int baseSeed)
                    {
                        var started = DateTime.Now;
                        var seed = new Random(baseSeed).Next();
                        Console.WriteLine($"split started at {started}");
                        return mlContext.Data.TrainTestSplit(data, seed: seed + 1);
                    }

                    public static void Torch(long seed) => torch.random.manual_seed(seed);
                }
                """;

            await VerifyEML5004.Analyzer(source);
        }

        [Fact]
        public async Task Quiet_for_clock_seeded_random_outside_ml_members()
        {
            const string source = """
                using System;
                using Microsoft.ML;

                public static class Backoff
                {
                    private static readonly MLContext Context = new MLContext(seed: 0);

                    public static int Jitter() => new Random(Environment.TickCount).Next(100);
                }
                """;

            await VerifyEML5004.Analyzer(source);
        }

        [Fact]
        public async Task Quiet_in_generated_code()
        {
            const string generated = """
                // <auto-generated/>
                using System;
                using Microsoft.ML;

                public static class GeneratedContext
                {
                    public static MLContext Create() => new MLContext(seed: Environment.TickCount);
                }
                """;

            await VerifyEML5004.Test().WithFile("/0/Context.g.cs", generated).RunAsync();
        }
    }
}
