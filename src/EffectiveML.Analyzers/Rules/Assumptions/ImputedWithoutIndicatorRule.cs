using System.Collections.Generic;
using System.Collections.Immutable;
using EffectiveML.Analyzers.Infrastructure;
using EffectiveML.Analyzers.Model;
using EffectiveML.Analyzers.Model.Pipelines;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace EffectiveML.Analyzers.Rules.Assumptions
{
    /// <summary>
    /// EML4003 (off by default): a column imputed in a pipeline in view that has no
    /// <c>IndicateMissingValues</c> on the same input column.
    /// </summary>
    public sealed class ImputedWithoutIndicatorRule : Rule
    {
        public const string Id = "EML4003";

        internal static readonly DiagnosticDescriptor Descriptor = Descriptors.Create(
            Id,
            "Imputed without a missingness indicator",
            "Column '{0}' is imputed but no IndicateMissingValues on it tells the model which values were missing",
            DiagnosticSeverity.Info,
            "Imputation hides which values were missing. When missingness carries signal (a skipped question, a sensor that failed), an IndicateMissingValues column keeps it.",
            enabledByDefault: false,
            inRecommended: false);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptor);

        internal override void Register(RuleRegistry registry)
        {
            var symbols = registry.Symbols;
            registry.OnCalls(static model => model.Pipelines.TransformCalls, (member, model, call) =>
            {
                if (symbols.Api.FindTransform(call.TargetMethod)?.Kind != StepKind.Imputer)
                {
                    return;
                }

                var reported = new HashSet<string>();
                foreach (var (pipeline, index) in model.Pipelines.ChainsContaining(call))
                {
                    if (!pipeline.IsFullyKnown)
                    {
                        continue;
                    }

                    var indicated = IndicatedColumns(pipeline);
                    if (indicated is null)
                    {
                        continue;
                    }

                    foreach (var flow in pipeline.Steps[index].Flows)
                    {
                        if (flow.Inputs[0].Name is { } input && !indicated.Contains(input) && reported.Add(input))
                        {
                            member.ReportDiagnostic(Diagnostic.Create(
                                Descriptor, Describe.CallLocation(call.Syntax), input));
                        }
                    }
                }
            });
        }

        /// <summary>The input columns of every IndicateMissingValues in the pipeline; null if one cannot be read.</summary>
        private static HashSet<string>? IndicatedColumns(Pipeline pipeline)
        {
            var indicated = new HashSet<string>();
            foreach (var step in pipeline.Steps)
            {
                if (step.Kind != StepKind.MissingIndicator)
                {
                    continue;
                }

                if (!step.ColumnsKnown)
                {
                    return null;
                }

                foreach (var flow in step.Flows)
                {
                    indicated.Add(flow.Inputs[0].Name!);
                }
            }

            return indicated;
        }
    }
}
