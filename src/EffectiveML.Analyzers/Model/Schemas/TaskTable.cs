using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace EffectiveML.Analyzers.Model.Schemas
{
    /// <summary>The ML tasks of ML.NET's trainer catalogs.</summary>
    internal enum MLTask
    {
        BinaryClassification,
        MulticlassClassification,
        Regression,
        Ranking,
        Clustering,
        AnomalyDetection,
    }

    /// <summary>
    /// What each task's trainers ask of their label column and which columns they add, and which
    /// binary trainers are calibrated (add <c>Probability</c>), as data with the reason for each
    /// row (verified by running ML.NET, <c>SchemaFactsTests</c>).
    /// </summary>
    internal static class TaskTable
    {
        internal sealed class Entry
        {
            public Entry(MLTask task, string? expectedLabel, IReadOnlyList<(string Name, ColumnType Type)> adds, string reason)
            {
                Task = task;
                ExpectedLabel = expectedLabel;
                Adds = adds;
                Reason = reason;
            }

            public MLTask Task { get; }

            /// <summary>The label type as ML.NET's message names it; null for a task without a label.</summary>
            public string? ExpectedLabel { get; }

            /// <summary>The columns every trainer of the task adds (a calibrated binary trainer adds <c>Probability</c> too).</summary>
            public IReadOnlyList<(string Name, ColumnType Type)> Adds { get; }

            public string Reason { get; }

            /// <summary>The label type is one the task's trainers accept.</summary>
            public bool AcceptsLabel(ColumnType label) => Task switch
            {
                MLTask.BinaryClassification => label.SameShape(ColumnType.Scalar(ItemType.Boolean)),
                MLTask.Regression => label.SameShape(ColumnType.Scalar(ItemType.Single)),
                MLTask.MulticlassClassification => label.Shape == ColumnShape.Scalar && label.IsKey,
                MLTask.Ranking => label.Shape == ColumnShape.Scalar && (label.IsKey || label.Item == ItemType.Single) && !(label.IsKey && label.Item != ItemType.UInt32),
                _ => true,
            };
        }

        private static readonly ColumnType Single = ColumnType.Scalar(ItemType.Single);
        private static readonly ColumnType Boolean = ColumnType.Scalar(ItemType.Boolean);
        private static readonly ColumnType Key = ColumnType.Key();
        private static readonly ColumnType Scores = ColumnType.VectorOf(ItemType.Single);

        public static readonly IReadOnlyList<Entry> Entries = new[]
        {
            new Entry(MLTask.BinaryClassification, "Boolean", new[] { ("PredictedLabel", Boolean), ("Score", Single) },
                "a Boolean label; PredictedLabel Boolean and Score Single, and Probability Single when calibrated"),
            new Entry(MLTask.MulticlassClassification, "Key<UInt32>", new[] { ("PredictedLabel", Key), ("Score", Scores) },
                "a key label (MapValueToKey first); PredictedLabel is a key over the label's values, Score a vector of one score per class"),
            new Entry(MLTask.Regression, "Single", new[] { ("Score", Single) },
                "a Single label; Score Single"),
            new Entry(MLTask.Ranking, "Single or Key", new[] { ("Score", Single) },
                "a Single or key label (relevance grades); Score Single"),
            new Entry(MLTask.Clustering, null, new[] { ("PredictedLabel", Key), ("Score", Scores) },
                "no label; PredictedLabel is the cluster's key, Score the distances to each centroid"),
            new Entry(MLTask.AnomalyDetection, null, new[] { ("PredictedLabel", Boolean), ("Score", Single) },
                "no label; PredictedLabel Boolean, Score Single"),
        };

        /// <summary>Binary trainers by whether their model is calibrated, so that it adds <c>Probability</c>.</summary>
        public static readonly IReadOnlyList<(string Method, bool Calibrated, string Reason)> BinaryCalibration = new[]
        {
            ("SdcaLogisticRegression", true, "logistic loss; the model is calibrated"),
            ("LbfgsLogisticRegression", true, "logistic regression; the model is calibrated"),
            ("SgdCalibrated", true, "calibrated by name and by model"),
            ("FastTree", true, "ML.NET calibrates the boosted trees (Platt)"),
            ("LightGbm", true, "ML.NET calibrates the boosted trees (Platt)"),
            ("Gam", true, "ML.NET calibrates the additive model (Platt)"),
            ("FieldAwareFactorizationMachine", true, "the model outputs a probability"),
            ("Prior", true, "predicts the label's prior probability"),
            ("SymbolicSgdLogisticRegression", true, "logistic regression; the model is calibrated"),
            ("SdcaNonCalibrated", false, "hinge or other non-probabilistic loss: no Probability column"),
            ("SgdNonCalibrated", false, "no Probability column"),
            ("AveragedPerceptron", false, "a perceptron: no Probability column"),
            ("LinearSvm", false, "a support vector machine: no Probability column"),
            ("FastForest", false, "averaged tree outputs, not calibrated: no Probability column"),
            ("LdSvm", false, "a support vector machine: no Probability column"),
        };

        /// <summary>
        /// Trainers on a task catalog that do not read a label and a Vector&lt;Single&gt; of features:
        /// deep networks fed images, text or boxes, and matrix factorization fed two key columns.
        /// The schema model does not follow a pipeline past them.
        /// </summary>
        public static readonly IReadOnlyList<(string Method, string Reason)> OwnInputs = new[]
        {
            ("ImageClassification", "reads the image bytes (VarVector<Byte>) and a key label"),
            ("TextClassification", "reads sentence columns of text"),
            ("SentenceSimilarity", "reads two sentence columns of text"),
            ("NamedEntityRecognition", "reads text and a vector of key labels"),
            ("NameEntityRecognition", "reads text and a vector of key labels"),
            ("QuestionAnswer", "reads context and question text"),
            ("ObjectDetection", "reads images, boxes and a vector of key labels"),
            ("MatrixFactorization", "reads a row index and a column index key"),
        };

        private static readonly Dictionary<MLTask, Entry> ByTask = Index();

        private static readonly Dictionary<string, bool> CalibratedByMethod = IndexCalibration();

        public static Entry Of(MLTask task) => ByTask[task];

        /// <summary>Whether a binary trainer adds <c>Probability</c>; null for a trainer the table does not list.</summary>
        public static bool? IsCalibrated(string binaryTrainer) => CalibratedByMethod.TryGetValue(binaryTrainer, out var calibrated) ? calibrated : null;

        public static bool HasOwnInputs(string trainer)
        {
            foreach (var (method, _) in OwnInputs)
            {
                if (method == trainer)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The task of a trainer method, from the catalog it is called on; null for any other method.</summary>
        public static MLTask? TaskOf(IMethodSymbol trainer, MLApi api)
        {
            var receiver = MLApi.ReceiverType(trainer);
            if (MLApi.Is(receiver, api.BinaryClassificationTrainers))
            {
                return MLTask.BinaryClassification;
            }

            if (MLApi.Is(receiver, api.MulticlassClassificationTrainers))
            {
                return MLTask.MulticlassClassification;
            }

            if (MLApi.Is(receiver, api.RegressionTrainers))
            {
                return MLTask.Regression;
            }

            if (MLApi.Is(receiver, api.RankingTrainers))
            {
                return MLTask.Ranking;
            }

            if (MLApi.Is(receiver, api.ClusteringTrainers))
            {
                return MLTask.Clustering;
            }

            return MLApi.Is(receiver, api.AnomalyDetectionTrainers) ? MLTask.AnomalyDetection : null;
        }

        private static Dictionary<MLTask, Entry> Index()
        {
            var index = new Dictionary<MLTask, Entry>();
            foreach (var entry in Entries)
            {
                index[entry.Task] = entry;
            }

            return index;
        }

        private static Dictionary<string, bool> IndexCalibration()
        {
            var index = new Dictionary<string, bool>(System.StringComparer.Ordinal);
            foreach (var (method, calibrated, _) in BinaryCalibration)
            {
                index[method] = calibrated;
            }

            return index;
        }
    }
}
