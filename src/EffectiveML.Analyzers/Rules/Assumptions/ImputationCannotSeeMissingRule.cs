using System.Collections.Immutable;
using EffectiveML.Analyzers.Infrastructure;
using EffectiveML.Analyzers.Model;
using EffectiveML.Analyzers.Model.Pipelines;
using EffectiveML.Analyzers.Model.Provenance;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace EffectiveML.Analyzers.Rules.Assumptions
{
    /// <summary>
    /// EML4004: imputation or a missingness indicator fitted on data that a text loader in view
    /// read without <c>MissingRealsAsNaNs = true</c>, so empty numeric fields are already 0.
    /// </summary>
    public sealed class ImputationCannotSeeMissingRule : Rule
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.ImputationCannotSeeMissing);

        internal override void Register(RuleRegistry registry)
        {
            var symbols = registry.Symbols;
            registry.OnCalls(static model => model.TransformCalls, (member, model, call) =>
            {
                if (symbols.Api.FindTransform(call.TargetMethod)?.Kind is not (StepKind.Imputer or StepKind.MissingIndicator))
                {
                    return;
                }

                foreach (var fit in model.Fits)
                {
                    if (fit.Pipeline.IndexOf(call) < 0 || fit.Data.Loads() is not { } loads)
                    {
                        continue;
                    }

                    foreach (var load in loads)
                    {
                        if (load.Loading is { } loading && ReadsEmptyAsZero(loading, model.Values))
                        {
                            member.ReportDiagnostic(Diagnostic.Create(
                                Descriptors.ImputationCannotSeeMissing,
                                Describe.CallLocation(call.Syntax),
                                call.TargetMethod.Name,
                                loading.Call.TargetMethod.Name));
                            return;
                        }
                    }
                }
            });
        }

        private static bool ReadsEmptyAsZero(TextLoading loading, LocalValues values) => loading.MissingRealsAsNaNs.State switch
        {
            SettingState.Default => true,
            SettingState.Given => ValueReader.Constant(loading.MissingRealsAsNaNs.Value!, values) is false,
            _ => false,
        };
    }
}
