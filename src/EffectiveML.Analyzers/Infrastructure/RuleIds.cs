namespace EffectiveML.Analyzers.Infrastructure
{
    /// <summary>The fixed rule IDs. The thousands digit is the principle the rule enforces.</summary>
    public static class RuleIds
    {
        public const string InvalidOption = "EML0001";
        public const string UnknownOption = "EML0002";

        public const string ComplexModelWithoutBaseline = "EML1001";
        public const string RaisedCapacityWithoutValidation = "EML1002";

        public const string PredictionEngineShared = "EML2001";
        public const string ModelCreatedPerCall = "EML2002";
        public const string SinglePredictionsInLoop = "EML2003";
        public const string ModelSavedWithoutSchema = "EML2004";
        public const string ModelNeverLeaves = "EML2005";

        public const string PipelineBuiltInEntryPoint = "EML3001";
        public const string PipelineFactoryWithoutTest = "EML3002";
        public const string MachineSpecificDataPath = "EML3003";

        public const string MeanImputationEverywhere = "EML4001";
        public const string ImplicitImputationMode = "EML4002";
        public const string ImputedWithoutIndicator = "EML4003";
        public const string ImputationCannotSeeMissing = "EML4004";
        public const string CsvWithTabSeparator = "EML4005";
        public const string HeaderNotDeclared = "EML4006";
        public const string LabelUsedAsFeature = "EML4007";
        public const string EvaluatedOnTrainingData = "EML4008";
        public const string FittedBeforeSplit = "EML4009";
        public const string ScaleSensitiveTrainerWithoutNormalization = "EML4010";
        public const string ThresholdDependentMetricOnly = "EML4011";

        public const string MLContextWithoutSeed = "EML5001";
        public const string SplitWithoutSeed = "EML5002";
        public const string UnseededRandom = "EML5003";
        public const string NonReproducibleSeed = "EML5004";
        public const string SchedulingDependentTrainer = "EML5007";

        public const string ModelSavedWithoutEvaluation = "EML6001";
        public const string EvaluationDiscarded = "EML6002";

        public const string FailureSwallowed = "EML7001";
        public const string SuppressedWithoutReason = "EML7002";

        public const string ColumnNameLiteral = "EML8001";
        public const string HardCodedThreshold = "EML8002";
    }
}
