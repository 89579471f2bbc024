using System.Collections.Generic;

namespace EffectiveML.Analyzers.Model.Pipelines
{
    /// <summary>Whether a trainer's loss is sensitive to the scale of its features.</summary>
    internal enum Normalization
    {
        /// <summary>ML.NET's <c>TrainerInfo.NeedNormalization</c> is true: large-valued features dominate the fit.</summary>
        Needed,
        NotNeeded,
        /// <summary>A wrapper (one-versus-all, pairwise coupling) that inherits the need of the trainer it wraps.</summary>
        DependsOnWrappedTrainer,
    }

    /// <summary>Whether a trainer is a simple baseline or a high-capacity model that needs one to be justified.</summary>
    internal enum Complexity
    {
        Simple,
        Complex,
        DependsOnWrappedTrainer,
    }

    /// <summary>
    /// Every ML.NET trainer the models know, keyed by its catalog method name, as one table with
    /// the reason for each classification (verified against ML.NET 5.0.1 <c>TrainerInfo</c>).
    /// Rules ask this table; none decides by itself which trainers need normalization or are complex.
    /// </summary>
    internal static class TrainerTable
    {
        internal sealed class Entry
        {
            public Entry(string method, Normalization normalization, Complexity complexity, string reason)
            {
                Method = method;
                Normalization = normalization;
                Complexity = complexity;
                Reason = reason;
            }

            public string Method { get; }
            public Normalization Normalization { get; }
            public Complexity Complexity { get; }
            public string Reason { get; }

            /// <summary>What the trainer is, for messages: the reason up to its first colon.</summary>
            public string Kind => Reason.Split(':')[0];
        }

        private const string Linear = "a linear model fitted by gradient steps: NeedNormalization = true, and the baseline every complex model should beat";

        public static readonly IReadOnlyList<Entry> Entries = new[]
        {
            new Entry("Sdca", Normalization.Needed, Complexity.Simple, Linear),
            new Entry("SdcaLogisticRegression", Normalization.Needed, Complexity.Simple, Linear),
            new Entry("SdcaNonCalibrated", Normalization.Needed, Complexity.Simple, Linear),
            new Entry("SdcaMaximumEntropy", Normalization.Needed, Complexity.Simple, Linear),
            new Entry("LbfgsLogisticRegression", Normalization.Needed, Complexity.Simple, Linear),
            new Entry("LbfgsMaximumEntropy", Normalization.Needed, Complexity.Simple, Linear),
            new Entry("LbfgsPoissonRegression", Normalization.Needed, Complexity.Simple, Linear),
            new Entry("AveragedPerceptron", Normalization.Needed, Complexity.Simple, Linear),
            new Entry("LinearSvm", Normalization.Needed, Complexity.Simple, Linear),
            new Entry("OnlineGradientDescent", Normalization.Needed, Complexity.Simple, Linear),
            new Entry("SgdCalibrated", Normalization.Needed, Complexity.Simple, Linear),
            new Entry("SgdNonCalibrated", Normalization.Needed, Complexity.Simple, Linear),
            new Entry("SymbolicSgdLogisticRegression", Normalization.Needed, Complexity.Simple, Linear),
            new Entry("Ols", Normalization.Needed, Complexity.Simple, "ordinary least squares: NeedNormalization = true; the regression baseline"),
            new Entry("LdSvm", Normalization.Needed, Complexity.Simple, "local deep SVM: NeedNormalization = true; a kernel-like linear model, not an ensemble"),
            new Entry("KMeans", Normalization.Needed, Complexity.Simple, "distances are dominated by large-valued features: NeedNormalization = true"),
            new Entry("RandomizedPca", Normalization.Needed, Complexity.Simple, "variance is dominated by large-valued features: NeedNormalization = true"),
            new Entry("NaiveBayes", Normalization.NotNeeded, Complexity.Simple, "counts feature occurrences: NeedNormalization = false"),
            new Entry("FieldAwareFactorizationMachine", Normalization.NotNeeded, Complexity.Simple, "TrainerInfo says NeedNormalization = false (ML.NET's docs tables disagree; the code wins)"),
            new Entry("Prior", Normalization.NotNeeded, Complexity.Simple, "predicts the label's prior: the trivial baseline"),
            new Entry("MatrixFactorization", Normalization.NotNeeded, Complexity.Simple, "factorizes a key-indexed matrix; no feature scale involved"),
            new Entry("FastTree", Normalization.NotNeeded, Complexity.Complex, "a boosted tree ensemble: splits are scale-free, capacity is high"),
            new Entry("FastTreeTweedie", Normalization.NotNeeded, Complexity.Complex, "a boosted tree ensemble"),
            new Entry("FastForest", Normalization.NotNeeded, Complexity.Complex, "a random forest: splits are scale-free, capacity is high"),
            new Entry("Gam", Normalization.NotNeeded, Complexity.Complex, "a generalized additive model boosted from trees"),
            new Entry("LightGbm", Normalization.NotNeeded, Complexity.Complex, "a boosted tree ensemble"),
            new Entry("ImageClassification", Normalization.NotNeeded, Complexity.Complex, "a deep network trained by transfer learning"),
            new Entry("TextClassification", Normalization.NotNeeded, Complexity.Complex, "a transformer network fine-tuned by ML.NET TorchSharp"),
            new Entry("SentenceSimilarity", Normalization.NotNeeded, Complexity.Complex, "a transformer network fine-tuned by ML.NET TorchSharp"),
            new Entry("NamedEntityRecognition", Normalization.NotNeeded, Complexity.Complex, "a transformer network fine-tuned by ML.NET TorchSharp"),
            new Entry("NameEntityRecognition", Normalization.NotNeeded, Complexity.Complex, "a transformer network fine-tuned by ML.NET TorchSharp (the older spelling of NamedEntityRecognition)"),
            new Entry("QuestionAnswer", Normalization.NotNeeded, Complexity.Complex, "a transformer network fine-tuned by ML.NET TorchSharp"),
            new Entry("ObjectDetection", Normalization.NotNeeded, Complexity.Complex, "a deep detection network trained by ML.NET TorchSharp"),
            new Entry("OneVersusAll", Normalization.DependsOnWrappedTrainer, Complexity.DependsOnWrappedTrainer, "wraps a binary trainer"),
            new Entry("PairwiseCoupling", Normalization.DependsOnWrappedTrainer, Complexity.DependsOnWrappedTrainer, "wraps a binary trainer"),
        };

        private static readonly Dictionary<string, Entry> ByMethod = Index();

        /// <summary>The row of a trainer method; null for a trainer the table does not know.</summary>
        public static Entry? Find(string method) => ByMethod.TryGetValue(method, out var entry) ? entry : null;

        private static Dictionary<string, Entry> Index()
        {
            var index = new Dictionary<string, Entry>(System.StringComparer.Ordinal);
            foreach (var entry in Entries)
            {
                index[entry.Method] = entry;
            }

            return index;
        }
    }
}
