using System.Collections.Immutable;
using EffectiveML.Analyzers.Infrastructure;
using EffectiveML.Analyzers.Model;
using EffectiveML.Analyzers.Model.Provenance;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace EffectiveML.Analyzers.Rules.Assumptions
{
    /// <summary>
    /// EML4008: <c>Evaluate(model.Transform(x))</c> where the model was fitted on x, on rows of x, or
    /// on a split of x, unless the member also evaluates the same model on data it was not fitted
    /// on: training metrics reported next to test metrics are a deliberate comparison.
    /// </summary>
    public sealed class EvaluatedOnTrainingDataRule : Rule
    {
        public const string Id = "EML4008";

        internal static readonly DiagnosticDescriptor Descriptor = Descriptors.Create(
            Id,
            "Model evaluated on its training data",
            "'{0}' scores the model on {1}, which holds rows it was fitted on; the metrics measure memory, not generalization",
            DiagnosticSeverity.Warning,
            "Metrics computed on rows the model was trained on are optimistic by an unknown amount, most of all for high-capacity models. Evaluate on a held-out test set or with cross-validation.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptor);

        internal override void Register(RuleRegistry registry)
        {
            var symbols = registry.Symbols;
            registry.OnCalls(static model => model.Sites.Evaluations, (member, model, call) =>
            {
                if (ValueReader.Argument(call, "data") is not { } dataArgument)
                {
                    return;
                }

                var scored = model.Provenance.DataOf(dataArgument.Value);
                if (scored.Kind != DataKind.Transformed
                    || scored.Model is not { Kind: ModelKind.Fitted, TrainedOn: { } trainedOn }
                    || scored.Source is not { } evaluated
                    || !DataNode.ShareRows(evaluated, trainedOn)
                    || AlsoEvaluatedOnHeldOutData(scored.Model, trainedOn, model))
                {
                    return;
                }

                // Name the data as the call writes it: model.Transform(trainSet) -> 'trainSet'.
                var written = scored.Anchor is IInvocationOperation transform && ValueReader.Argument(transform, "input") is { } input
                    ? Describe.Code(input.Value.Syntax)
                    : Describe.Code(evaluated.Anchor.Syntax);
                var description = DataNode.IsAncestorOrSelf(trainedOn, evaluated)
                    ? $"'{written}'"
                    : $"'{written}', the data its training set was taken from";
                member.ReportDiagnostic(Diagnostic.Create(
                    Descriptor, Describe.CallLocation(call.Syntax), call.TargetMethod.Name, description));
            });
        }

        /// <summary>Another evaluation in the member scores the same model on data that shares no rows with its training data.</summary>
        private static bool AlsoEvaluatedOnHeldOutData(ModelNode fitted, DataNode trainedOn, MemberModel model)
        {
            var evaluations = model.Sites.Evaluations;
            for (var i = 0; i < evaluations.Count; i++)
            {
                if (ValueReader.Argument(evaluations[i], "data") is { } data
                    && model.Provenance.DataOf(data.Value) is { Kind: DataKind.Transformed, Model: { } scoredBy, Source: { } source }
                    && scoredBy.SameAs(fitted)
                    && !DataNode.ShareRows(source, trainedOn))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
