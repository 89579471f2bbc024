using System;
using System.Collections.Generic;
using System.Linq;
using EffectiveML.Analyzers.Model.Pipelines;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;
using Xunit;

namespace EffectiveML.Tests.Model
{
    /// <summary>
    /// The trainer table's randomness columns, checked by running ML.NET: each trainer is fitted
    /// twice on the same rows from two contexts created without a seed, and the scores are
    /// compared bit for bit. Agreement means the trainer drew nothing from its context (EML5001
    /// does not count it); disagreement means it did. The same experiment at the options each row
    /// names, and with several threads from one seeded context for the rows that say the result
    /// depends on thread scheduling (EML5007).
    /// </summary>
    public class TrainerRandomnessTests
    {
        public static IEnumerable<object[]> Runs => Experiments.All.Select(run => new object[] { run.Name });

        [Theory]
        [MemberData(nameof(Runs))]
        public void Two_unseeded_contexts_agree_exactly_when_the_table_says_the_trainer_draws_nothing(string name)
        {
            var run = Experiments.Named(name);
            var expected = DrawsAtDefaults(run);
            var differ = !Experiments.SameScores(new MLContext(), new MLContext(), run.AtDefaults, run.Task);
            Assert.True(expected == differ, $"{run.Name}: the table says it {(expected ? "draws" : "does not draw")} from the context at the defaults, the experiment says it {(differ ? "does" : "does not")}");
        }

        [Theory]
        [MemberData(nameof(Runs))]
        public void The_options_the_table_names_switch_the_draw_on_or_off(string name)
        {
            var run = Experiments.Named(name);
            var entry = Entry(run);
            switch (entry.Draws)
            {
                case ContextDraw.WithRandomInitialWeights:
                case ContextDraw.WithSamplingBooster:
                    Assert.False(Experiments.SameScores(new MLContext(), new MLContext(), run.AtNamedOptions!, run.Task), run.Name + " at the options that draw");
                    break;
                case ContextDraw.UnlessShuffleOff:
                case ContextDraw.UnlessSeedSet:
                    Assert.True(Experiments.SameScores(new MLContext(), new MLContext(), run.AtNamedOptions!, run.Task), run.Name + " at the options that keep it from drawing");
                    break;
                default:
                    Assert.Null(run.AtNamedOptions);
                    break;
            }
        }

        [Theory]
        [MemberData(nameof(Runs))]
        public void With_several_threads_a_seed_repeats_the_model_only_where_the_table_says_so(string name)
        {
            var run = Experiments.Named(name);
            if (run.WithThreads is null)
            {
                return;
            }

            // Eight threads on any machine, as a many-core server gets by default; a race shows in
            // one pair or another, so a few pairs are tried before calling the runs identical.
            var repeatable = Enumerable.Range(0, 3).All(_ =>
                Experiments.SameScores(new MLContext(seed: 1), new MLContext(seed: 1), ml => run.WithThreads(ml, 8), run.Task));
            Assert.True(repeatable != Entry(run).SchedulingDependent, $"{run.Name} with 8 threads from one seeded context: {(repeatable ? "repeatable" : "not repeatable")}");
            if (Entry(run).SchedulingDependent)
            {
                Assert.True(
                    Experiments.SameScores(new MLContext(seed: 1), new MLContext(seed: 1), ml => run.WithThreads(ml, 1), run.Task),
                    run.Name + " with NumberOfThreads = 1 from one seeded context");
            }
        }

        [Fact]
        public void Every_row_is_run_or_says_why_it_is_not()
        {
            var run = Experiments.All.Select(r => r.Trainer).ToHashSet();
            foreach (var entry in TrainerTable.Entries)
            {
                if (run.Contains(entry.Method))
                {
                    Assert.NotEqual(ContextDraw.Unverified, entry.Draws);
                }
                else
                {
                    Assert.Equal(ContextDraw.Unverified, entry.Draws);
                    Assert.Contains("not verified", entry.RandomnessReason, StringComparison.Ordinal);
                }

                Assert.False(string.IsNullOrWhiteSpace(entry.RandomnessReason), entry.Method);
            }
        }

