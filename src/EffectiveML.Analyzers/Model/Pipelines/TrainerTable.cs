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
    /// When a trainer draws random numbers from the MLContext it was created from, at the options a
    /// call passes. Decided by experiment, not by name: each trainer was fitted twice on the same
    /// data from two contexts without a seed, and the scores compared bit for bit
    /// (<c>TrainerRandomnessTests</c> repeats it for every row it can run).
    /// </summary>
    internal enum ContextDraw
    {
        /// <summary>Two unseeded contexts train the same model: the trainer keeps its own seed or draws nothing.</summary>
        Never,
        /// <summary>At every option: the context's random source decides the model.</summary>
        Always,
        /// <summary>Unless the options set <c>Shuffle = false</c>: the context shuffles the rows between passes.</summary>
        UnlessShuffleOff,
        /// <summary>Unless the options set a <c>Seed</c> of the trainer's own.</summary>
        UnlessSeedSet,
        /// <summary>Only when the options set a non-zero <c>InitialWeightsDiameter</c>: the default starts from zero weights.</summary>
        WithRandomInitialWeights,
        /// <summary>
        /// Only when the options set a sampling booster (DART, GOSS, or a gradient booster with a
        /// feature or row fraction below 1) and no <c>Seed</c> of the trainer's own.
        /// </summary>
        WithSamplingBooster,
        /// <summary>As the binary trainer it wraps (one-versus-all, pairwise coupling).</summary>
        AsWrappedTrainer,
        /// <summary>Not verified here (the package is not served, or the trainer needs a network or GPU): never counted.</summary>
        Unverified,
    }

    /// <summary>
    /// Every ML.NET trainer the models know, keyed by its catalog method name, as one table with
    /// the reason for each classification (normalization and complexity verified against ML.NET
    /// 5.0.1 <c>TrainerInfo</c>; context randomness and thread scheduling by experiment).
    /// Rules ask this table; none decides by itself which trainers need normalization, are complex
    /// or draw on the context's randomness.
    /// </summary>
    internal static class TrainerTable
    {
        internal sealed class Entry
        {
            public Entry(string method, Normalization normalization, Complexity complexity, string reason, Randomness randomness)
            {
                Method = method;
                Normalization = normalization;
                Complexity = complexity;
                Reason = reason;
                Draws = randomness.Draws;
                SchedulingDependent = randomness.SchedulingDependent;
                RandomnessReason = randomness.Reason;
            }

            public string Method { get; }
            public Normalization Normalization { get; }
            public Complexity Complexity { get; }
            public string Reason { get; }

            /// <summary>When the trainer draws from its context's random source.</summary>
            public ContextDraw Draws { get; }

            /// <summary>
            /// With more than one thread the trainer's result depends on how the threads are
            /// scheduled, seed or no seed: runs from the same seeded context differ unless the
            /// options set <c>NumberOfThreads = 1</c>.
            /// </summary>
            public bool SchedulingDependent { get; }

            /// <summary>What the experiment showed about <see cref="Draws"/> and <see cref="SchedulingDependent"/>.</summary>
            public string RandomnessReason { get; }

            /// <summary>What the trainer is, for messages: the reason up to its first colon.</summary>
            public string Kind => Reason.Split(':')[0];
        }

        /// <summary>How a trainer uses randomness, with what the experiment showed.</summary>
        internal readonly struct Randomness
        {
            public Randomness(ContextDraw draws, bool schedulingDependent, string reason)
            {
                Draws = draws;
                SchedulingDependent = schedulingDependent;
                Reason = reason;
            }

            public ContextDraw Draws { get; }
            public bool SchedulingDependent { get; }
            public string Reason { get; }
        }

        private static readonly Randomness Sdca = new(ContextDraw.UnlessShuffleOff, schedulingDependent: true,
            "unseeded contexts differ; with Shuffle = false they agree; with 8 threads runs from one seeded context differ, even without shuffling");
        private static readonly Randomness Sgd = new(ContextDraw.UnlessShuffleOff, schedulingDependent: true,
            "unseeded contexts differ; with Shuffle = false they agree; with 8 threads runs from one seeded context differ");
        private static readonly Randomness Lbfgs = new(ContextDraw.WithRandomInitialWeights, schedulingDependent: false,
            "unseeded contexts agree at InitialWeightsDiameter = 0 (the default) and differ at 0.5; 8 threads agree");
        private static readonly Randomness OnlineLinear = new(ContextDraw.WithRandomInitialWeights, schedulingDependent: false,
            "unseeded contexts agree at the defaults (Shuffle = true included) and differ at InitialWeightsDiameter = 0.5");
        private static readonly Randomness OwnTreeSeed = new(ContextDraw.Never, schedulingDependent: false,
            "the trainer's own Options.Seed (123) drives its sampling: unseeded contexts agree, with FeatureFraction = 0.5 and with 8 threads too");
        private static readonly Randomness LightGbmDraws = new(ContextDraw.WithSamplingBooster, schedulingDependent: false,
            "unseeded contexts agree at the defaults, and differ with a DART or GOSS booster or FeatureFraction = 0.5 or bagging, unless Seed is set; 8 threads agree");
        private static readonly Randomness Deterministic = new(ContextDraw.Never, schedulingDependent: false,
            "draws no random numbers: unseeded contexts agree");
        private static readonly Randomness DeepNetwork = new(ContextDraw.Unverified, schedulingDependent: false,
            "trains a deep network (TensorFlow or TorchSharp) that the experiment cannot run offline: not verified, so never counted");

        private const string Linear = "a linear model fitted by gradient steps: NeedNormalization = true, and the baseline every complex model should beat";

        public static readonly IReadOnlyList<Entry> Entries = new[]
        {
            new Entry("Sdca", Normalization.Needed, Complexity.Simple, Linear, Sdca),
            new Entry("SdcaLogisticRegression", Normalization.Needed, Complexity.Simple, Linear, Sdca),
            new Entry("SdcaNonCalibrated", Normalization.Needed, Complexity.Simple, Linear, Sdca),
            new Entry("SdcaMaximumEntropy", Normalization.Needed, Complexity.Simple, Linear, Sdca),
            new Entry("LbfgsLogisticRegression", Normalization.Needed, Complexity.Simple, Linear, Lbfgs),
            new Entry("LbfgsMaximumEntropy", Normalization.Needed, Complexity.Simple, Linear, Lbfgs),
            new Entry("LbfgsPoissonRegression", Normalization.Needed, Complexity.Simple, Linear, Lbfgs),
            new Entry("AveragedPerceptron", Normalization.Needed, Complexity.Simple, Linear, OnlineLinear),
            new Entry("LinearSvm", Normalization.Needed, Complexity.Simple, Linear, OnlineLinear),
            new Entry("OnlineGradientDescent", Normalization.Needed, Complexity.Simple, Linear, OnlineLinear),
            new Entry("SgdCalibrated", Normalization.Needed, Complexity.Simple, Linear, Sgd),
            new Entry("SgdNonCalibrated", Normalization.Needed, Complexity.Simple, Linear, Sgd),
            new Entry("SymbolicSgdLogisticRegression", Normalization.Needed, Complexity.Simple, Linear,
                new(ContextDraw.Unverified, schedulingDependent: false, "Microsoft.ML.Mkl.Components is not served here: not verified, so never counted")),
            new Entry("Ols", Normalization.Needed, Complexity.Simple, "ordinary least squares: NeedNormalization = true; the regression baseline",
                new(ContextDraw.Unverified, schedulingDependent: false, "closed-form least squares is expected to draw nothing, but Microsoft.ML.Mkl.Components is not served here: not verified, so never counted")),
            new Entry("LdSvm", Normalization.Needed, Complexity.Simple, "local deep SVM: NeedNormalization = true; a kernel-like linear model, not an ensemble",
                new(ContextDraw.Always, schedulingDependent: false, "unseeded contexts differ: the tree's initial parameters are drawn from the context")),
            new Entry("KMeans", Normalization.Needed, Complexity.Simple, "distances are dominated by large-valued features: NeedNormalization = true",
                new(ContextDraw.Always, schedulingDependent: false, "unseeded contexts differ: k-means++ picks its initial centroids from the context; 8 threads agree")),
            new Entry("RandomizedPca", Normalization.Needed, Complexity.Simple, "variance is dominated by large-valued features: NeedNormalization = true",
                new(ContextDraw.UnlessSeedSet, schedulingDependent: false, "unseeded contexts differ unless Options.Seed is set: the random projection is drawn from the context")),
            new Entry("NaiveBayes", Normalization.NotNeeded, Complexity.Simple, "counts feature occurrences: NeedNormalization = false", Deterministic),
            new Entry("FieldAwareFactorizationMachine", Normalization.NotNeeded, Complexity.Simple, "TrainerInfo says NeedNormalization = false (ML.NET's docs tables disagree; the code wins)",
                new(ContextDraw.Always, schedulingDependent: false, "unseeded contexts differ, with Shuffle = false too: the initial latent vectors are drawn from the context")),
            new Entry("Prior", Normalization.NotNeeded, Complexity.Simple, "predicts the label's prior: the trivial baseline", Deterministic),
            new Entry("MatrixFactorization", Normalization.NotNeeded, Complexity.Simple, "factorizes a key-indexed matrix; no feature scale involved",
                new(ContextDraw.Unverified, schedulingDependent: false, "Microsoft.ML.Recommender is not served here: not verified, so never counted")),
            new Entry("FastTree", Normalization.NotNeeded, Complexity.Complex, "a boosted tree ensemble: splits are scale-free, capacity is high", OwnTreeSeed),
            new Entry("FastTreeTweedie", Normalization.NotNeeded, Complexity.Complex, "a boosted tree ensemble", OwnTreeSeed),
            new Entry("FastForest", Normalization.NotNeeded, Complexity.Complex, "a random forest: splits are scale-free, capacity is high", OwnTreeSeed),
            new Entry("Gam", Normalization.NotNeeded, Complexity.Complex, "a generalized additive model boosted from trees", OwnTreeSeed),
            new Entry("LightGbm", Normalization.NotNeeded, Complexity.Complex, "a boosted tree ensemble", LightGbmDraws),
            new Entry("ImageClassification", Normalization.NotNeeded, Complexity.Complex, "a deep network trained by transfer learning", DeepNetwork),
            new Entry("TextClassification", Normalization.NotNeeded, Complexity.Complex, "a transformer network fine-tuned by ML.NET TorchSharp", DeepNetwork),
            new Entry("SentenceSimilarity", Normalization.NotNeeded, Complexity.Complex, "a transformer network fine-tuned by ML.NET TorchSharp", DeepNetwork),
            new Entry("NamedEntityRecognition", Normalization.NotNeeded, Complexity.Complex, "a transformer network fine-tuned by ML.NET TorchSharp", DeepNetwork),
            new Entry("NameEntityRecognition", Normalization.NotNeeded, Complexity.Complex, "a transformer network fine-tuned by ML.NET TorchSharp (the older spelling of NamedEntityRecognition)", DeepNetwork),
            new Entry("QuestionAnswer", Normalization.NotNeeded, Complexity.Complex, "a transformer network fine-tuned by ML.NET TorchSharp", DeepNetwork),
            new Entry("ObjectDetection", Normalization.NotNeeded, Complexity.Complex, "a deep detection network trained by ML.NET TorchSharp", DeepNetwork),
            new Entry("OneVersusAll", Normalization.DependsOnWrappedTrainer, Complexity.DependsOnWrappedTrainer, "wraps a binary trainer",
                new(ContextDraw.AsWrappedTrainer, schedulingDependent: false, "as the binary trainer it wraps: with averaged perceptron unseeded contexts agree, with SDCA logistic regression they differ")),
            new Entry("PairwiseCoupling", Normalization.DependsOnWrappedTrainer, Complexity.DependsOnWrappedTrainer, "wraps a binary trainer",
                new(ContextDraw.AsWrappedTrainer, schedulingDependent: false, "as the binary trainer it wraps: with averaged perceptron unseeded contexts agree")),
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
