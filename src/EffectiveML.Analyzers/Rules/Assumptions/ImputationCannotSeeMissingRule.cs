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
        public const string Id = "EML4004";

        internal static readonly DiagnosticDescriptor Descriptor = Descriptors.Create(
            Id,
            "Imputation that cannot see missing values",
            "{0} runs on data loaded by '{1}' without MissingRealsAsNaNs = true: empty numeric fields were already read as 0, so there is nothing to replace",
            DiagnosticSeverity.Warning,
            "ML.NET's text loader reads an empty numeric field as 0 unless TextLoader.Options.MissingRealsAsNaNs is true. Imputation and missingness indicators then see no missing values at all, and the zeros train the model.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptor);

        internal override void Register(RuleRegistry registry)
        {
            var symbols = registry.Symbols;
            registry.OnCalls(static model => model.Pipelines.TransformCalls, (member, model, call) =>
            {
                if (symbols.Api.FindTransform(call.TargetMethod)?.Kind is not (StepKind.Imputer or StepKind.MissingIndicator))
                {
                    return;
                }

                foreach (var fit in model.Sites.Fits)
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
                                Descriptor,
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
