using EffectiveML.Analyzers.Model.Pipelines;
using EffectiveML.Analyzers.Model.Provenance;
using Microsoft.CodeAnalysis.Operations;

namespace EffectiveML.Analyzers.Model
{
    /// <summary>A call that fits an estimator: <c>estimator.Fit(data)</c>, or a catalog's <c>CrossValidate(data, estimator)</c>.</summary>
    internal sealed class FitSite
    {
        public FitSite(IInvocationOperation call, Pipeline pipeline, DataNode data, bool isCrossValidation)
        {
            Call = call;
            Pipeline = pipeline;
            Data = data;
            IsCrossValidation = isCrossValidation;
        }

        public IInvocationOperation Call { get; }
        public Pipeline Pipeline { get; }
        public DataNode Data { get; }
        public bool IsCrossValidation { get; }
    }
}
