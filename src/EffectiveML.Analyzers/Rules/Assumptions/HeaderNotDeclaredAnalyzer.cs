using System.Collections.Immutable;
using EffectiveML.Analyzers.Infrastructure;
using EffectiveML.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace EffectiveML.Analyzers.Rules.Assumptions
{
    /// <summary>
    /// EML4006: <c>LoadFromTextFile</c>/<c>CreateTextLoader</c> that leaves <c>hasHeader</c> (or the
    /// options' <c>HasHeader</c>, for options created in view) to its default.
    /// </summary>
    public sealed class HeaderNotDeclaredAnalyzer : EffectiveMLAnalyzer
    {
        /// <summary>Present when the call has a <c>hasHeader</c> parameter the fix can set.</summary>
        public const string FixableProperty = "HeaderParameter";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.HeaderNotDeclared);

        internal override void InitializeCompilation(CompilationStartAnalysisContext context, KnownSymbols symbols)
        {
            symbols.Models.RegisterCallAction(context, MemberModel.TextLoadingMethods, (member, model, call) =>
            {
                if (!MLApi.Is(call.TargetMethod.ContainingType, symbols.Api.TextLoaderSaverCatalog)
                    || model.TextLoadingOf(call) is not { HasHeader.State: SettingState.Default } loading)
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
    }
}
