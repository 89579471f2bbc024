using System.Collections.Generic;
using System.Collections.Immutable;
using EffectiveML.Analyzers.Infrastructure;
using EffectiveML.Analyzers.Model.Schemas;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace EffectiveML.Analyzers.Rules.Assumptions
{
    /// <summary>
    /// EML4101: a pipeline step reads a column (a transform's input, a trainer's label or feature
    /// column) that neither the data it is fitted on nor an earlier step produces. ML.NET finds out
    /// only when <c>Fit</c> runs.
    /// </summary>
    public sealed class ColumnNotFoundRule : Rule
    {
        /// <summary>The closest existing column name, when one is near enough for the fix to rename to.</summary>
        public const string ClosestProperty = "Closest";

        public const string Id = "EML4101";

        internal static readonly DiagnosticDescriptor Descriptor = Descriptors.Create(
            Id,
            "Column not found",
            "Could not find {0} column '{1}': {2}",
            DiagnosticSeverity.Warning,
            "ML.NET checks a pipeline's columns only when Fit runs, after the data is loaded. A column that neither the data nor an earlier step produces fails there with 'Could not find ... column'. Usually a misspelling, a column renamed in the schema class, or a step that writes it under another name.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptor);

        internal override void Register(RuleRegistry registry)
        {
            registry.OnMember((member, model) =>
            {
                // Most members fit nothing: they need no column types.
                if (model.Sites.Fits.Count == 0)
                {
                    return;
                }

                HashSet<(IOperation, string)>? reported = null;
                foreach (var flow in model.Schemas.Flows)
                {
                    foreach (var read in flow.Reads)
                    {
                        if (read.MissingFrom is not { } schema)
                        {
                            continue;
                        }

                        var at = read.Column.Source ?? flow.Pipeline.Steps[read.Step].Operation;
                        if (!(reported ??= new HashSet<(IOperation, string)>()).Add((at, read.Column.Name!)))
                        {
                            continue;
                        }

                        var closest = schema.Closest(read.Column.Name!);
                        var removedBy = schema.RemovedBy(read.Column.Name!);
                        var why = removedBy >= 0 ? $"'{flow.Pipeline.Steps[removedBy]}' removes it"
                            : HasEarlierTransform(flow, read.Step) ? "neither the data nor an earlier step produces it"
                            : "the data has no such column";
                        if (closest is not null)
                        {
                            why += $"; the closest existing column is '{closest}'";
                        }

                        var properties = closest is not null && read.Column.Source is ILiteralOperation
                            ? ImmutableDictionary<string, string?>.Empty.Add(ClosestProperty, closest)
                            : ImmutableDictionary<string, string?>.Empty;
                        member.ReportDiagnostic(Diagnostic.Create(
                            Descriptor, at.Syntax.GetLocation(), properties, RoleName(read.Role), read.Column.Name, why));
                    }
                }
            });
        }

        /// <summary>The role as ML.NET's message names it.</summary>
        private static string RoleName(ColumnRole role) => role switch
        {
            ColumnRole.Label => "label",
            ColumnRole.Feature => "feature",
            _ => "input",
        };

        private static bool HasEarlierTransform(PipelineSchema flow, int step)
        {
            for (var i = 0; i < step; i++)
            {
                if (!flow.Pipeline.Steps[i].Flows.IsDefaultOrEmpty)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
