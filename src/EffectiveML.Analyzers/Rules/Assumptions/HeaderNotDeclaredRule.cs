using System.Collections.Immutable;
using EffectiveML.Analyzers.Infrastructure;
using EffectiveML.Analyzers.Model;
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

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.HeaderNotDeclared);

        internal override void Register(RuleRegistry registry)
        {
            var symbols = registry.Symbols;
            registry.OnCalls(MemberModel.TextLoadingMethods, (member, model, call) =>
            {
                if (!MLApi.Is(call.TargetMethod.ContainingType, symbols.Api.TextLoaderSaverCatalog)
                    || model.TextLoadingOf(call) is not { HasHeader.State: SettingState.Default } loading
                    || !DeclaresColumns(call, model.Values))
                {
                    return;
                }

                var properties = loading.UsesOptions
                    ? ImmutableDictionary<string, string?>.Empty
                    : ImmutableDictionary<string, string?>.Empty.Add(FixableProperty, "hasHeader");
                member.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.HeaderNotDeclared, Describe.CallLocation(call.Syntax), properties, call.TargetMethod.Name));
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
