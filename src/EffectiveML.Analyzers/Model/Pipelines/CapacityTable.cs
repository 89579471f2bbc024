using System.Collections.Generic;

namespace EffectiveML.Analyzers.Model.Pipelines
{
    internal enum CapacityKind
    {
        /// <summary>Trees of an ensemble, or boosting iterations.</summary>
        Trees,
        Leaves,
        Epochs,
    }

    /// <summary>
    /// The settings that raise a complex trainer's capacity, as data: the parameter, the options
    /// member that sets it, and ML.NET's default (verified against ML.NET 5.0.1 and
    /// Microsoft.ML.TorchSharp 0.23.1). Gam is left out: its iterations default to 9,500 and
    /// mean something else than boosting rounds of full trees.
    /// </summary>
    internal static class CapacityTable
    {
        internal sealed class Entry
        {
            public Entry(string[] trainers, string parameter, string optionsMember, int defaultValue, CapacityKind kind)
            {
                Trainers = trainers;
                Parameter = parameter;
                OptionsMember = optionsMember;
                Default = defaultValue;
                Kind = kind;
            }

            public string[] Trainers { get; }
            public string Parameter { get; }
            public string OptionsMember { get; }
            public int Default { get; }
            public CapacityKind Kind { get; }
        }

        private static readonly string[] TreeEnsembles = { "FastTree", "FastTreeTweedie", "FastForest" };
        private static readonly string[] TorchSharpTrainers = { "TextClassification", "SentenceSimilarity", "NamedEntityRecognition", "NameEntityRecognition", "QuestionAnswer", "ObjectDetection" };

        public static readonly IReadOnlyList<Entry> Entries = new[]
        {
            new Entry(TreeEnsembles, "numberOfTrees", "NumberOfTrees", 100, CapacityKind.Trees),
            new Entry(TreeEnsembles, "numberOfLeaves", "NumberOfLeaves", 20, CapacityKind.Leaves),
            new Entry(new[] { "LightGbm" }, "numberOfIterations", "NumberOfIterations", 100, CapacityKind.Trees),
            new Entry(new[] { "LightGbm" }, "numberOfLeaves", "NumberOfLeaves", 31, CapacityKind.Leaves),
            new Entry(TorchSharpTrainers, "maxEpochs", "MaxEpoch", 10, CapacityKind.Epochs),
            new Entry(new[] { "ImageClassification" }, "epoch", "Epoch", 200, CapacityKind.Epochs),
        };

        /// <summary>Every trainer of the table, by method name: most calls of a member are turned away by one lookup.</summary>
        public static readonly System.Collections.Immutable.ImmutableHashSet<string> TrainerNames =
            System.Collections.Immutable.ImmutableHashSet.CreateRange(System.StringComparer.Ordinal, System.Linq.Enumerable.SelectMany(Entries, entry => entry.Trainers));

        /// <summary>Options members that give the trainer a validation signal: a validation set or an early-stopping rule.</summary>
        public static readonly IReadOnlyList<string> ValidationMembers = new[]
        {
            "ValidationSet", "EarlyStoppingRule", "EarlyStoppingRound", "EarlyStoppingCriteria", "EarlyStoppingMetric",
        };
    }
}
