namespace EffectiveML.Analyzers.Infrastructure
{
    /// <summary>The fixed rule IDs. The thousands digit is the principle the rule enforces.</summary>
    public static class RuleIds
    {
        public const string InvalidOption = "EML0001";

        public const string MLContextWithoutSeed = "EML5001";
        public const string SplitWithoutSeed = "EML5002";
        public const string UnseededRandom = "EML5003";
        public const string NonReproducibleSeed = "EML5004";
    }
}
