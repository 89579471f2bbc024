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
    /// EML4006: <c>LoadFromTextFile</c>/<c>CreateTextLoader</c> that declares its columns and leaves
    /// <c>hasHeader</c> (or the options' <c>HasHeader</c>, for options created in view) to its
    /// default. A loader that declares no columns reads the schema <c>SaveAsText</c> wrote into the
    /// file's header, which says itself whether a header row follows.
    /// </summary>
    public sealed class HeaderNotDeclaredRule : Rule
    {
        /// <summary>Present when the call has a <c>hasHeader</c> parameter the fix can set.</summary>
        public const string FixableProperty = "HeaderParameter";

        public const string Id = "EML4006";

        internal static readonly DiagnosticDescriptor Descriptor = Descriptors.Create(
            Id,
            "Header row not declared",
            "'{0}' does not say whether the file has a header row; the default false turns a header line into a data row",
            DiagnosticSeverity.Info,
            "hasHeader defaults to false. A file with a header then gains a row of NaN and 0 (or fails on Boolean columns). Declaring it either way documents the file format.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptor);

        internal override void Register(RuleRegistry registry)
        {
            var symbols = registry.Symbols;
            registry.OnCalls(ProvenanceModel.TextLoadingMethods, (member, model, call) =>
            {
                if (!MLApi.Is(call.TargetMethod.ContainingType, symbols.Api.TextLoaderSaverCatalog)
                    || model.Provenance.TextLoadingOf(call) is not { HasHeader.State: SettingState.Default } loading
                    || !DeclaresColumns(call, model.Values))
                {
                    return;
                }

                var properties = loading.UsesOptions
                    ? ImmutableDictionary<string, string?>.Empty
                    : ImmutableDictionary<string, string?>.Empty.Add(FixableProperty, "hasHeader");
                member.ReportDiagnostic(Diagnostic.Create(
                    Descriptor, Describe.CallLocation(call.Syntax), properties, call.TargetMethod.Name));
            });
        }

        /// <summary>
        /// The call says which columns to read: a schema class, a <c>columns</c> array, or options
        /// whose <c>Columns</c> are set (or not in view).
        /// </summary>
        private static bool DeclaresColumns(IInvocationOperation call, LocalValues values)
        {
            if (call.TargetMethod.IsGenericMethod)
            {
                return true;
            }

            if (ValueReader.Argument(call, "columns") is { } columns)
            {
                return columns.ArgumentKind != ArgumentKind.DefaultValue && !ValueReader.RuntimeNull(columns.Value, values);
            }

            if (ValueReader.Argument(call, "options") is { } options)
            {
                if (options.ArgumentKind == ArgumentKind.DefaultValue || ValueReader.RuntimeNull(options.Value, values))
                {
                    return false;
                }

                return ValueReader.Member(options.Value, "Columns", values) is var declared
                    && !(declared.State == SettingState.Default || (declared.State == SettingState.Given && ValueReader.RuntimeNull(declared.Value!, values)));
            }

            return false;
        }
    }
}
