using EffectiveML.Analyzers.Model.Provenance;
using Microsoft.CodeAnalysis.Operations;

namespace EffectiveML.Analyzers.Model
{
    /// <summary>A call that splits data into train and test rows: <c>TrainTestSplit</c>, <c>CrossValidationSplit</c>, <c>CrossValidate*</c>.</summary>
    internal sealed class SplitSite
    {
        public SplitSite(IInvocationOperation call, DataNode data)
        {
            Call = call;
            Data = data;
        }

        public IInvocationOperation Call { get; }
        public DataNode Data { get; }
    }
}
