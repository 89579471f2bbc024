using System;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;

namespace EffectiveML.Analyzers.Infrastructure
{
    /// <summary>
    /// Every descriptor of the suite, built by one factory so that category, help link, severity
    /// and tags follow one scheme.
    /// </summary>
    public static class Descriptors
    {
        /// <summary>Where rules.md lives; each descriptor links to its own section.</summary>
        public const string RulesDocument = "https://github.com/effective-ml/EffectiveML/blob/main/rules.md";

        public static readonly DiagnosticDescriptor InvalidOption = Create(
            RuleIds.InvalidOption,
            "Invalid EffectiveML option",
            "'{0} = {1}' is not valid: expected {2}; the default {3} is used",
            DiagnosticSeverity.Warning,
            "An effective_ml.* option in .editorconfig has a value the rule cannot read. The rule falls back to its default, so the setting you wrote has no effect.",
            compilationEnd: true);

        public static readonly DiagnosticDescriptor UnknownOption = Create(
            RuleIds.UnknownOption,
            "Unknown EffectiveML option",
            "'{0}' is not an EffectiveML option and has no effect; did you mean '{1}'?",
            DiagnosticSeverity.Info,
            "An effective_ml.* key that no rule reads is most often a typo. It is ignored, so the behaviour you configured is not the one you get.",
            compilationEnd: true);

        public static readonly DiagnosticDescriptor ComplexModelWithoutBaseline = Create(
            RuleIds.ComplexModelWithoutBaseline,
            "Complex model without a simpler baseline",
            "'{0}' is {1}, and no simple baseline is trained anywhere in this project to show what its complexity buys{2}",
            DiagnosticSeverity.Warning,
            "A complex model (boosted trees, a deep network) is justified only by beating a simple one on the same data. Without a baseline trained and evaluated alongside it, nobody knows what the complexity buys.",
            compilationEnd: true);

        public static readonly DiagnosticDescriptor RaisedCapacityWithoutValidation = Create(
            RuleIds.RaisedCapacityWithoutValidation,
            "Raised capacity without validation",
            "'{0}' raises {1} with no validation set and no early stopping; extra capacity without a check overfits",
            DiagnosticSeverity.Info,
            "More trees, leaves or epochs fit the training data ever closer. Without a validation set or early stopping there is no signal for when the model stops learning and starts memorizing.");

        public static readonly DiagnosticDescriptor PredictionEngineShared = Create(
            RuleIds.PredictionEngineShared,
            "PredictionEngine shared across threads",
            "{0} shares one PredictionEngine between threads, and PredictionEngine is not thread-safe; use PredictionEnginePool or one engine per thread",
            DiagnosticSeverity.Warning,
            "PredictionEngine keeps mutable buffers for the row it is scoring. Two requests predicting at once corrupt each other's results or throw. PredictionEnginePool (Microsoft.Extensions.ML) or a ThreadLocal engine gives each thread its own.");

        public static readonly DiagnosticDescriptor ModelCreatedPerCall = Create(
            RuleIds.ModelCreatedPerCall,
            "Model or engine created per call",
            "'{0}' runs {1}: the model is loaded or the engine built again every time",
            DiagnosticSeverity.Warning,
            "Loading a model and building a prediction engine take milliseconds to seconds and allocate heavily. Done per loop iteration or per request, they dominate latency and memory; create them once and reuse them (a pool for web requests).");

        public static readonly DiagnosticDescriptor SinglePredictionsInLoop = Create(
            RuleIds.SinglePredictionsInLoop,
            "Single predictions in a loop",
            "Predict is called once per item of {0}; score the collection in one batch with Transform and CreateEnumerable",
            DiagnosticSeverity.Info,
            "PredictionEngine.Predict scores one row at a time, paying per-call overhead for every item. For a collection already in memory, one Transform over a data view scores them in a batch, many times faster.");

        public static readonly DiagnosticDescriptor ModelSavedWithoutSchema = Create(
            RuleIds.ModelSavedWithoutSchema,
            "Model saved without its input schema",
            "The model is saved with no input schema; loading it cannot check the input columns",
            DiagnosticSeverity.Warning,
            "Model.Save stores the input schema it is given so that the loaded model can be validated against, and bound to, its input. Without it, a serving application finds a missing or renamed column only when a prediction fails.");

