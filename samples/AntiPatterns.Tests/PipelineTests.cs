using Microsoft.ML;
using Xunit;

namespace AntiPatterns.Tests
{
    /// <summary>
    /// Tests one of AntiPatterns' two pipeline factories. The build of this project reports the other,
    /// Versatility.BuildUntestedPipeline, as EML3002.
    /// </summary>
    public class PipelineTests
    {
        [Fact]
        public void Tested_pipeline_fits_a_few_houses()
        {
            var mlContext = new MLContext(seed: 1);
            var houses = mlContext.Data.LoadFromEnumerable(new[]
            {
                new HouseData { Size = 120, Rooms = 3, Age = 20, Price = 150_000 },
                new HouseData { Size = 180, Rooms = 4, Age = 5, Price = 260_000 },
                new HouseData { Size = 90, Rooms = 2, Age = 40, Price = 110_000 },
            });

            var model = Versatility.BuildTestedPipeline(mlContext).Fit(houses);

            Assert.NotNull(model.GetOutputSchema(houses.Schema).GetColumnOrNull("Score"));
        }
    }
}
