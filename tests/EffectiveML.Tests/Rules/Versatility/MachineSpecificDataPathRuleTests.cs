using System.Threading.Tasks;
using Xunit;
using VerifyEML3003 = EffectiveML.Tests.Infrastructure.Verify<EffectiveML.Analyzers.Rules.Versatility.MachineSpecificDataPathRule>;

namespace EffectiveML.Tests.Rules.Versatility
{
    public class MachineSpecificDataPathRuleTests
    {
        private const string Schema = """

            public class Row
            {
                [Microsoft.ML.Data.LoadColumn(0)] public float Value { get; set; }
            }
            """;

        [Fact]
        public async Task Flags_absolute_paths_of_one_machine()
        {
            const string source = """
                using System.IO;
                using Microsoft.ML;

                public static class Training
                {
                    public static void Run(MLContext mlContext, ITransformer model)
                    {
                        var train = mlContext.Data.LoadFromTextFile<Row>({|#0:@"C:\Users\anna\data\train.csv"|}, ',', hasHeader: true);
                        var dataDirectory = {|#1:"/home/anna/datasets"|};
                        var test = mlContext.Data.LoadFromTextFile<Row>(Path.Combine(dataDirectory, "test.csv"), ',', hasHeader: true);
                        mlContext.Model.Save(model, train.Schema, $"{|#2:/Users/anna/models/model-|}{System.DateTime.Now:yyyyMMdd}.zip");
                        var shared = mlContext.Data.LoadFromBinary({|#3:@"\\fileserver\ml\rows.idv"|});
                    }
                }
                """ + Schema;

            await VerifyEML3003.Analyzer(
                source,
                VerifyEML3003.Diagnostic("EML3003").WithLocation(0).WithArguments(@"C:\Users\anna\data\train.csv"),
                VerifyEML3003.Diagnostic("EML3003").WithLocation(1).WithArguments("/home/anna/datasets"),
                VerifyEML3003.Diagnostic("EML3003").WithLocation(2).WithArguments("/Users/anna/models/model-"),
                VerifyEML3003.Diagnostic("EML3003").WithLocation(3).WithArguments(@"\\fileserver\ml\rows.idv"));
        }

        [Fact]
        public async Task Quiet_for_relative_and_application_relative_paths()
        {
            const string source = """
                using System;
                using System.IO;
                using Microsoft.ML;

                public static class Training
                {
                    public static void Run(MLContext mlContext, ITransformer model, string configuredPath)
                    {
                        var train = mlContext.Data.LoadFromTextFile<Row>("Data/train.csv", ',', hasHeader: true);
                        var test = mlContext.Data.LoadFromTextFile<Row>(Path.Combine(AppContext.BaseDirectory, "Data", "test.csv"), ',', hasHeader: true);
                        var other = mlContext.Data.LoadFromTextFile<Row>(configuredPath, ',', hasHeader: true);
                        mlContext.Model.Save(model, train.Schema, "model.zip");
                        File.WriteAllText("/home/anna/notes.txt", "not an ML path");
                    }
                }
                """ + Schema;

            await VerifyEML3003.Analyzer(source);
        }
    }
}