        public static readonly DiagnosticDescriptor ModelNeverLeaves = Create(
            RuleIds.ModelNeverLeaves,
            "Trained models never leave the project",
            "This project trains models in {0}, but no model is saved, exported, returned, stored or used to serve predictions; there is no path to production",
            DiagnosticSeverity.Info,
            "Impact comes from a model that runs online. A project that trains, scores and drops every model it trains has no way to production: the training has to be repeated, and what serves may not be what was measured. Plan the model's way out (save it, return it, hand it to serving) from the first version.",
            compilationEnd: true);

        public static readonly DiagnosticDescriptor PipelineBuiltInEntryPoint = Create(
            RuleIds.PipelineBuiltInEntryPoint,
            "Pipeline built inline in the entry point",
            "The pipeline with '{0}' is built inline in {1}; a pipeline no method returns cannot be unit-tested",
            DiagnosticSeverity.Info,
            "A pipeline built inside Main or top-level statements can only be exercised by running the whole program. Built by a method, it can be tested, reused and compared.");

        public static readonly DiagnosticDescriptor PipelineFactoryWithoutTest = Create(
            RuleIds.PipelineFactoryWithoutTest,
            "Pipeline factory without a test",
            "Pipeline factory '{0}' builds a pipeline with a trainer, and no test in this project calls it",
            DiagnosticSeverity.Warning,
            "A pipeline factory is where column names, transforms and trainer settings meet; a test that builds and fits it on a few rows catches a renamed column before a training run does.",
            compilationEnd: true);

        public static readonly DiagnosticDescriptor MachineSpecificDataPath = Create(
            RuleIds.MachineSpecificDataPath,
            "Machine-specific absolute data path",
            "'{0}' is an absolute path on one machine; the pipeline will not run anywhere else",
            DiagnosticSeverity.Warning,
            "An absolute path to a user folder, a drive or a mount ties the program to the machine it was written on. Resolve data paths from configuration, the application's folder or a command-line argument.");

        public static readonly DiagnosticDescriptor MeanImputationEverywhere = Create(
            RuleIds.MeanImputationEverywhere,
            "Mean imputation applied to every column",
            "Mean imputation applied to {0} in one call; choose each column's replacement from its distribution and why it is missing",
            DiagnosticSeverity.Warning,
            "Replacing every missing value with its column's mean assumes every feature is roughly symmetric and missing at random. Skewed columns want the median or a constant, and missingness that carries signal wants an indicator column.");

        public static readonly DiagnosticDescriptor ImplicitImputationMode = Create(
            RuleIds.ImplicitImputationMode,
            "Imputation mode left implicit",
            "ReplaceMissingValues on {0} uses the default mode, which writes 0 into every missing value; make the mode explicit",
            DiagnosticSeverity.Info,
            "ReplaceMissingValues without a replacement mode uses DefaultValue, which writes 0. Zero is a real value for most features; say which replacement you mean.");

        public static readonly DiagnosticDescriptor ImputedWithoutIndicator = Create(
            RuleIds.ImputedWithoutIndicator,
            "Imputed without a missingness indicator",
            "Column '{0}' is imputed but no IndicateMissingValues on it tells the model which values were missing",
            DiagnosticSeverity.Info,
            "Imputation hides which values were missing. When missingness carries signal (a skipped question, a sensor that failed), an IndicateMissingValues column keeps it.",
            enabledByDefault: false);

        public static readonly DiagnosticDescriptor ImputationCannotSeeMissing = Create(
            RuleIds.ImputationCannotSeeMissing,
            "Imputation that cannot see missing values",
            "{0} runs on data loaded by '{1}' without MissingRealsAsNaNs = true: empty numeric fields were already read as 0, so there is nothing to replace",
            DiagnosticSeverity.Warning,
            "ML.NET's text loader reads an empty numeric field as 0 unless TextLoader.Options.MissingRealsAsNaNs is true. Imputation and missingness indicators then see no missing values at all, and the zeros train the model.");

        public static readonly DiagnosticDescriptor CsvWithTabSeparator = Create(
            RuleIds.CsvWithTabSeparator,
            "CSV file loaded with the tab separator",
            "'{0}' is a CSV file but '{1}' reads it with the tab separator; every row loads as one malformed field",
            DiagnosticSeverity.Warning,
            "The text loader's separator defaults to tab. A comma-separated file read that way loads without an error, with the first column NaN and the others 0, and the model trains on garbage.");

        public static readonly DiagnosticDescriptor HeaderNotDeclared = Create(
            RuleIds.HeaderNotDeclared,
            "Header row not declared",
            "'{0}' does not say whether the file has a header row; the default false turns a header line into a data row",
            DiagnosticSeverity.Info,
            "hasHeader defaults to false. A file with a header then gains a row of NaN and 0 (or fails on Boolean columns). Declaring it either way documents the file format.");

