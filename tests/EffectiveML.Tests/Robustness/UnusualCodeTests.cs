using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;

namespace EffectiveML.Tests.Robustness
{
    /// <summary>
    /// Valid, effective ML.NET code written in less common C# shapes. Every rule is on; none may
    /// throw, and none may report: each program is the correct code a sloppy rule would flag.
    /// </summary>
    public class UnusualCodeTests
    {
        private const string Schema = """
            namespace Shapes.Data;

            public sealed record House
            {
                [Microsoft.ML.Data.LoadColumn(0)] public float Size { get; init; }
                [Microsoft.ML.Data.LoadColumn(1)] public float Rooms { get; init; }
                [Microsoft.ML.Data.LoadColumn(2)] public float Price { get; init; }
            }

            public sealed class PricePrediction
            {
                [Microsoft.ML.Data.ColumnName("Score")] public float Price { get; set; }
            }
            """;

        public static TheoryData<string, string[]> Programs() => new()
        {
            {
                "top-level statements with a factory class",
                new[]
                {
                    """
                    using System;
                    using Microsoft.ML;
                    using Shapes.Data;

                    var mlContext = new MLContext(seed: 7);
                    var data = mlContext.Data.LoadFromTextFile<House>(args[0], separatorChar: ',', hasHeader: true);
                    var split = mlContext.Data.TrainTestSplit(data, testFraction: 0.2, seed: 7);
                    var model = Pipelines.Linear(mlContext).Fit(split.TrainSet);
                    var metrics = mlContext.Regression.Evaluate(model.Transform(split.TestSet), labelColumnName: nameof(House.Price));
                    Console.WriteLine(metrics.RSquared);
                    mlContext.Model.Save(model, data.Schema, args[1]);

                    public static class Pipelines
                    {
                        public static IEstimator<ITransformer> Linear(MLContext mlContext) =>
                            mlContext.Transforms.Concatenate("Features", nameof(House.Size), nameof(House.Rooms))
                                .Append(mlContext.Transforms.NormalizeMinMax("Features"))
                                .Append(mlContext.Regression.Trainers.Sdca(labelColumnName: nameof(House.Price)));
                    }
                    """,
                    Schema,
                }
            },
            {
                "file-scoped namespace, global usings, aliases, using static, nullable, #if",
                new[]
                {
                    "global using Microsoft.ML;\nglobal using Shapes.Data;\n",
                    """
                    #nullable enable
                    using ML = Microsoft.ML;
                    using static System.Math;

                    namespace Shapes.Training;

                    public sealed class Trainer
                    {
                        private readonly ML.MLContext _ml = new(seed: 42);
                        private ITransformer? _model;

                        public double Train(IDataView data)
                        {
                    #if DEBUG
                            var testFraction = 0.5;
                    #else
                            var testFraction = 0.2;
                    #endif
                            var split = _ml.Data.TrainTestSplit(data, testFraction, seed: 42);
                            _model = Factory.Build(_ml).Fit(split.TrainSet);
                            var metrics = _ml.Regression.Evaluate(_model.Transform(split.TestSet), labelColumnName: nameof(House.Price));
                            return Round(metrics.RSquared, 3);
                        }

                        public ITransformer? Model => _model;
                    }

                    public static class Factory
                    {
                        public static IEstimator<ITransformer> Build(ML.MLContext ml) =>
                            ml.Transforms.Concatenate("Features", nameof(House.Size), nameof(House.Rooms))
                                .Append(ml.Transforms.NormalizeMeanVariance("Features"))
                                .Append(ml.Regression.Trainers.Sdca(labelColumnName: nameof(House.Price)));
                    }
                    """,
                    Schema,
                }
            },
            {
                "partial classes across files, extension methods of the user's own, Aggregate-built pipelines, generic helpers",
                new[]
                {
                    """
                    using Microsoft.ML;
                    using Shapes.Data;

                    namespace Shapes.Serving
                    {
                        public sealed partial class Scorer
                        {
                            private readonly MLContext _mlContext = new MLContext(seed: 3);
                        }
                    }
                    """,
                    """
                    using System.Collections.Generic;
                    using System.Linq;
                    using Microsoft.ML;
                    using Shapes.Data;

                    namespace Shapes.Serving
                    {
                        public static class EstimatorExtensions
                        {
                            public static IEstimator<ITransformer> NormalizeEach(this TransformsCatalog transforms, IEnumerable<string> columns) =>
                                columns.Aggregate<string, IEstimator<ITransformer>>(
                                    new Microsoft.ML.Data.EstimatorChain<ITransformer>(),
                                    (pipeline, column) => pipeline.Append(transforms.NormalizeMinMax(column)));
                        }

                        public sealed partial class Scorer
                        {
                            public IEstimator<ITransformer> Pipeline() =>
                                _mlContext.Transforms.NormalizeEach(new[] { nameof(House.Size), nameof(House.Rooms) })
                                    .Append(_mlContext.Transforms.Concatenate("Features", nameof(House.Size), nameof(House.Rooms)))
                                    .Append(_mlContext.Regression.Trainers.Sdca(new Microsoft.ML.Trainers.SdcaRegressionTrainer.Options { LabelColumnName = nameof(House.Price), NumberOfThreads = 1 }));

                            public TOut[] ScoreAll<TIn, TOut>(ITransformer model, IEnumerable<TIn> rows)
                                where TIn : class
                                where TOut : class, new()
                            {
                                var scored = model.Transform(_mlContext.Data.LoadFromEnumerable(rows));
                                return _mlContext.Data.CreateEnumerable<TOut>(scored, reuseRowObject: false).ToArray();
                            }
                        }
                    }
                    """,
                    Schema,
                }
            },
        };

        [Theory]
        [MemberData(nameof(Programs))]
        public async Task Rules_stay_quiet_and_do_not_throw(string shape, string[] sources)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var compilation = AnalysisRunner.Compile(sources);
            if (shape.StartsWith("top-level", StringComparison.Ordinal))
            {
                compilation = AnalysisRunner.WithOutputKind(compilation, OutputKind.ConsoleApplication);
            }

            Assert.Empty(compilation.GetDiagnostics(timeout.Token).Where(d => d.Severity == DiagnosticSeverity.Error));
            var (diagnostics, failures) = await AnalysisRunner.AnalyzeAsync(compilation, timeout.Token);

            Assert.Empty(failures);
            Assert.Empty(diagnostics.Where(d => d.Id.StartsWith("EML", StringComparison.Ordinal)).Select(d => d.ToString()));
        }
    }
}
