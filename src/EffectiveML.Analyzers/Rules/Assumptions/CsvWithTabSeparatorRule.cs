using System.Collections.Generic;
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
    /// EML4005: a file whose path in view ends in <c>.csv</c> read by a text loader whose separator
    /// is the default tab (or an explicit one).
    /// </summary>
    public sealed class CsvWithTabSeparatorRule : Rule
    {
        /// <summary>Present when the call has a <c>separatorChar</c> parameter the fix can set.</summary>
        public const string FixableProperty = "SeparatorParameter";

        public const string Id = "EML4005";

        internal static readonly DiagnosticDescriptor Descriptor = Descriptors.Create(
            Id,
            "CSV file loaded with the tab separator",
            "'{0}' is a CSV file but '{1}' reads it with the tab separator; every row loads as one malformed field",
            DiagnosticSeverity.Warning,
            "The text loader's separator defaults to tab. A comma-separated file read that way loads without an error, with the first column NaN and the others 0, and the model trains on garbage.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptor);

        internal override void Register(RuleRegistry registry)
        {
            var symbols = registry.Symbols;
            registry.OnCalls(ProvenanceModel.TextLoadingMethods, (member, model, call) =>
            {
                if (!MLApi.Is(call.TargetMethod.ContainingType, symbols.Api.TextLoaderSaverCatalog))
                {
                    return;
                }

                if (model.Provenance.TextLoadingOf(call) is not { } loading || !ReadsWithTab(loading, model.Values))
                {
                    return;
                }

                foreach (var path in Paths(call, model))
                {
                    if (DataPaths.IsCsv(path, model.Values, symbols.Api))
                    {
                        var properties = loading.UsesOptions
                            ? ImmutableDictionary<string, string?>.Empty
                            : ImmutableDictionary<string, string?>.Empty.Add(FixableProperty, "separatorChar");
                        member.ReportDiagnostic(Diagnostic.Create(
                            Descriptor,
                            Describe.CallLocation(call.Syntax),
                            properties,
                            DataPaths.Ending(path, model.Values, symbols.Api),
                            call.TargetMethod.Name));
                        return;
                    }
                }
            });
        }

        /// <summary>The paths read with these settings: the call's own, or those of <c>Load</c> calls on the loader it creates.</summary>
        private static IEnumerable<IOperation> Paths(IInvocationOperation call, MemberModel model)
        {
            if (call.TargetMethod.Name == "LoadFromTextFile")
            {
                if (ProvenanceModel.PathArgument(call) is { } path)
                {
                    yield return path;
                }

                yield break;
            }

            foreach (var load in model.Provenance.LoadsFrom(call))
            {
                if (ProvenanceModel.PathArgument(load) is { } loadPath)
                {
                    yield return loadPath;
                }
            }
        }

        private static bool ReadsWithTab(TextLoading loading, LocalValues values)
        {
            switch (loading.Separator.State)
            {
                case SettingState.Default:
                    return true;
                case SettingState.Given:
                    var value = loading.Separator.Value!;
                    if (loading.UsesOptions)
                    {
                        var separators = ValueReader.ArrayElements(value, values);
                        return !separators.IsDefault && separators.Length == 1 && ValueReader.Constant(separators[0], values) is '\t';
                    }

                    return ValueReader.Constant(value, values) is '\t';
                default:
                    return false;
            }
        }
    }
}