        public static readonly DiagnosticDescriptor LabelUsedAsFeature = Create(
            RuleIds.LabelUsedAsFeature,
            "Label used as a feature",
            "Feature column '{0}' is built from '{1}', which is {2}; the model learns the answer from the input",
            DiagnosticSeverity.Warning,
            "When the label (or a copy of it, or the column it was copied from) is one of the features, the model scores perfectly in evaluation and fails in production, where the label is not known. This is target leakage.");

        public static readonly DiagnosticDescriptor EvaluatedOnTrainingData = Create(
            RuleIds.EvaluatedOnTrainingData,
            "Model evaluated on its training data",
            "'{0}' scores the model on {1}, which holds rows it was fitted on; the metrics measure memory, not generalization",
            DiagnosticSeverity.Warning,
            "Metrics computed on rows the model was trained on are optimistic by an unknown amount, most of all for high-capacity models. Evaluate on a held-out test set or with cross-validation.");

        public static readonly DiagnosticDescriptor FittedBeforeSplit = Create(
            RuleIds.FittedBeforeSplit,
            "Data-dependent transform fitted before the split",
            "{0} learned from all rows before '{1}' splits them; the test rows leak into the transform",
            DiagnosticSeverity.Warning,
            "A transform that learns from data (a normalizer's range, an imputer's mean, a vocabulary) fitted before the split has seen the test rows, so test metrics are optimistic. Append it to the pipeline and fit on the training rows only.");

        public static readonly DiagnosticDescriptor ScaleSensitiveTrainerWithoutNormalization = Create(
            RuleIds.ScaleSensitiveTrainerWithoutNormalization,
            "Scale-sensitive trainer without normalization",
            "'{0}' needs normalized features but nothing normalizes '{1}' on its way from {2}",
            DiagnosticSeverity.Warning,
            "Linear and distance-based trainers (SDCA, L-BFGS, averaged perceptron, SVMs, KMeans, PCA …) assume features on comparable scales; a feature in the thousands dominates one in [0, 1], training converges slowly or not at all, and regularization punishes features unevenly.");

        public static readonly DiagnosticDescriptor ThresholdDependentMetricOnly = Create(
            RuleIds.ThresholdDependentMetricOnly,
            "Threshold-dependent metric only",
            "Only {0} of these metrics is read; accuracy depends on one threshold and hides class imbalance, read AUC, F1 or log-loss as well",
            DiagnosticSeverity.Info,
            "Accuracy alone says little: on a 95/5 class split the constant classifier scores 95%. Threshold-free metrics (AUC, AUPRC, log-loss) and per-class ones (F1, macro accuracy, the confusion matrix) show what the model actually learned.");

        public static readonly DiagnosticDescriptor MLContextWithoutSeed = Create(
            RuleIds.MLContextWithoutSeed,
            "MLContext created without a seed",
            "MLContext created without a seed is used for {0}; results change from run to run",
            DiagnosticSeverity.Warning,
            "An MLContext without a seed draws its randomness from the environment, so splits, shuffles and trainers give different results on every run and no result can be reproduced.");

        public static readonly DiagnosticDescriptor SplitWithoutSeed = Create(
            RuleIds.SplitWithoutSeed,
            "Split or shuffle without a seed on a context of unknown seed",
            "'{0}' has no seed and its MLContext comes from {1}, whose seed is not in view",
            DiagnosticSeverity.Warning,
            "When the MLContext is created elsewhere, a split or shuffle without its own seed is reproducible only if every caller remembered to seed the context. Pass the seed where the randomness happens.");

        public static readonly DiagnosticDescriptor UnseededRandom = Create(
            RuleIds.UnseededRandom,
            "Unseeded System.Random in ML code",
            "{0} is unseeded in '{1}', which works with ML types; its numbers differ on every run",
            DiagnosticSeverity.Warning,
            "Random numbers that feed sampling, augmentation or initialization in ML code must come from a seeded generator, or the experiment cannot be repeated.");

        public static readonly DiagnosticDescriptor NonReproducibleSeed = Create(
            RuleIds.NonReproducibleSeed,
            "Seed taken from a non-reproducible source",
            "The seed for '{0}' is computed from {1}, which differs on every run",
            DiagnosticSeverity.Warning,
            "A seed computed from the clock, a GUID or another random source is no seed at all: every run differs and the value that produced a result is lost.");

