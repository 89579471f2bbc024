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
    /// EML4001: <c>ReplaceMissingValues</c> with <c>Mean</c> over several columns in one call, or over
    /// a vector that <c>Concatenate</c> assembled: one choice made for every feature at once.
    /// </summary>
    public sealed class MeanImputationEverywhereRule : Rule
    {
        public const string Id = "EML4001";

        internal static readonly DiagnosticDescriptor Descriptor = Descriptors.Create(
            Id,
            "Mean imputation applied to every column",
            "Mean imputation applied to {0} in one call; choose each column's replacement from its distribution and why it is missing",
            DiagnosticSeverity.Warning,
            "Replacing every missing value with its column's mean assumes every feature is roughly symmetric and missing at random. Skewed columns want the median or a constant, and missingness that carries signal wants an indicator column.");

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

                if (Imputation.Mode(call, symbols.Api, model.Values) != Imputation.Mean)
                {
                    return;
                }

                var columns = ImputedColumns(call, model);
                if (columns is not null)
                {
                    member.ReportDiagnostic(Diagnostic.Create(
                        Descriptor, Describe.CallLocation(call.Syntax), columns));
                }
            });
        }

        /// <summary>What the call imputes with one mean, described for the message; null when it is a single column.</summary>
        private static string? ImputedColumns(IInvocationOperation call, MemberModel model)
        {
            var step = model.Pipelines.Of(call).Steps[0];
            if (ValueReader.Argument(call, "columns") is not null)
            {
                if (step.Flows.Length < 2)
                {
                    return null;
                }

                var names = new List<string>();
                foreach (var flow in step.Flows)
                {
                    names.Add(flow.Inputs[0].Name ?? "?");
                }

                return "columns " + Describe.Names(names);
            }

            if (step.Flows.Length != 1 || step.Flows[0].Inputs.Length != 1 || step.Flows[0].Inputs[0].Name is not { } input)
            {
                return null;
            }

            foreach (var (pipeline, index) in model.Pipelines.ChainsContaining(call))
            {
                if (pipeline.TryFindProducer(input, index, out var producer, out var flow)
                    && producer >= 0
                    && pipeline.Steps[producer].Kind == StepKind.Concatenate
                    && flow!.Inputs.Length >= 2)
                {
                    var names = new List<string>();
                    foreach (var column in flow.Inputs)
                    {
                        names.Add(column.Name ?? "?");
                    }

                    return $"the vector '{input}' concatenated from {Describe.Names(names)}";
                }
            }

            return null;
        }
    }
}
