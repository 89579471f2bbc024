using System;
using System.Globalization;
using System.IO;
using System.Text;

namespace ChurnPrediction
{
    /// <summary>
    /// Regenerates Data/churn.csv (run the program with --generate-data). The data are synthetic:
    /// churn grows with charges and support calls and falls with tenure and longer contracts.
    /// A fixed seed makes the file identical on every machine.
    /// </summary>
    public static class ChurnData
    {
        public const int DataSeed = 20261127;
        public const int Rows = 2000;

        public static void Write(string path)
        {
            var random = new Random(DataSeed);
            var contracts = new[] { "month-to-month", "one-year", "two-year" };
            var csv = new StringBuilder();
            csv.AppendLine("TenureMonths,MonthlyCharges,SupportCalls,Contract,Churned");

            for (var row = 0; row < Rows; row++)
            {
                var contract = contracts[random.Next(contracts.Length)];
                var tenure = random.Next(1, 73);
                var charges = Math.Round(20 + random.NextDouble() * 100, 2);
                var calls = random.Next(0, 8);

                var contractEffect = contract switch
                {
                    "month-to-month" => 1.2,
                    "one-year" => -0.3,
                    _ => -1.5,
                };
                var logit = -1.0 + contractEffect + 0.025 * (charges - 70) + 0.45 * calls - 0.05 * tenure;
                var probability = 1 / (1 + Math.Exp(-logit));
                var churned = random.NextDouble() < probability;

                csv.Append(tenure.ToString(CultureInfo.InvariantCulture)).Append(',')
                    .Append(charges.ToString("0.00", CultureInfo.InvariantCulture)).Append(',')
                    .Append(calls.ToString(CultureInfo.InvariantCulture)).Append(',')
                    .Append(contract).Append(',')
                    .Append(churned ? "true" : "false")
                    .AppendLine();
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            File.WriteAllText(path, csv.ToString());
        }
    }
}