        public static readonly DiagnosticDescriptor SchedulingDependentTrainer = Create(
            RuleIds.SchedulingDependentTrainer,
            "Seeded context, scheduling-dependent trainer",
            "'{0}' is trained from a seeded MLContext, but with more than one thread its model depends on how the threads are scheduled, which the seed does not cover; set NumberOfThreads = 1 for the same model on every run",
            DiagnosticSeverity.Info,
            "A seed makes splits, shuffles and initial weights repeatable. SDCA and SGD also update the model from several threads at once, so on a machine with several cores two runs from the same seed give different models. Only NumberOfThreads = 1 makes them repeatable, at the cost of training time.");

        public static readonly DiagnosticDescriptor ModelSavedWithoutEvaluation = Create(
            RuleIds.ModelSavedWithoutEvaluation,
            "Model saved without evaluation",
            "'{0}' saves a model that '{1}' trains, and nothing in this type evaluates it",
            DiagnosticSeverity.Warning,
            "Shipping a model nobody measured on held-out data is shipping an unknown. Evaluate it (Evaluate, CrossValidate, permutation feature importance) before it is saved for serving.");

        public static readonly DiagnosticDescriptor EvaluationDiscarded = Create(
            RuleIds.EvaluationDiscarded,
            "Evaluation result discarded",
            "The result of '{0}' is {1}; an evaluation nobody reads checks nothing",
            DiagnosticSeverity.Warning,
            "Evaluation exists to decide something: whether the model is good enough, better than the last one, fit to ship. Metrics computed and thrown away give the comfort of a check without the check.");

        public static readonly DiagnosticDescriptor FailureSwallowed = Create(
            RuleIds.FailureSwallowed,
            "ML failure swallowed",
            "This catch swallows failures of '{0}' without logging, rethrowing or recording them",
            DiagnosticSeverity.Warning,
            "When training, loading or prediction fails, the cause (a schema mismatch, a missing file, a bad value) is in the exception. A catch that drops it turns a clear error into a silent default, and the problem surfaces later, somewhere else, without its cause.");

        public static readonly DiagnosticDescriptor SuppressedWithoutReason = Create(
            RuleIds.SuppressedWithoutReason,
            "Rule suppressed without a reason",
            "{0} suppresses {1} without saying why",
            DiagnosticSeverity.Info,
            "A suppression hides a finding from everyone who reads the code later. The reason is what lets them judge whether it still holds.");

        public static readonly DiagnosticDescriptor ColumnNameLiteral = Create(
            RuleIds.ColumnNameLiteral,
            "Column name as a string literal",
            "{0} names {1} with {2}; use nameof so that a rename of the schema member cannot break the pipeline",
            DiagnosticSeverity.Info,
            "A column named after a schema property is spelled twice: once as the property, once as a string. Renaming the property silently breaks the string, and ML.NET reports it only when Fit runs.");

        public static readonly DiagnosticDescriptor HardCodedThreshold = Create(
            RuleIds.HardCodedThreshold,
            "Hard-coded decision threshold",
            "'{0}' is compared with {1}; a decision threshold belongs in configuration, chosen on validation data",
            DiagnosticSeverity.Info,
            "The threshold that turns a score into a decision trades precision for recall. Hard-coded, it cannot be tuned when the data, the model or the business cost changes.");

        /// <summary>The GitHub anchor of a rule's section heading "### {id}: {title}" in rules.md.</summary>
        public static string HelpLink(string id, string title) => RulesDocument + "#" + Anchor(id + ": " + title);

        /// <summary>Reproduces the anchor GitHub derives from a heading: lower case, punctuation dropped, spaces to hyphens.</summary>
        public static string Anchor(string heading)
        {
            var builder = new StringBuilder(heading.Length);
            foreach (var c in heading.Trim().ToLowerInvariant())
            {
                if (char.IsLetterOrDigit(c) || c == '-' || c == '_')
                {
                    builder.Append(c);
                }
                else if (c == ' ')
                {
                    builder.Append('-');
                }
            }

            return builder.ToString();
        }

        public static Principle PrincipleOf(string id) => (Principle)(id[3] - '0');

        private static DiagnosticDescriptor Create(
            string id,
            string title,
            string messageFormat,
            DiagnosticSeverity defaultSeverity,
            string description,
            bool enabledByDefault = true,
            bool compilationEnd = false)
        {
            var tags = compilationEnd
                ? new[] { "EffectiveML", WellKnownDiagnosticTags.CompilationEnd }
                : new[] { "EffectiveML" };

            return new DiagnosticDescriptor(
                id,
                title,
                messageFormat,
                PrincipleOf(id).ToString(),
                defaultSeverity,
                enabledByDefault,
                description,
                HelpLink(id, title),
                tags.ToArray());
        }
    }
}