        [Fact]
        public void Feature_importance_and_unseeded_projections_draw_from_the_context()
        {
            var rows = Experiments.Rows;
            double[] Importance(MLContext ml)
            {
                var data = ml.Data.LoadFromEnumerable(rows);
                var model = ml.Regression.Trainers.OnlineGradientDescent().Fit(data);
                return ml.Regression.PermutationFeatureImportance(model, data, permutationCount: 1).Select(m => m.RSquared.Mean).ToArray();
            }

            Assert.NotEqual(Importance(new MLContext()), Importance(new MLContext()));
            Assert.Equal(Importance(new MLContext(seed: 1)), Importance(new MLContext(seed: 1)));

            IEstimator<ITransformer> Projection(MLContext ml, int? seed) => ml.Transforms.ProjectToPrincipalComponents("Projected", "Features", rank: 3, seed: seed)
                .Append(ml.Transforms.Concatenate("Features", "Projected"))
                .Append(ml.Regression.Trainers.OnlineGradientDescent());
            Assert.False(Experiments.SameScores(new MLContext(), new MLContext(), ml => Projection(ml, null), Task.Regression));
            Assert.True(Experiments.SameScores(new MLContext(), new MLContext(), ml => Projection(ml, 3), Task.Regression));

            IEstimator<ITransformer> KernelMap(MLContext ml) => ml.Transforms.ApproximatedKernelMap("Mapped", "Features", rank: 5)
                .Append(ml.Transforms.Concatenate("Features", "Mapped"))
                .Append(ml.Regression.Trainers.OnlineGradientDescent());
            Assert.False(Experiments.SameScores(new MLContext(), new MLContext(), KernelMap, Task.Regression));
        }

        private static TrainerTable.Entry Entry(Run run) => TrainerTable.Find(run.Trainer) ?? throw new InvalidOperationException(run.Trainer + " is not in the table");

        private static bool DrawsAtDefaults(Run run)
        {
            var entry = Entry(run);
            return entry.Draws switch
            {
                ContextDraw.Always or ContextDraw.UnlessShuffleOff or ContextDraw.UnlessSeedSet => true,
                ContextDraw.AsWrappedTrainer => DrawsAtDefaults(Experiments.Named(run.Wrapped!)),
                _ => false,
            };
        }

        public enum Task
        {
            Regression,
            Binary,
            Multiclass,
            Ranking,
            Clustering,
            AnomalyDetection,
        }

        /// <summary>One trainer in one catalog: how to create it at its defaults, at the options its row names, and with a number of threads.</summary>
        public sealed class Run
        {
            public Run(
                string trainer,
                Task task,
                Func<MLContext, IEstimator<ITransformer>> atDefaults,
                Func<MLContext, IEstimator<ITransformer>>? atNamedOptions = null,
                Func<MLContext, int, IEstimator<ITransformer>>? withThreads = null,
                string? wrapped = null,
                string? variant = null)
            {
                Trainer = trainer;
                Task = task;
                AtDefaults = atDefaults;
                AtNamedOptions = atNamedOptions;
                WithThreads = withThreads;
                Wrapped = wrapped;
                Name = $"{trainer} ({task}{(variant is null ? string.Empty : ", " + variant)})";
            }

            public string Trainer { get; }
            public Task Task { get; }
            public string Name { get; }
            public Func<MLContext, IEstimator<ITransformer>> AtDefaults { get; }
            public Func<MLContext, IEstimator<ITransformer>>? AtNamedOptions { get; }
            public Func<MLContext, int, IEstimator<ITransformer>>? WithThreads { get; }

            /// <summary>For a wrapper: the run of the binary trainer it wraps.</summary>
            public string? Wrapped { get; }
        }

        public sealed class Row
        {
            [VectorType(6)]
            public float[] Features { get; set; } = Array.Empty<float>();

            public float Label { get; set; }

            public uint Group { get; set; }
        }

        private static class Experiments
        {
            private const int Trees = 20;

            /// <summary>1,500 rows of six features in [0, 1) and a noisy linear label in [0, 3), always the same.</summary>
            public static readonly Row[] Rows = MakeRows(1500);

            private static Row[] MakeRows(int count)
            {
                var random = new Random(7);
                var rows = new Row[count];
                for (var i = 0; i < count; i++)
                {
                    var features = new float[6];
                    for (var j = 0; j < features.Length; j++)
                    {
                        features[j] = (float)random.NextDouble();
                    }

                    var label = Math.Abs((features[0] * 3) - (features[1] * 2) + features[2] + (float)(random.NextDouble() * 0.5));
                    rows[i] = new Row { Features = features, Label = label, Group = (uint)(i / 20) };
                }

                return rows;
            }

