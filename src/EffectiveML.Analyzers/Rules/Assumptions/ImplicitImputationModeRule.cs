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
    /// <summary>EML4002: <c>ReplaceMissingValues</c> without a replacement mode silently writes 0.</summary>
    public sealed class ImplicitImputationModeRule : Rule
    {
        public const string Id = "EML4002";

        internal static readonly DiagnosticDescriptor Descriptor = Descriptors.Create(
            Id,
            "Imputation mode left implicit",
            "ReplaceMissingValues on {0} uses the default mode, which writes 0 into every missing value; make the mode explicit",
            DiagnosticSeverity.Info,
            "ReplaceMissingValues without a replacement mode uses DefaultValue, which writes 0. Zero is a real value for most features; say which replacement you mean.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptor);

        internal override void Register(RuleRegistry registry)
        {
            var symbols = registry.Symbols;
            registry.OnCalls(static model => model.Pipelines.TransformCalls, (member, model, call) =>
            {
                if (symbols.Api.FindTransform(call.TargetMethod)?.Kind != StepKind.Imputer
                    || ValueReader.Argument(call, "replacementMode") is not { ArgumentKind: ArgumentKind.DefaultValue })
                {
                    return;
                }

                var names = new List<string>();
                foreach (var flow in model.Pipelines.Of(call).Steps[0].Flows)
                {
                    names.Add(flow.Output.Name ?? "?");
                }

                member.ReportDiagnostic(Diagnostic.Create(
                    Descriptor,
                    Describe.CallLocation(call.Syntax),
                    names.Count == 0 ? "its columns" : Describe.Names(names)));
            });
        }
    }
}
