using Microsoft.ML.Data;

namespace ChurnPrediction
{
    /// <summary>One customer, as stored in Data/churn.csv.</summary>
    public sealed class ChurnRecord
    {
        [LoadColumn(0)]
        public float TenureMonths { get; set; }

        [LoadColumn(1)]
        public float MonthlyCharges { get; set; }

        [LoadColumn(2)]
        public float SupportCalls { get; set; }

        [LoadColumn(3)]
        public string Contract { get; set; } = string.Empty;

        [LoadColumn(4)]
        public bool Churned { get; set; }
    }

    /// <summary>What a calibrated binary model predicts for one customer.</summary>
    public sealed class ChurnPrediction
    {
        [ColumnName("PredictedLabel")]
        public bool WillChurn { get; set; }

        public float Probability { get; set; }

        public float Score { get; set; }
    }
}
