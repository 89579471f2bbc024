namespace EffectiveML.Tests.EndToEnd
{
    /// <summary>Programs the end-to-end tests give a consumer project.</summary>
    internal static class ConsumerPrograms
    {
        /// <summary>A console program whose MLContext has no seed and is used for ShuffleRows: EML5001 at (9,25).</summary>
        public const string Unseeded = """
            using Microsoft.ML;

            namespace Consumer;

            public static class Program
            {
                public static void Main()
                {
                    var mlContext = new MLContext();
                    var data = mlContext.Data.LoadFromEnumerable(new[] { new Row { Value = 1f }, new Row { Value = 2f } });
                    var shuffled = mlContext.Data.ShuffleRows(data);
                    System.Console.WriteLine(shuffled.Schema.Count);
                }
            }

            public sealed class Row
            {
                public float Value { get; set; }
            }
            """;
    }
}
