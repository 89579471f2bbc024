namespace EffectiveML.Tests.Rules.Impact
{
    /// <summary>Schema classes shared by the serving-rule tests.</summary>
    internal static class WebTypes
    {
        public const string Schema = """

            public class SentimentInput
            {
                public string Text { get; set; } = "";
            }

            public class SentimentPrediction
            {
                [Microsoft.ML.Data.ColumnName("PredictedLabel")] public bool IsPositive { get; set; }
                public float Probability { get; set; }
            }
            """;
    }
}