            public static readonly Run[] All =
            {
                new("Sdca", Task.Regression, ml => ml.Regression.Trainers.Sdca(),
                    ml => ml.Regression.Trainers.Sdca(new SdcaRegressionTrainer.Options { Shuffle = false }),
                    (ml, threads) => ml.Regression.Trainers.Sdca(new SdcaRegressionTrainer.Options { NumberOfThreads = threads })),
                new("SdcaLogisticRegression", Task.Binary, ml => ml.BinaryClassification.Trainers.SdcaLogisticRegression(),
                    ml => ml.BinaryClassification.Trainers.SdcaLogisticRegression(new SdcaLogisticRegressionBinaryTrainer.Options { Shuffle = false }),
                    (ml, threads) => ml.BinaryClassification.Trainers.SdcaLogisticRegression(new SdcaLogisticRegressionBinaryTrainer.Options { NumberOfThreads = threads })),
                new("SdcaNonCalibrated", Task.Binary, ml => ml.BinaryClassification.Trainers.SdcaNonCalibrated(),
                    ml => ml.BinaryClassification.Trainers.SdcaNonCalibrated(new SdcaNonCalibratedBinaryTrainer.Options { Shuffle = false }),
                    (ml, threads) => ml.BinaryClassification.Trainers.SdcaNonCalibrated(new SdcaNonCalibratedBinaryTrainer.Options { NumberOfThreads = threads })),
                new("SdcaNonCalibrated", Task.Multiclass, ml => ml.MulticlassClassification.Trainers.SdcaNonCalibrated(),
                    ml => ml.MulticlassClassification.Trainers.SdcaNonCalibrated(new SdcaNonCalibratedMulticlassTrainer.Options { Shuffle = false }),
                    (ml, threads) => ml.MulticlassClassification.Trainers.SdcaNonCalibrated(new SdcaNonCalibratedMulticlassTrainer.Options { NumberOfThreads = threads })),
                new("SdcaMaximumEntropy", Task.Multiclass, ml => ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(),
                    ml => ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options { Shuffle = false }),
                    (ml, threads) => ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options { NumberOfThreads = threads })),
                new("SgdCalibrated", Task.Binary, ml => ml.BinaryClassification.Trainers.SgdCalibrated(),
                    ml => ml.BinaryClassification.Trainers.SgdCalibrated(new SgdCalibratedTrainer.Options { Shuffle = false }),
                    (ml, threads) => ml.BinaryClassification.Trainers.SgdCalibrated(new SgdCalibratedTrainer.Options { NumberOfThreads = threads })),
                new("SgdNonCalibrated", Task.Binary, ml => ml.BinaryClassification.Trainers.SgdNonCalibrated(),
                    ml => ml.BinaryClassification.Trainers.SgdNonCalibrated(new SgdNonCalibratedTrainer.Options { Shuffle = false }),
                    (ml, threads) => ml.BinaryClassification.Trainers.SgdNonCalibrated(new SgdNonCalibratedTrainer.Options { NumberOfThreads = threads })),
                new("LbfgsLogisticRegression", Task.Binary, ml => ml.BinaryClassification.Trainers.LbfgsLogisticRegression(),
                    ml => ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options { InitialWeightsDiameter = 0.5f }),
                    (ml, threads) => ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options { NumberOfThreads = threads })),
                new("LbfgsMaximumEntropy", Task.Multiclass, ml => ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(),
                    ml => ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options { InitialWeightsDiameter = 0.5f }),
                    (ml, threads) => ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options { NumberOfThreads = threads })),
                new("LbfgsPoissonRegression", Task.Regression, ml => ml.Regression.Trainers.LbfgsPoissonRegression(),
                    ml => ml.Regression.Trainers.LbfgsPoissonRegression(new LbfgsPoissonRegressionTrainer.Options { InitialWeightsDiameter = 0.5f }),
                    (ml, threads) => ml.Regression.Trainers.LbfgsPoissonRegression(new LbfgsPoissonRegressionTrainer.Options { NumberOfThreads = threads })),
                new("AveragedPerceptron", Task.Binary, ml => ml.BinaryClassification.Trainers.AveragedPerceptron(),
                    ml => ml.BinaryClassification.Trainers.AveragedPerceptron(new AveragedPerceptronTrainer.Options { InitialWeightsDiameter = 0.5f })),
                new("LinearSvm", Task.Binary, ml => ml.BinaryClassification.Trainers.LinearSvm(),
                    ml => ml.BinaryClassification.Trainers.LinearSvm(new LinearSvmTrainer.Options { InitialWeightsDiameter = 0.5f })),
                new("OnlineGradientDescent", Task.Regression, ml => ml.Regression.Trainers.OnlineGradientDescent(),
                    ml => ml.Regression.Trainers.OnlineGradientDescent(new OnlineGradientDescentTrainer.Options { InitialWeightsDiameter = 0.5f })),
                new("LdSvm", Task.Binary, ml => ml.BinaryClassification.Trainers.LdSvm(numberOfIterations: 300)),
                new("KMeans", Task.Clustering, ml => ml.Clustering.Trainers.KMeans(numberOfClusters: 3),
                    withThreads: (ml, threads) => ml.Clustering.Trainers.KMeans(new KMeansTrainer.Options { NumberOfClusters = 3, NumberOfThreads = threads })),
                new("RandomizedPca", Task.AnomalyDetection, ml => ml.AnomalyDetection.Trainers.RandomizedPca(rank: 3),
                    ml => ml.AnomalyDetection.Trainers.RandomizedPca(new RandomizedPcaTrainer.Options { Rank = 3, Seed = 5 })),
                new("NaiveBayes", Task.Multiclass, ml => ml.MulticlassClassification.Trainers.NaiveBayes()),
                new("FieldAwareFactorizationMachine", Task.Binary, ml => ml.BinaryClassification.Trainers.FieldAwareFactorizationMachine(new[] { "Features" })),
                new("Prior", Task.Binary, ml => ml.BinaryClassification.Trainers.Prior()),
                new("FastTree", Task.Regression, ml => ml.Regression.Trainers.FastTree(numberOfTrees: Trees),
                    withThreads: (ml, threads) => ml.Regression.Trainers.FastTree(new FastTreeRegressionTrainer.Options { NumberOfTrees = Trees, NumberOfThreads = threads, FeatureFraction = 0.5 })),
                new("FastTree", Task.Binary, ml => ml.BinaryClassification.Trainers.FastTree(numberOfTrees: Trees)),
                new("FastTree", Task.Ranking, ml => ml.Ranking.Trainers.FastTree(numberOfTrees: Trees)),
                new("FastTreeTweedie", Task.Regression, ml => ml.Regression.Trainers.FastTreeTweedie(numberOfTrees: Trees)),
                new("FastForest", Task.Regression, ml => ml.Regression.Trainers.FastForest(numberOfTrees: Trees)),
                new("FastForest", Task.Binary, ml => ml.BinaryClassification.Trainers.FastForest(numberOfTrees: Trees),
                    withThreads: (ml, threads) => ml.BinaryClassification.Trainers.FastForest(new FastForestBinaryTrainer.Options { NumberOfTrees = Trees, NumberOfThreads = threads })),
                new("Gam", Task.Regression, ml => ml.Regression.Trainers.Gam(numberOfIterations: 200)),
                new("Gam", Task.Binary, ml => ml.BinaryClassification.Trainers.Gam(numberOfIterations: 200)),
                new("LightGbm", Task.Regression, ml => ml.Regression.Trainers.LightGbm(numberOfIterations: Trees),
                    ml => ml.Regression.Trainers.LightGbm(new LightGbmRegressionTrainer.Options { NumberOfIterations = Trees, Booster = new GradientBooster.Options { FeatureFraction = 0.5 } }),
                    (ml, threads) => ml.Regression.Trainers.LightGbm(new LightGbmRegressionTrainer.Options { NumberOfIterations = Trees, NumberOfThreads = threads })),
                new("LightGbm", Task.Regression, ml => ml.Regression.Trainers.LightGbm(numberOfIterations: Trees),
                    ml => ml.Regression.Trainers.LightGbm(new LightGbmRegressionTrainer.Options { NumberOfIterations = Trees, Booster = new DartBooster.Options() }),
                    variant: "DART"),
                new("LightGbm", Task.Binary, ml => ml.BinaryClassification.Trainers.LightGbm(numberOfIterations: Trees),
                    ml => ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options { NumberOfIterations = Trees, Booster = new GossBooster.Options() })),
                new("LightGbm", Task.Multiclass, ml => ml.MulticlassClassification.Trainers.LightGbm(numberOfIterations: Trees),
                    ml => ml.MulticlassClassification.Trainers.LightGbm(new LightGbmMulticlassTrainer.Options
                    {
                        NumberOfIterations = Trees,
                        Booster = new GradientBooster.Options { SubsampleFraction = 0.5, SubsampleFrequency = 1 },
                    })),
                new("LightGbm", Task.Ranking, ml => ml.Ranking.Trainers.LightGbm(numberOfIterations: Trees),
                    ml => ml.Ranking.Trainers.LightGbm(new LightGbmRankingTrainer.Options { NumberOfIterations = Trees, Booster = new GradientBooster.Options { FeatureFraction = 0.5 } })),
                new("OneVersusAll", Task.Multiclass,
                    ml => ml.MulticlassClassification.Trainers.OneVersusAll(ml.BinaryClassification.Trainers.AveragedPerceptron()),
                    wrapped: "AveragedPerceptron (Binary)", variant: "averaged perceptron"),
                new("OneVersusAll", Task.Multiclass,
                    ml => ml.MulticlassClassification.Trainers.OneVersusAll(ml.BinaryClassification.Trainers.SdcaLogisticRegression()),
                    wrapped: "SdcaLogisticRegression (Binary)", variant: "SDCA logistic regression"),
                new("PairwiseCoupling", Task.Multiclass,
                    ml => ml.MulticlassClassification.Trainers.PairwiseCoupling(ml.BinaryClassification.Trainers.AveragedPerceptron()),
                    wrapped: "AveragedPerceptron (Binary)", variant: "averaged perceptron"),
            };

            public static Run Named(string name) => All.Single(run => run.Name == name);

            /// <summary>Fits the estimator from each context on the same rows and compares every score bit for bit.</summary>
            public static bool SameScores(MLContext first, MLContext second, Func<MLContext, IEstimator<ITransformer>> estimator, Task task) =>
                Scores(first, estimator, task).SequenceEqual(Scores(second, estimator, task));

            private static int[] Scores(MLContext ml, Func<MLContext, IEstimator<ITransformer>> estimator, Task task)
            {
                var data = ml.Data.LoadFromEnumerable(Rows);
                var model = Labeled(ml, task).Append(estimator(ml)).Fit(data);
                var scored = model.Transform(data);
                var scores = scored.Schema["Score"].Type is VectorDataViewType
                    ? scored.GetColumn<float[]>("Score").SelectMany(score => score)
                    : scored.GetColumn<float>("Score");
                return scores.Select(BitConverter.SingleToInt32Bits).ToArray();
            }

            /// <summary>The label each task needs, made from the numeric label: a Boolean, a key of three classes, or a relevance grade with query groups.</summary>
            private static IEstimator<ITransformer> Labeled(MLContext ml, Task task) => task switch
            {
                Task.Binary => ml.Transforms.CustomMapping<Row, BinaryLabel>((row, label) => label.Label = row.Label > 1.5f, contractName: null),
                Task.Multiclass => ml.Transforms.CustomMapping<Row, ClassLabel>((row, label) => label.Class = (uint)Math.Min(2, (int)row.Label), contractName: null)
                    .Append(ml.Transforms.Conversion.MapValueToKey("Label", "Class")),
                Task.Ranking => ml.Transforms.CustomMapping<Row, GradeLabel>((row, label) => label.Label = Math.Min(4, (int)row.Label), contractName: null)
                    .Append(ml.Transforms.Conversion.MapValueToKey("GroupId", nameof(Row.Group))),
                _ => ml.Transforms.CopyColumns("Features", "Features"),
            };
        }

        public sealed class BinaryLabel
        {
            public bool Label { get; set; }
        }

        public sealed class ClassLabel
        {
            public uint Class { get; set; }
        }

        public sealed class GradeLabel
        {
            public float Label { get; set; }
        }
    }
}
