using System;
using System.Collections.Generic;
using System.Text;

namespace EffectiveML.Benchmarks
{
    /// <summary>
    /// The corpora, generated from fixed seeds: the budget corpus (ML.NET application code as dense
    /// in findings as real code, in its own file), the dense corpus (ML.NET programs in which
    /// nearly every file holds several mistakes: a stress figure), and ordinary C# without ML.
    /// </summary>
    public static partial class Corpus
    {
        public const int Seed = 20261127;

        public static List<string> Dense(int files)
        {
            var random = new Random(Seed);
            var sources = new List<string>(files);
            for (var i = 0; i < files; i++)
            {
                sources.Add(MachineLearningFile(i, random));
            }

            return sources;
        }

        public static List<string> Ordinary(int files)
        {
            var random = new Random(Seed + 1);
            var sources = new List<string>(files);
            for (var i = 0; i < files; i++)
            {
                sources.Add(OrdinaryFile(i, random));
            }

            return sources;
        }

        public static int Lines(IEnumerable<string> sources)
        {
            var lines = 0;
            foreach (var source in sources)
            {
                foreach (var c in source)
                {
                    if (c == '\n')
                    {
                        lines++;
                    }
                }
            }

            return lines;
        }

        private static string MachineLearningFile(int i, Random random)
        {
            // Each file mixes effective and ineffective shapes; which ones depends on the seed.
            var seeded = random.Next(4) != 0 ? $"seed: {i}" : string.Empty;
            var separator = random.Next(3) != 0 ? "separatorChar: ',', " : string.Empty;
            var header = random.Next(3) != 0 ? "hasHeader: true" : "allowQuoting: true";
            var imputation = random.Next(3) switch
            {
                0 => "ml.Transforms.ReplaceMissingValues(nameof(Row.Age), replacementMode: MissingValueReplacingEstimator.ReplacementMode.Mean)",
                1 => "ml.Transforms.ReplaceMissingValues(new[] { new InputOutputColumnPair(nameof(Row.Age)), new InputOutputColumnPair(nameof(Row.Income)) }, MissingValueReplacingEstimator.ReplacementMode.Mean)",
                _ => "ml.Transforms.ReplaceMissingValues(nameof(Row.Age))",
            };
            var normalizer = random.Next(3) != 0 ? "\n                .Append(ml.Transforms.NormalizeMinMax(\"Features\"))" : string.Empty;
            var leak = random.Next(5) == 0 ? ", nameof(Row.Label)" : string.Empty;
            var evaluated = random.Next(4) != 0 ? "split.TestSet" : "split.TrainSet";
            var metric = random.Next(3) != 0 ? "metrics.AreaUnderRocCurve + metrics.F1Score" : "metrics.Accuracy";
            var schema = random.Next(3) != 0 ? "data.Schema" : "null";
            var trees = random.Next(4) == 0 ? 2000 : 100;
            var columnLiteral = random.Next(4) == 0 ? "\"Tenure\"" : "nameof(Row.Tenure)";
            var threshold = random.Next(3) == 0 ? "prediction.Probability > 0.5f" : "prediction.Probability > _threshold";
            var swallow = random.Next(3) == 0 ? "return null;" : "Console.Error.WriteLine(ex.Message);\n                    return null;";
            var income = random.Next(8) == 0 ? "\"Incme\"" : "nameof(Row.Income)";
            var label = random.Next(8) == 0 ? "nameof(Row.Tenure)" : "nameof(Row.Label)";
            var computed = random.Next(8) == 0 ? "\n                        public float TenureYears => Tenure / 12;" : string.Empty;
            var binaryTrainer = random.Next(6) == 0 ? "AveragedPerceptron" : "LbfgsLogisticRegression";
            var convertVisits = random.Next(6) == 0 ? string.Empty : "\n                        .Append(_ml.Transforms.Conversion.ConvertType(nameof(Row.Visits)))";

            return $$"""
                using System;
                using System.Collections.Generic;
                using System.IO;
                using System.Linq;
                using Microsoft.ML;
                using Microsoft.ML.Data;
                using Microsoft.ML.Transforms;

                namespace Corpus.Ml{{i}}
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

                    public static class Pipelines
                    {
                        public static IEstimator<ITransformer> Baseline(MLContext ml) =>
                            {{imputation}}
                                .Append(ml.Transforms.Categorical.OneHotEncoding("PlanEncoded", nameof(Row.Plan)))
                                .Append(ml.Transforms.Concatenate("Features", {{columnLiteral}}, nameof(Row.Age), nameof(Row.Income), "PlanEncoded"{{leak}})){{normalizer}}
                                .Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression());

                        public static IEstimator<ITransformer> Trees(MLContext ml) =>
                            ml.Transforms.Categorical.OneHotEncoding("PlanEncoded", nameof(Row.Plan))
                                .Append(ml.Transforms.Concatenate("Features", nameof(Row.Tenure), nameof(Row.Age), "PlanEncoded"))
                                .Append(ml.BinaryClassification.Trainers.FastTree(numberOfTrees: {{trees}}));
                    }

                    public sealed class Job
                    {
                        private readonly MLContext _ml = new MLContext({{seeded}});
                        private readonly float _threshold = 0.5f;

                        public double Train(string path, string modelPath)
                        {
                            var ml = _ml;
                            var data = ml.Data.LoadFromTextFile<Row>(Path.Combine("data", "churn{{i}}.csv"), {{separator}}{{header}});
                            var split = ml.Data.TrainTestSplit(data, testFraction: 0.2);
                            var model = Pipelines.Baseline(ml).Fit(split.TrainSet);
                            var metrics = ml.BinaryClassification.Evaluate(model.Transform({{evaluated}}));
                            ml.Model.Save(model, {{schema}}, modelPath);
                            return {{metric}};
                        }

                        public ITransformer TrainInView(string path)
                        {
                            var data = _ml.Data.LoadFromTextFile<Row>(path, separatorChar: ',', hasHeader: true);
                            var pipeline = _ml.Transforms.Categorical.OneHotEncoding("PlanEncoded", nameof(Row.Plan)){{convertVisits}}
                                .Append(_ml.Transforms.Concatenate("Features", nameof(Row.Tenure), {{income}}, nameof(Row.Visits), "PlanEncoded"))
                                .Append(_ml.Transforms.NormalizeMinMax("Features"))
                                .Append(_ml.BinaryClassification.Trainers.{{binaryTrainer}}(labelColumnName: {{label}}));
                            var model = pipeline.Fit(data);
                            var engine = _ml.Model.CreatePredictionEngine<Row, Prediction>(model);
                            return engine.Predict(new Row()).Churns ? model : null!;
                        }

                        public List<bool> Serve(ITransformer model, IReadOnlyList<Row> rows)
                        {
                            var engine = _ml.Model.CreatePredictionEngine<Row, Prediction>(model);
                            var decisions = new List<bool>();
                            foreach (var row in rows)
                            {
                                var prediction = engine.Predict(row);
                                decisions.Add({{threshold}});
                            }

                            return decisions;
                        }

                        public ITransformer? TryLoad(string path)
                        {
                            try
                            {
                                return _ml.Model.Load(path, out _);
                            }
                            catch (Exception ex)
                            {
                                {{swallow}}
                            }
                        }

                        public string Describe(IEnumerable<string> names)
                        {
                            var builder = new System.Text.StringBuilder();
                            foreach (var name in names.Where(n => n.Length > 2).OrderBy(n => n))
                            {
                                builder.Append(name.ToUpperInvariant()).Append(';');
                            }

                            return builder.ToString();
                        }

                        public int Checksum(int[] values)
                        {
                            var sum = 0;
                            for (var k = 0; k < values.Length; k++)
                            {
                                sum = unchecked(sum * 31 + values[k]);
                            }

                            return sum;
                        }
                    }
                }

                """;
        }

