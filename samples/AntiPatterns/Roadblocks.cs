using System;
using System.Diagnostics.CodeAnalysis;
using Microsoft.ML;

namespace AntiPatterns
{
    /// <summary>Principle 7, overcoming roadblocks: problems hidden instead of surfaced (EML7001–EML7002).</summary>
    public static class Roadblocks
    {
        /// <summary>EML7002: the finding is hidden and nobody can tell why.</summary>
        [SuppressMessage("Reproducibility", "EML5001")]
        public static ITransformer TrainQuietly(IDataView data)
        {
            var mlContext = new MLContext();
            return Versatility.BuildTestedPipeline(mlContext).Fit(data);
        }

        /// <summary>EML7001: a model that fails to load becomes a silent null.</summary>
        public static ITransformer? TryLoad(MLContext mlContext, string path)
        {
            try
            {
                return mlContext.Model.Load(path, out _);
            }
            catch (Exception)
            {
                return null;
            }
        }

        /// <summary>EML7002: a pragma without a comment.</summary>
        public static float Jitter(MLContext mlContext)
        {
#pragma warning disable EML5003
            var random = new Random();
#pragma warning restore EML5003
            return mlContext.Data.GetType().Name.Length * (float)random.NextDouble();
        }
    }
}
