namespace EffectiveML.Analyzers.Model.Pipelines
{
    /// <summary>What a pipeline step does to its columns, as far as the rules need to know.</summary>
    internal enum StepKind
    {
        /// <summary>A value the model cannot follow: a parameter, a field, a factory's result, a branch.</summary>
        Unknown,
        /// <summary>An ML.NET catalog estimator the table does not describe: its columns are read, its effect is not known.</summary>
        OtherTransform,
        Concatenate,
        CopyColumns,
        ColumnSelection,
        TypeConversion,
        Imputer,
        MissingIndicator,
        Normalizer,
        TextFeaturizer,
        TextTokens,
        Encoder,
        HashEncoder,
        KeyMapping,
        KeyToValue,
        FeatureSelection,
        Projection,
        CacheCheckpoint,
        Trainer,
    }
}