        private static string OrdinaryFile(int i, Random random)
        {
            var builder = new StringBuilder();
            builder.Append($$"""
                using System;
                using System.Collections.Generic;
                using System.Linq;
                using System.Text;

                namespace Corpus.Plain{{i}}
                {
                    public sealed record Order(int Id, string Customer, decimal Amount, DateTime Placed);

                    public sealed class OrderBook
                    {
                        private readonly List<Order> _orders = new();

                """);
            var methods = 6 + random.Next(3);
            for (var m = 0; m < methods; m++)
            {
                builder.Append($$"""
                        public decimal Total{{m}}(string customer, int year)
                        {
                            var total = 0m;
                            foreach (var order in _orders.Where(o => o.Customer == customer && o.Placed.Year == year))
                            {
                                total += order.Amount * {{random.Next(1, 9)}};
                            }

                            try
                            {
                                return decimal.Round(total / Math.Max(1, _orders.Count), 2);
                            }
                            catch (DivideByZeroException)
                            {
                                return 0m;
                            }
                        }

                        public string Report{{m}}()
                        {
                            var text = new StringBuilder();
                            for (var k = 0; k < _orders.Count; k++)
                            {
                                text.Append(_orders[k].Id).Append(':').AppendLine(_orders[k].Customer);
                            }

                            return text.ToString();
                        }

                """);
            }

            builder.Append("""
                    }
                }

                """);
            return builder.ToString();
        }
    }
}
