using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.ML;

namespace AntiPatterns
{
    /// <summary>A web endpoint that loads the model and builds an engine on every request (EML2002). Never started by Program.</summary>
    public static class Serving
    {
        public static void MapPricing(WebApplication app, MLContext mlContext, string modelPath) =>
            app.MapPost("/price", (HouseData house) =>
            {
                var model = mlContext.Model.Load(modelPath, out _);
                var engine = mlContext.Model.CreatePredictionEngine<HouseData, Resilience.PricePrediction>(model);
                return Results.Ok(engine.Predict(house).Price);
            });
    }
}
