using System.Collections.Generic;
using System.Collections.Immutable;
using EffectiveML.Analyzers.Infrastructure;
using EffectiveML.Analyzers.Model;
using EffectiveML.Analyzers.Model.Schemas;
using Microsoft.CodeAnalysis;

namespace EffectiveML.Analyzers.Rules.Assumptions
{
    /// <summary>
    /// EML4102: a trainer's label column has a type its task does not take: binary classification
    /// needs Boolean, regression Single, multiclass classification a key (<c>MapValueToKey</c>
    /// first), ranking Single or a key.
    /// </summary>
    public sealed class LabelTypeDoesNotFitTaskRule : Rule
    {
        /// <summary>Present on a multiclass finding whose label the fix can map to a key before the trainer.</summary>
        public const string MapToKeyProperty = "MapToKey";

        public const string Id = "EML4102";

        internal static readonly DiagnosticDescriptor Descriptor = Descriptors.Create(
            Id,
            "Label type does not fit the task",
            "Schema mismatch for label column '{0}': expected {1}, got {2} ({3}){4}",
            DiagnosticSeverity.Warning,
            "Each task's trainers take one label type: a Boolean for binary classification, a Single for regression, a key for multiclass classification, a Single or a key for ranking. ML.NET checks it only when Fit runs, and stops with 'Schema mismatch for label column'. Convert the label in the pipeline (MapValueToKey for classes, ConvertType for numbers) or declare it with the type the task needs.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptor);

        internal override void Register(RuleRegistry registry)
        {
            var api = registry.Symbols.Api;
            registry.OnMember((member, model) =>
            {
                // Most members fit nothing: they need no column types.
                if (model.Sites.Fits.Count == 0)
                {
                    return;
                }

                HashSet<IOperation>? reported = null;
                foreach (var flow in model.Schemas.Flows)
                {
                    foreach (var read in flow.Reads)
                    {
                        if (read.Role != ColumnRole.Label
                            || read.Found?.Type is not { } label
                            || flow.Pipeline.Steps[read.Step].Method is not { } trainer
                            || TaskTable.TaskOf(trainer, api) is not { } task)
                        {
                            continue;
                        }

                        var entry = TaskTable.Of(task);
                        if (entry.AcceptsLabel(label))
                        {
                            continue;
                        }

                        var at = read.Column.Source ?? flow.Pipeline.Steps[read.Step].Operation;
                        if (!(reported ??= new HashSet<IOperation>()).Add(at))
                        {
                            continue;
                        }

                        var mapToKey = task == MLTask.MulticlassClassification && label.Shape == ColumnShape.Scalar;
                        var hint = mapToKey ? "; map it to a key with MapValueToKey before the trainer" : string.Empty;

                        // For the fix: the trainer call, the MLContext it was made from, and the label's expression when the call names it.
                        var trainerCall = flow.Pipeline.Steps[read.Step].Invocation!;
                        var context = mapToKey ? ValueTracker.CatalogContext(trainerCall, registry.Symbols) : null;
                        var properties = context is not null
                            ? ImmutableDictionary<string, string?>.Empty.Add(MapToKeyProperty, read.Column.Name)
                            : ImmutableDictionary<string, string?>.Empty;
                        member.ReportDiagnostic(Diagnostic.Create(
                            Descriptor,
                            at.Syntax.GetLocation(),
                            context is null ? null
                                : read.Column.Source is { } labelSource ? new[] { trainerCall.Syntax.GetLocation(), context.Syntax.GetLocation(), labelSource.Syntax.GetLocation() }
                                : new[] { trainerCall.Syntax.GetLocation(), context.Syntax.GetLocation() },
                            properties,
                            read.Column.Name,
                            entry.ExpectedLabel,
                            label.ToString(),
                            ColumnOrigin.Describe(read.Found.Value, flow),
                            hint));
                    }
                }
            });
        }
    }
}
