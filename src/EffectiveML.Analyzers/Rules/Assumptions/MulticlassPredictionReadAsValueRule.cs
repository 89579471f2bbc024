using System.Collections.Generic;
using System.Collections.Immutable;
using EffectiveML.Analyzers.Infrastructure;
using EffectiveML.Analyzers.Model.Pipelines;
using EffectiveML.Analyzers.Model.Schemas;
using EffectiveML.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace EffectiveML.Analyzers.Rules.Assumptions
{
    /// <summary>
    /// EML4104: a prediction class reads a multiclass trainer's <c>PredictedLabel</c>, a key, as a
    /// string or another value, and nothing after the trainer maps the key back to its values
    /// (<c>MapKeyToValue("PredictedLabel")</c>).
    /// </summary>
    public sealed class MulticlassPredictionReadAsValueRule : Rule
    {
        /// <summary>The predicted column the fix maps back to values.</summary>
        public const string ColumnProperty = "Column";

        public const string Id = "EML4104";

        internal static readonly DiagnosticDescriptor Descriptor = Descriptors.Create(
            Id,
            "Multiclass prediction read without MapKeyToValue",
            "Can't bind the IDataView column '{0}' of type 'Key<UInt32>' to field or property '{1}' of type '{2}' ('{3}' predicts a key, the index of a class; append MapKeyToValue(\"{0}\") to read the class itself)",
            DiagnosticSeverity.Warning,
            "A multiclass trainer predicts a key: the index of the class among the label's values. Reading it into a string fails when the prediction engine or CreateEnumerable is created ('Can't bind the IDataView column'); mapping it back with MapKeyToValue after the trainer gives the class itself.");

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
                    if (site.Output is not { } output)
                    {
                        continue;
                    }

                    foreach (var (columnName, target, targetType, type) in api.WritableColumns(output))
                    {
                        if (site.Find(columnName, out _) is not { Producer: >= 0, Type: { IsKey: true, Shape: ColumnShape.Scalar } } predicted
                            || site.Flow.Pipeline.Steps[predicted.Producer] is not { Kind: StepKind.Trainer, Method: { } trainer }
                            || TaskTable.TaskOf(trainer, api) != MLTask.MulticlassClassification
                            || type is not { } bound
                            || (bound.Shape == ColumnShape.Scalar && bound.Item == ItemType.UInt32))
                        {
                            continue;
                        }

                        // For the fix: the fitted estimator, and the MLContext its trainer was made from.
                        var trainerCall = site.Flow.Pipeline.Steps[predicted.Producer].Invocation!;
                        var additional = ValueTracker.CatalogContext(trainerCall, registry.Symbols) is { } context
                            ? new[] { site.Flow.Pipeline.Value.Syntax.GetLocation(), context.Syntax.GetLocation() }
                            : null;
                        member.ReportDiagnostic(Diagnostic.Create(
                            Descriptor,
                            Describe.CallLocation(site.Call.Syntax),
                            additional,
                            ImmutableDictionary<string, string?>.Empty.Add(ColumnProperty, columnName),
                            columnName,
                            target.Name,
                            $"{targetType.ContainingNamespace?.ToDisplayString()}.{targetType.MetadataName}".TrimStart('.'),
                            trainer.Name));
                    }
                }
            });
        }
    }
}
