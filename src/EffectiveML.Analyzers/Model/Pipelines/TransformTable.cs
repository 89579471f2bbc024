using System.Collections.Generic;

namespace EffectiveML.Analyzers.Model.Pipelines
{
    /// <summary>
    /// The ML.NET transforms the pipeline model knows, as data: the catalog each method hangs off,
    /// what kind of step it makes, whether it learns from the data it is fitted on, and the type of
    /// the columns it writes (verified by running ML.NET, <c>SchemaFactsTests</c>).
    /// </summary>
    internal static class TransformTable
    {
        /// <summary>How a transform's output column type follows from its input's.</summary>
        internal enum OutputType
        {
            SameAsInput,
            Concatenated,
            Converted,
            KeyOfInputShape,
            ValueOfKey,
            BooleanOfInputShape,
            SingleVector,
            OneHot,
            Projection,
            SelectedSlots,
        }

        internal enum Catalog
        {
            Transforms,
            Text,
            Conversion,
            Categorical,
            FeatureSelection,
        }

        internal sealed class Entry
        {
            public Entry(Catalog catalog, string method, StepKind kind, bool learnsFromData, string reason, OutputType output, string outputReason)
            {
                Catalog = catalog;
                Method = method;
                Kind = kind;
                LearnsFromData = learnsFromData;
                Reason = reason;
                Output = output;
                OutputReason = outputReason;
            }

            public Catalog Catalog { get; }
            public string Method { get; }
            public StepKind Kind { get; }

            /// <summary>Fit computes statistics of the data (a mean, a vocabulary, a range), so fitting it on test rows leaks them.</summary>
            public bool LearnsFromData { get; }

            public string Reason { get; }

            /// <summary>The type of each output column, from the type of its input.</summary>
            public OutputType Output { get; }

            /// <summary>What running ML.NET showed about <see cref="Output"/>.</summary>
            public string OutputReason { get; }
        }

