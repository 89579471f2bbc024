using System.Collections.Generic;

namespace EffectiveML.Analyzers.Model.Pipelines
{
    /// <summary>
    /// The ML.NET transforms the pipeline model knows, as data: the catalog each method hangs off,
    /// what kind of step it makes and whether it learns from the data it is fitted on.
    /// </summary>
    internal static class TransformTable
    {
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
            public Entry(Catalog catalog, string method, StepKind kind, bool learnsFromData, string reason)
            {
                Catalog = catalog;
                Method = method;
                Kind = kind;
                LearnsFromData = learnsFromData;
                Reason = reason;
            }

            public Catalog Catalog { get; }
            public string Method { get; }
            public StepKind Kind { get; }

            /// <summary>Fit computes statistics of the data (a mean, a vocabulary, a range), so fitting it on test rows leaks them.</summary>
            public bool LearnsFromData { get; }

            public string Reason { get; }
        }

        public static readonly IReadOnlyList<Entry> Entries = new[]
        {
            new Entry(Catalog.Transforms, "Concatenate", StepKind.Concatenate, false, "joins columns into one vector; values pass through unchanged"),
            new Entry(Catalog.Transforms, "CopyColumns", StepKind.CopyColumns, false, "copies a column under a new name"),
            new Entry(Catalog.Transforms, "DropColumns", StepKind.ColumnSelection, false, "removes columns"),
            new Entry(Catalog.Transforms, "SelectColumns", StepKind.ColumnSelection, false, "keeps columns"),
            new Entry(Catalog.Transforms, "ReplaceMissingValues", StepKind.Imputer, true, "Mean, Minimum, Maximum and Mode are computed from the data; DefaultValue is not (see Imputer modes)"),
            new Entry(Catalog.Transforms, "IndicateMissingValues", StepKind.MissingIndicator, false, "marks NaN slots; learns nothing"),
            new Entry(Catalog.Transforms, "NormalizeMinMax", StepKind.Normalizer, true, "learns each slot's minimum and maximum"),
            new Entry(Catalog.Transforms, "NormalizeMeanVariance", StepKind.Normalizer, true, "learns each slot's mean and variance"),
            new Entry(Catalog.Transforms, "NormalizeLogMeanVariance", StepKind.Normalizer, true, "learns the mean and variance of the log"),
            new Entry(Catalog.Transforms, "NormalizeBinning", StepKind.Normalizer, true, "learns bin boundaries"),
            new Entry(Catalog.Transforms, "NormalizeSupervisedBinning", StepKind.Normalizer, true, "learns bin boundaries from the label"),
            new Entry(Catalog.Transforms, "NormalizeRobustScaling", StepKind.Normalizer, true, "learns quantiles"),
            new Entry(Catalog.Transforms, "NormalizeLpNorm", StepKind.Normalizer, false, "scales each row by its own norm"),
            new Entry(Catalog.Transforms, "NormalizeGlobalContrast", StepKind.Normalizer, false, "scales each row by its own statistics"),
            new Entry(Catalog.Transforms, "ProjectToPrincipalComponents", StepKind.Projection, true, "learns principal components"),
            new Entry(Catalog.Text, "FeaturizeText", StepKind.TextFeaturizer, true, "learns a vocabulary; outputs L2-normalized n-gram counts"),
            new Entry(Catalog.Text, "ProduceWordBags", StepKind.TextTokens, true, "learns a vocabulary of word n-grams"),
            new Entry(Catalog.Text, "ProduceNgrams", StepKind.TextTokens, true, "learns a vocabulary of n-grams"),
            new Entry(Catalog.Text, "ProduceHashedWordBags", StepKind.TextTokens, false, "hashes n-grams; learns nothing"),
            new Entry(Catalog.Text, "ProduceHashedNgrams", StepKind.TextTokens, false, "hashes n-grams; learns nothing"),
            new Entry(Catalog.Conversion, "ConvertType", StepKind.TypeConversion, false, "changes the item type; values keep their scale"),
            new Entry(Catalog.Conversion, "MapValueToKey", StepKind.KeyMapping, true, "learns the set of values; harmless on a label, so leakage rules ignore it"),
            new Entry(Catalog.Conversion, "MapKeyToValue", StepKind.KeyToValue, false, "maps keys back through their annotations"),
            new Entry(Catalog.Conversion, "Hash", StepKind.HashEncoder, false, "hashes values; learns nothing"),
            new Entry(Catalog.Categorical, "OneHotEncoding", StepKind.Encoder, true, "learns the categories; outputs 0/1 indicators"),
            new Entry(Catalog.Categorical, "OneHotHashEncoding", StepKind.HashEncoder, false, "hashes categories to 0/1 indicators; learns nothing"),
            new Entry(Catalog.FeatureSelection, "SelectFeaturesBasedOnMutualInformation", StepKind.FeatureSelection, true, "learns which slots carry information about the label"),
            new Entry(Catalog.FeatureSelection, "SelectFeaturesBasedOnCount", StepKind.FeatureSelection, true, "learns which slots are non-default often enough"),
        };
    }
}
