using System;
using System.Collections.Generic;

namespace EffectiveML.Benchmarks
{
    /// <summary>
    /// The budget corpus: ML.NET application code as dense in findings as real code. Each file is
    /// a small application module (schema classes, a pipeline factory, a training job, a scorer, a
    /// multiclass model trained in view, and the ordinary code around them: settings, CSV summaries,
    /// a report). Every shape is written correctly unless the seed draws its mistake, and each
    /// mistake is drawn rarely enough that the corpus carries at most 15 findings per 1,000 lines,
    /// as the densest real ML.NET code measured does (about 13). Across the corpus every rule that
    /// can fire in one library compilation has its positive shapes and their correct counterparts.
    /// One file in four also holds a TorchSharp module (<see cref="TorchSharpModule"/>).
    /// </summary>
    public static partial class Corpus
    {
        public static List<string> Budget(int files)
        {
            var random = new Random(Seed + 2);
            var torchSharp = new Random(Seed + 3);
            var sources = new List<string>(files);
            for (var i = 0; i < files; i++)
            {
                var file = BudgetFile(i, new Slots(random, Mistakes));
                sources.Add(i % TorchSharpEvery == 0 ? file + TorchSharpModule(i, new Slots(torchSharp, Mistakes)) : file);
            }

            return sources;
        }

        /// <summary>
        /// The factor on every drawn mistake's probability below (those are relative: 1 in 50 files
        /// for most). At 4 the corpus carries about 12 findings per 1,000 lines; at 0 it has no
        /// mistake, and the suite must find nothing (<c>--findings</c> shows both).
        /// </summary>
        public static double Mistakes { get; set; } = 4.0;

        /// <summary>Draws, for one file, whether each shape is written with its mistake.</summary>
        private sealed class Slots
        {
            private readonly Random _random;
            private readonly double _scale;

            public Slots(Random random, double scale)
            {
                _random = random;
                _scale = scale;
            }

            /// <summary>The positive text with probability <paramref name="p"/> (scaled), else the negative one. Always draws, so the stream does not depend on the scale.</summary>
            public string Pick(double p, string positive, string negative) => _random.NextDouble() < p * _scale ? positive : negative;

            /// <summary>One of several mistakes, each with its probability, or the correct text.</summary>
            public int Which(params double[] p)
            {
                var draw = _random.NextDouble();
                var sum = 0.0;
                for (var k = 0; k < p.Length; k++)
                {
                    sum += p[k] * _scale;
                    if (draw < sum)
                    {
                        return k + 1;
                    }
                }

                return 0;
            }
        }

