using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace EffectiveML.Analyzers.Model.Schemas
{
    internal enum PredictionKind
    {
        /// <summary><c>CreatePredictionEngine&lt;TIn, TOut&gt;(model)</c>: a column TOut asks for and the model lacks stays at its default (unless <c>ignoreMissingColumns: false</c>).</summary>
        Engine,
        /// <summary><c>CreateEnumerable&lt;TOut&gt;(model.Transform(data))</c>: a missing column throws.</summary>
        Enumerable,
        /// <summary><c>BinaryClassification.Evaluate(model.Transform(data))</c>: reads <c>Probability</c>.</summary>
        Evaluation,
    }

    /// <summary>
    /// Where a fitted pipeline's output is read in the member: a prediction engine, an enumeration
    /// into a class, or an evaluation, with the pipeline's columns and the columns of the data it is
    /// applied to.
    /// </summary>
    internal sealed class PredictionSite
    {
        public PredictionSite(IInvocationOperation call, PredictionKind kind, INamedTypeSymbol? output, PipelineSchema flow, DataSchema? input, bool strictColumns)
        {
            Call = call;
            Kind = kind;
            Output = output;
            Flow = flow;
            Input = input;
            StrictColumns = strictColumns;
        }

        public IInvocationOperation Call { get; }

        public PredictionKind Kind { get; }

        /// <summary>The class the predictions are read into (<c>TOut</c>, <c>T</c>); null for an evaluation.</summary>
        public INamedTypeSymbol? Output { get; }

        /// <summary>The fitted pipeline's columns; its <see cref="PipelineSchema.Output"/> is never null here.</summary>
        public PipelineSchema Flow { get; }

        /// <summary>The columns of the data the model is applied to (<c>TIn</c>'s for an engine); null when not in view.</summary>
        public DataSchema? Input { get; }

        /// <summary>A prediction engine created with <c>ignoreMissingColumns: false</c>: a missing column throws.</summary>
        public bool StrictColumns { get; }

        /// <summary>
        /// The column the model's output holds under <paramref name="name"/>: one a step writes, else
        /// one of the data it is applied to. Null with <paramref name="missing"/> true when both are
        /// known completely and neither has it.
        /// </summary>
        public SchemaColumn? Find(string name, out bool missing)
        {
            missing = false;
            var output = Flow.Output!;
            if (output.TryGet(name, out var column) && column.Producer >= 0)
            {
                return column;
            }

            if (Input is null)
            {
                return null;
            }

            if (Input.TryGet(name, out var passed))
            {
                return passed;
            }

            missing = output.IsComplete && Input.IsComplete && !output.TryGet(name, out _);
            return null;
        }
    }
}
