using System.Collections.Immutable;
using EffectiveML.Analyzers.Infrastructure;
using EffectiveML.Analyzers.Model;
using EffectiveML.Analyzers.Model.Pipelines;
using EffectiveML.Analyzers.Model.Schemas;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace EffectiveML.Analyzers.Rules.Assumptions
{
    /// <summary>
    /// EML4105: a prediction class asks for a column the model in view does not produce
    /// (<c>Probability</c> after a trainer that is not calibrated, a misspelled <c>Score</c>), or a
    /// binary <c>Evaluate</c> reads the <c>Probability</c> such a model lacks.
    /// </summary>
    public sealed class PredictionColumnNotProducedRule : Rule
    {
        public const string Id = "EML4105";

        internal static readonly DiagnosticDescriptor Descriptor = Descriptors.Create(
            Id,
            "Prediction type asks for a column the model does not produce",
            "{0} ({1})",
            DiagnosticSeverity.Warning,
            "A prediction engine fills only the members of its output class whose columns the model produces and silently leaves the others at their default: a Probability that is always 0, a misspelled Score that never changes. CreateEnumerable and Evaluate throw instead. Trainers that are not calibrated (SdcaNonCalibrated, AveragedPerceptron, LinearSvm, FastForest …) add no Probability: calibrate them, read Score, or evaluate with EvaluateNonCalibrated.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptor);

        internal override void Register(RuleRegistry registry)
        {
            var api = registry.Symbols.Api;
            registry.OnMember((member, model) =>
            {
                var fits = model.Sites.Fits;
                if (fits.Count == 0)
                {
                    return;
                }

                foreach (var site in model.Schemas.Predictions)
                {
                    if (site.Kind == PredictionKind.Evaluation)
                    {
                        var probability = ValueReader.Argument(site.Call, "probabilityColumnName") is { } given
                            && given.ArgumentKind != ArgumentKind.DefaultValue
                                ? ValueReader.String(given.Value, model.Values)
                                : "Probability";
                        if (probability is not null && site.Find(probability, out var lacking) is null && lacking)
                        {
                            member.ReportDiagnostic(Diagnostic.Create(
                                Descriptor,
                                Describe.CallLocation(site.Call.Syntax),
                                $"Probability column '{probability}' not found",
                                Why(site, probability, api) + "; evaluate it with EvaluateNonCalibrated"));
                        }

                        continue;
                    }

                    foreach (var (columnName, target, _, _) in api.WritableColumns(site.Output!))
                    {
                        if (site.Find(columnName, out var missing) is not null || !missing)
                        {
                            continue;
                        }

                        var consequence = site.Kind == PredictionKind.Enumerable ? "CreateEnumerable throws 'Could not find column'"
                            : site.StrictColumns ? "CreatePredictionEngine throws 'Could not find column'"
                            : "the prediction engine leaves it at its default";
                        member.ReportDiagnostic(Diagnostic.Create(
                            Descriptor,
                            Describe.CallLocation(site.Call.Syntax),
                            $"'{site.Output!.Name}.{target.Name}' reads the column '{columnName}', which the model does not produce",
                            Why(site, columnName, api) + "; " + consequence));
                    }
                }
            });
        }

        /// <summary>Why the column is missing: a binary trainer that is not calibrated, or the closest column the model does produce.</summary>
        private static string Why(PredictionSite site, string column, MLApi api)
        {
            if (column == "Probability" && LastBinaryTrainer(site.Flow, api) is { } trainer && TaskTable.IsCalibrated(trainer) == false)
            {
                return $"'{trainer}' is not calibrated and adds no Probability";
            }

            var closest = site.Flow.Output!.Closest(column) ?? site.Input?.Closest(column);
            return closest is not null ? $"the closest column it produces is '{closest}'" : "no step writes it and the data has no such column";
        }

        private static string? LastBinaryTrainer(PipelineSchema flow, MLApi api)
        {
            for (var i = flow.Pipeline.Steps.Length - 1; i >= 0; i--)
            {
                if (flow.Pipeline.Steps[i] is { Kind: StepKind.Trainer, Method: { } method } && TaskTable.TaskOf(method, api) == MLTask.BinaryClassification)
                {
                    return method.Name;
                }
            }

            return null;
        }
    }
}