        private static string BudgetFile(int i, Slots s)
        {
            var seed = s.Which(0.03, 0.015) switch
            {
                1 => string.Empty,                          // EML5001
                2 => "seed: Environment.TickCount",         // EML5004
                _ => $"seed: {i}",
            };
            var imputation = s.Which(0.02, 0.03, 0.03) switch
            {
                // EML4001: the mean into every numeric column at once.
                1 => "ml.Transforms.IndicateMissingValues(new[] { new InputOutputColumnPair(\"AgeMissing\", nameof(Row.Age)), new InputOutputColumnPair(\"IncomeMissing\", nameof(Row.Income)) })\n                .Append(ml.Transforms.ReplaceMissingValues(new[] { new InputOutputColumnPair(nameof(Row.Age)), new InputOutputColumnPair(nameof(Row.Income)) }, MissingValueReplacingEstimator.ReplacementMode.Mean))",
                // EML4002: the mode left to the default.
                2 => "ml.Transforms.IndicateMissingValues(\"AgeMissing\", nameof(Row.Age))\n                .Append(ml.Transforms.ReplaceMissingValues(nameof(Row.Age)))",
                // EML4003: no indicator.
                3 => "ml.Transforms.ReplaceMissingValues(nameof(Row.Age), replacementMode: MissingValueReplacingEstimator.ReplacementMode.Mean)",
                _ => "ml.Transforms.IndicateMissingValues(\"AgeMissing\", nameof(Row.Age))\n                .Append(ml.Transforms.ReplaceMissingValues(nameof(Row.Age), replacementMode: MissingValueReplacingEstimator.ReplacementMode.Mean))",
            };
            var ageMissing = imputation.Contains("AgeMissing", StringComparison.Ordinal)
                ? "\n                .Append(ml.Transforms.Conversion.ConvertType(\"AgeMissing\", outputKind: DataKind.Single))"
                : string.Empty;
            var ageMissingFeature = ageMissing.Length > 0 ? ", \"AgeMissing\"" : string.Empty;
            var leak = s.Pick(0.02, ", nameof(Row.Label)", string.Empty);                                  // EML4007
            var normalizer = s.Pick(0.03, string.Empty, "\n                .Append(ml.Transforms.NormalizeMinMax(\"Features\"))"); // EML4010
            var trees = s.Pick(0.02, "2000", "100");                                                      // EML1002
            var path = s.Which(0.02, 0.02, 0.02) switch
            {
                1 => "Path.Combine(_settings.DataFolder, \"churn.csv\"), hasHeader: true",                // EML4005
                2 => "Path.Combine(_settings.DataFolder, \"churn.csv\"), separatorChar: ','",            // EML4006
                3 => "@\"C:\\Users\\analyst\\data\\churn.csv\", separatorChar: ',', hasHeader: true",     // EML3003
                _ => "Path.Combine(_settings.DataFolder, \"churn.csv\"), separatorChar: ',', hasHeader: true",
            };
            var evaluated = s.Pick(0.02, "split.TrainSet", "split.TestSet");                             // EML4008
            var metric = s.Pick(0.02, "metrics.Accuracy", "metrics.AreaUnderRocCurve");                  // EML4011
            var schema = s.Pick(0.02, "null", "data.Schema");                                             // EML2004
            var evaluation = s.Pick(
                0.02,
                "_ml.BinaryClassification.Evaluate(model.Transform(split.TestSet));\n            return model;",          // EML6002
                "var check = _ml.BinaryClassification.Evaluate(model.Transform(split.TestSet));\n            return check.AreaUnderRocCurve >= _settings.MinimumAuc ? model : null;");
            var refresh = s.Which(0.02, 0.02) switch
            {
                // EML4009: the normalizer learns from rows the split later holds out.
                1 => """
                    var scaled = _ml.Transforms.NormalizeMinMax(nameof(Row.Income)).Fit(data).Transform(data);
                            var split = _ml.Data.TrainTestSplit(scaled, testFraction: 0.2);
                    """,
                // EML5002: the split is left to a public helper that cannot know its caller's context is seeded.
                2 => """
                    var split = SplitFor(_ml, data);
                    """,
                _ => """
                    var split = _ml.Data.TrainTestSplit(data, testFraction: 0.2);
                    """,
            };
            var splitFor = refresh.Contains("SplitFor", StringComparison.Ordinal)
                ? """

                        public static DataOperationsCatalog.TrainTestData SplitFor(MLContext ml, IDataView data) =>
                            ml.Data.TrainTestSplit(data, testFraction: 0.2);

                """
                : string.Empty;
            var swallow = s.Pick(0.02, "return null;", "_log.Add($\"could not load {path}: {ex.Message}\");\n                return null;"); // EML7001
            var scoring = s.Which(0.02, 0.015) switch
            {
                // EML2003: one prediction per row in a loop.
                1 => """
                    var engine = _ml.Model.CreatePredictionEngine<Row, Prediction>(_model);
                            var decisions = new List<bool>();
                            foreach (var row in rows)
                            {
                                decisions.Add(engine.Predict(row).Probability > _threshold);
                            }

                            return decisions;
                    """,
                // EML2002: an engine built for every row.
                2 => """
                    return rows.Select(row => _ml.Model.CreatePredictionEngine<Row, Prediction>(_model).Predict(row).Probability > _threshold).ToList();
                    """,
                _ => """
                    var scored = _model.Transform(_ml.Data.LoadFromEnumerable(rows));
                            return _ml.Data.CreateEnumerable<Prediction>(scored, reuseRowObject: false).Select(p => p.Probability > _threshold).ToList();
                    """,
            };
            var oneThreshold = s.Pick(0.02, "0.5f", "_threshold");                                       // EML8002
            var sharedEngine = s.Pick(
                0.01,
                "\n        private static PredictionEngine<Row, Prediction>? s_engine;\n\n        public static void Warm(MLContext ml, ITransformer model) => s_engine ??= ml.Model.CreatePredictionEngine<Row, Prediction>(model);\n", // EML2001
                string.Empty);
            var retrain = s.Pick(
                0.01,
                """

                    public static class NightlyRetrain
                    {
                        public static void Run(MLContext ml, IDataView data, string modelPath)
                        {
                            var model = ml.Transforms.Concatenate("Features", nameof(Row.Tenure), nameof(Row.Age))
                                .Append(ml.BinaryClassification.Trainers.FastTree(numberOfTrees: 50))
                                .Fit(data);
                            ml.Model.Save(model, data.Schema, modelPath);
                        }
                    }

                """, // EML6001: a type that trains and saves, and evaluates nothing
                string.Empty);
            var entryPoint = s.Pick(
                0.005,
                """

                    public static class Cli
                    {
                        public static void Main(string[] args)
                        {
                            var ml = new MLContext(seed: 5);
                            var data = ml.Data.LoadFromTextFile<Row>(args[0], separatorChar: ',', hasHeader: true);
                            var split = ml.Data.TrainTestSplit(data, testFraction: 0.2);
                            var model = ml.Transforms.Concatenate("Features", nameof(Row.Tenure), nameof(Row.Age))
                                .Append(ml.Transforms.NormalizeMinMax("Features"))
                                .Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression())
                                .Fit(split.TrainSet);
                            Console.WriteLine(ml.BinaryClassification.Evaluate(model.Transform(split.TestSet)).AreaUnderRocCurve);
                            ml.Model.Save(model, data.Schema, args[1]);
                        }
                    }

                """, // EML3001: the pipeline is written inline in an entry point
                string.Empty);
            var noise = s.Pick(0.02, "new Random()", $"new Random({i})");                                  // EML5003
            var suppression = s.Pick(
                0.01,
                "[System.Diagnostics.CodeAnalysis.SuppressMessage(\"EffectiveML\", \"EML8002\")]",           // EML7002
                "[System.Diagnostics.CodeAnalysis.SuppressMessage(\"EffectiveML\", \"EML8002\", Justification = \"The cut-off is the product owner's, fixed by contract.\")]");
            var threads = s.Pick(0.015, "NumberOfThreads = 4, ", "NumberOfThreads = 1, ");                 // EML5007
            // The schema shapes (EML4101-EML4106) of a pipeline trained and served in view.
            var income = s.Pick(0.015, "\"Incme\"", "nameof(Row.Income)");                                // EML4101
            var convertVisits = s.Pick(0.015, string.Empty, "\n                .Append(_ml.Transforms.Conversion.ConvertType(nameof(Row.Visits)))"); // EML4103
            var binaryLabel = s.Pick(0.015, "nameof(Row.Tenure)", "nameof(Row.Label)");                  // EML4102
            var binaryTrainer = s.Pick(0.015, "AveragedPerceptron", "LbfgsLogisticRegression");          // EML4105
            var computed = s.Pick(0.015, "\n        public float TenureYears => Tenure / 12;", string.Empty); // EML4106
            var keyToValue = s.Pick(0.015, string.Empty, "\n                .Append(_ml.Transforms.Conversion.MapKeyToValue(\"PredictedLabel\"))"); // EML4104
            var planLiteral = s.Pick(0.02, "\"Tenure\"", "nameof(Row.Tenure)");                           // EML8001
            var inViewImputation = s.Pick(
                0.015,
                "\n                .Append(_ml.Transforms.ReplaceMissingValues(nameof(Row.Age), replacementMode: MissingValueReplacingEstimator.ReplacementMode.Mean))", // EML4004
                string.Empty);

            return $$"""
                using System;
                using System.Collections.Generic;
                using System.Globalization;
                using System.IO;
                using System.Linq;
                using System.Text;
                using Microsoft.ML;
                using Microsoft.ML.Data;
                using Microsoft.ML.Trainers;
                using Microsoft.ML.Transforms;

                namespace Corpus.App{{i}}
                {
                    public sealed class Row
                    {
                        [LoadColumn(0)] public float Tenure { get; set; }
                        [LoadColumn(1)] public float Age { get; set; }
                        [LoadColumn(2)] public float Income { get; set; }
                        [LoadColumn(3)] public string Plan { get; set; } = "";
                        [LoadColumn(4)] public bool Label { get; set; }
                        [LoadColumn(5)] public double Visits { get; set; }{{computed}}
                    }

                    public sealed class Prediction
                    {
                        [ColumnName("PredictedLabel")] public bool Churns { get; set; }
                        public float Probability { get; set; }
                        public float Score { get; set; }
                    }

                    public sealed class PlanPrediction
                    {
                        [ColumnName("PredictedLabel")] public string Plan { get; set; } = "";
                    }

                    public sealed record Settings(string DataFolder, float Threshold, double MinimumAuc, int Trees);

                    public static class Pipelines
                    {
                        public static IEstimator<ITransformer> Baseline(MLContext ml) =>
                            {{imputation}}{{ageMissing}}
                                .Append(ml.Transforms.Categorical.OneHotEncoding("PlanEncoded", nameof(Row.Plan)))
                                .Append(ml.Transforms.Concatenate("Features", nameof(Row.Tenure), nameof(Row.Age), nameof(Row.Income), "PlanEncoded"{{ageMissingFeature}}{{leak}})){{normalizer}}
                                .Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression());

                        public static IEstimator<ITransformer> Trees(MLContext ml) =>
                            ml.Transforms.Categorical.OneHotEncoding("PlanEncoded", nameof(Row.Plan))
                                .Append(ml.Transforms.Concatenate("Features", nameof(Row.Tenure), nameof(Row.Age), "PlanEncoded"))
                                .Append(ml.BinaryClassification.Trainers.FastTree(numberOfTrees: {{trees}}));
                    }

                    public sealed class TrainingJob
                    {
                        private readonly MLContext _ml = new MLContext({{seed}});
                        private readonly Settings _settings;
                        private readonly List<string> _log = new();

                        public TrainingJob(Settings settings) => _settings = settings;

                        public IReadOnlyList<string> Log => _log;

                        public ITransformer? Train(string modelPath)
                        {
                            var data = _ml.Data.LoadFromTextFile<Row>({{path}});
                            {{refresh}}
                            var model = Pipelines.Baseline(_ml).Fit(split.TrainSet);
                            var metrics = _ml.BinaryClassification.Evaluate(model.Transform({{evaluated}}));
                            _log.Add(string.Create(CultureInfo.InvariantCulture, $"quality {{{metric}}:0.000}"));
                            _ml.Model.Save(model, {{schema}}, modelPath);
                            return model;
                        }

                        public ITransformer? Compare(string fileName)
                        {
                            var data = _ml.Data.LoadFromTextFile<Row>(Path.Combine(_settings.DataFolder, fileName), separatorChar: ',', hasHeader: true);
                            var split = _ml.Data.TrainTestSplit(data, testFraction: 0.2, seed: 7);
                            var model = Pipelines.Trees(_ml).Fit(split.TrainSet);
                            {{evaluation}}
                        }

                        public ITransformer TrainInView(string fileName)
                        {
                            var data = _ml.Data.LoadFromTextFile<Row>(Path.Combine(_settings.DataFolder, fileName), separatorChar: ',', hasHeader: true);
                            var pipeline = _ml.Transforms.Categorical.OneHotEncoding("PlanEncoded", nameof(Row.Plan)){{convertVisits}}{{inViewImputation}}
                                .Append(_ml.Transforms.Concatenate("Features", {{planLiteral}}, {{income}}, nameof(Row.Visits), "PlanEncoded"))
                                .Append(_ml.Transforms.NormalizeMinMax("Features"))
                                .Append(_ml.BinaryClassification.Trainers.{{binaryTrainer}}(labelColumnName: {{binaryLabel}}));
                            var split = _ml.Data.TrainTestSplit(data, testFraction: 0.25, seed: 3);
                            var model = pipeline.Fit(split.TrainSet);
                            var check = _ml.BinaryClassification.EvaluateNonCalibrated(model.Transform(split.TestSet));
                            _log.Add($"training fit {check.F1Score:0.000}");
                            var engine = _ml.Model.CreatePredictionEngine<Row, Prediction>(model);
                            _log.Add($"sample {engine.Predict(new Row()).Probability:0.000}");
                            return model;
                        }

                        public string SegmentPlan(string fileName, Row customer)
                        {
                            var data = _ml.Data.LoadFromTextFile<Row>(Path.Combine(_settings.DataFolder, fileName), separatorChar: ',', hasHeader: true);
                            var options = new SdcaMaximumEntropyMulticlassTrainer.Options { {{threads}}MaximumNumberOfIterations = 50 };
                            var pipeline = _ml.Transforms.Conversion.MapValueToKey("Label", nameof(Row.Plan))
                                .Append(_ml.Transforms.Concatenate("Features", nameof(Row.Tenure), nameof(Row.Age), nameof(Row.Income)))
                                .Append(_ml.Transforms.NormalizeMinMax("Features"))
                                .Append(_ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(options)){{keyToValue}};
                            var folds = _ml.MulticlassClassification.CrossValidate(data, pipeline, numberOfFolds: 5, seed: 11);
                            _log.Add($"segments {folds.Average(f => f.Metrics.MacroAccuracy):0.000}");
                            var model = pipeline.Fit(data);
                            return _ml.Model.CreatePredictionEngine<Row, PlanPrediction>(model).Predict(customer).Plan;
                        }

                        public IDataView Augment(IDataView data)
                        {
                            var random = {{noise}};
                            var rows = _ml.Data.CreateEnumerable<Row>(data, reuseRowObject: false)
                                .Select(row => new Row { Tenure = row.Tenure, Age = row.Age, Income = row.Income * (float)(0.98 + 0.04 * random.NextDouble()), Plan = row.Plan, Label = row.Label, Visits = row.Visits })
                                .ToList();
                            return _ml.Data.LoadFromEnumerable(rows);
                        }
                {{splitFor}}
                        public ITransformer? TryLoad(string path)
                        {
                            try
                            {
                                return _ml.Model.Load(path, out _);
                            }
                            catch (InvalidOperationException ex)
                            {
                                {{swallow}}
                            }
                        }
                    }

                    public sealed class Scorer
                    {
                        private readonly MLContext _ml;
                        private readonly ITransformer _model;
                        private readonly float _threshold;

                        public Scorer(MLContext ml, ITransformer model, Settings settings)
                        {
                            _ml = ml;
                            _model = model;
                            _threshold = settings.Threshold;
                        }
                {{sharedEngine}}
                        {{suppression}}
                        public IReadOnlyList<bool> Decide(IEnumerable<Row> rows)
                        {
                            {{scoring}}
                        }

                        public bool DecideOne(PredictionEngine<Row, Prediction> engine, Row row) => engine.Predict(row).Probability > {{oneThreshold}};
                    }

                {{retrain}}{{entryPoint}}
                    public static class CsvSummary
                    {
                        public static IReadOnlyDictionary<string, int> CountByPlan(IEnumerable<string> lines)
                        {
                            var counts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
                            foreach (var line in lines.Skip(1))
                            {
                                var fields = line.Split(',');
                                if (fields.Length < 6)
                                {
                                    continue;
                                }

                                counts[fields[3]] = counts.TryGetValue(fields[3], out var count) ? count + 1 : 1;
                            }

                            return counts;
                        }

                        public static (double Mean, double Deviation) Describe(IReadOnlyList<double> values)
                        {
                            if (values.Count == 0)
                            {
                                return (0, 0);
                            }

                            var mean = values.Average();
                            var variance = values.Sum(v => (v - mean) * (v - mean)) / Math.Max(1, values.Count - 1);
                            return (mean, Math.Sqrt(variance));
                        }

                        public static string Report(IReadOnlyDictionary<string, int> counts, string title)
                        {
                            var text = new StringBuilder();
                            text.AppendLine(title).AppendLine(new string('-', title.Length));
                            foreach (var (plan, count) in counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal))
                            {
                                text.Append(plan.PadRight(16)).AppendLine(count.ToString(CultureInfo.InvariantCulture));
                            }

                            return text.ToString();
                        }

                        public static Settings ReadSettings(IReadOnlyDictionary<string, string> values) =>
                            new(
                                values.TryGetValue("data", out var folder) ? folder : "data",
                                values.TryGetValue("threshold", out var threshold) ? float.Parse(threshold, CultureInfo.InvariantCulture) : 0.5f,
                                values.TryGetValue("auc", out var auc) ? double.Parse(auc, CultureInfo.InvariantCulture) : 0.75,
                                values.TryGetValue("trees", out var trees) ? int.Parse(trees, CultureInfo.InvariantCulture) : 100);
                    }
                }

                """;
        }
    }
}