        public static readonly IReadOnlyList<Entry> Entries = new[]
        {
            new Entry(Catalog.Transforms, "Concatenate", StepKind.Concatenate, false, "joins columns into one vector; values pass through unchanged", OutputType.Concatenated, "a vector of the inputs' item type (the first input sets it, all must match); variable-size if any input is"),
            new Entry(Catalog.Transforms, "CopyColumns", StepKind.CopyColumns, false, "copies a column under a new name", OutputType.SameAsInput, "the input's type"),
            new Entry(Catalog.Transforms, "DropColumns", StepKind.ColumnSelection, false, "removes columns", OutputType.SameAsInput, "writes no column"),
            new Entry(Catalog.Transforms, "SelectColumns", StepKind.ColumnSelection, false, "keeps columns", OutputType.SameAsInput, "writes no column"),
            new Entry(Catalog.Transforms, "ReplaceMissingValues", StepKind.Imputer, true, "Mean, Minimum, Maximum and Mode are computed from the data; DefaultValue is not (see Imputer modes)", OutputType.SameAsInput, "the input's type; Single or Double only"),
            new Entry(Catalog.Transforms, "IndicateMissingValues", StepKind.MissingIndicator, false, "marks NaN slots; learns nothing", OutputType.BooleanOfInputShape, "Boolean of the input's shape"),
            new Entry(Catalog.Transforms, "NormalizeMinMax", StepKind.Normalizer, true, "learns each slot's minimum and maximum", OutputType.SameAsInput, "the input's type; Single or Double, scalar or known-size vector"),
            new Entry(Catalog.Transforms, "NormalizeMeanVariance", StepKind.Normalizer, true, "learns each slot's mean and variance", OutputType.SameAsInput, "the input's type; Single or Double, scalar or known-size vector"),
            new Entry(Catalog.Transforms, "NormalizeLogMeanVariance", StepKind.Normalizer, true, "learns the mean and variance of the log", OutputType.SameAsInput, "the input's type; Single or Double, scalar or known-size vector"),
            new Entry(Catalog.Transforms, "NormalizeBinning", StepKind.Normalizer, true, "learns bin boundaries", OutputType.SameAsInput, "the input's type; Single or Double, scalar or known-size vector"),
            new Entry(Catalog.Transforms, "NormalizeSupervisedBinning", StepKind.Normalizer, true, "learns bin boundaries from the label", OutputType.SameAsInput, "the input's type; Single or Double, scalar or known-size vector"),
            new Entry(Catalog.Transforms, "NormalizeRobustScaling", StepKind.Normalizer, true, "learns quantiles", OutputType.SameAsInput, "the input's type; Single or Double, scalar or known-size vector"),
            new Entry(Catalog.Transforms, "NormalizeLpNorm", StepKind.Normalizer, false, "scales each row by its own norm", OutputType.SameAsInput, "the input's type; a known-size vector of Single"),
            new Entry(Catalog.Transforms, "NormalizeGlobalContrast", StepKind.Normalizer, false, "scales each row by its own statistics", OutputType.SameAsInput, "the input's type; a known-size vector of Single"),
            new Entry(Catalog.Transforms, "ProjectToPrincipalComponents", StepKind.Projection, true, "learns principal components", OutputType.Projection, "a vector of Single of the rank (20 by default)"),
            new Entry(Catalog.Text, "FeaturizeText", StepKind.TextFeaturizer, true, "learns a vocabulary; outputs L2-normalized n-gram counts", OutputType.SingleVector, "a known-size vector of Single, its size learned from the vocabulary"),
            new Entry(Catalog.Text, "ProduceWordBags", StepKind.TextTokens, true, "learns a vocabulary of word n-grams", OutputType.SingleVector, "a known-size vector of Single"),
            new Entry(Catalog.Text, "ProduceNgrams", StepKind.TextTokens, true, "learns a vocabulary of n-grams", OutputType.SingleVector, "a known-size vector of Single"),
            new Entry(Catalog.Text, "ProduceHashedWordBags", StepKind.TextTokens, false, "hashes n-grams; learns nothing", OutputType.SingleVector, "a known-size vector of Single"),
            new Entry(Catalog.Text, "ProduceHashedNgrams", StepKind.TextTokens, false, "hashes n-grams; learns nothing", OutputType.SingleVector, "a known-size vector of Single"),
            new Entry(Catalog.Conversion, "ConvertType", StepKind.TypeConversion, false, "changes the item type; values keep their scale", OutputType.Converted, "the input's shape with the item type of outputKind (Single by default)"),
            new Entry(Catalog.Conversion, "MapValueToKey", StepKind.KeyMapping, true, "learns the set of values; harmless on a label, so leakage rules ignore it", OutputType.KeyOfInputShape, "Key<UInt32> of the input's shape, with the values as its annotations"),
            new Entry(Catalog.Conversion, "MapKeyToValue", StepKind.KeyToValue, false, "maps keys back through their annotations", OutputType.ValueOfKey, "the type of the values the key was made from, when the key was made in view"),
            new Entry(Catalog.Conversion, "Hash", StepKind.HashEncoder, false, "hashes values; learns nothing", OutputType.KeyOfInputShape, "Key<UInt32> of the input's shape (2^31 values by default)"),
            new Entry(Catalog.Categorical, "OneHotEncoding", StepKind.Encoder, true, "learns the categories; outputs 0/1 indicators", OutputType.OneHot, "a known-size vector of Single (outputKind Indicator, Bag or Binary), or Key<UInt32> of the input's shape (outputKind Key)"),
            new Entry(Catalog.Categorical, "OneHotHashEncoding", StepKind.HashEncoder, false, "hashes categories to 0/1 indicators; learns nothing", OutputType.OneHot, "a known-size vector of Single (outputKind Indicator, Bag or Binary), or Key<UInt32> of the input's shape (outputKind Key)"),
            new Entry(Catalog.FeatureSelection, "SelectFeaturesBasedOnMutualInformation", StepKind.FeatureSelection, true, "learns which slots carry information about the label", OutputType.SelectedSlots, "a vector of the input's item type, its size learned"),
            new Entry(Catalog.FeatureSelection, "SelectFeaturesBasedOnCount", StepKind.FeatureSelection, true, "learns which slots are non-default often enough", OutputType.SelectedSlots, "a vector of the input's item type, its size learned"),
        };
    }
}
