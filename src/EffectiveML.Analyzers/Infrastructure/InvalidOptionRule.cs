using System.Collections.Generic;
using System.Collections.Immutable;
using EffectiveML.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace EffectiveML.Analyzers.Infrastructure
{
    /// <summary>
    /// EML0001: reports each effective_ml.* option whose value cannot be read, once per compilation,
    /// however many .editorconfig sections repeat it.
    /// </summary>
    public sealed class InvalidOptionRule : Rule
    {
        public const string Id = "EML0001";

        internal static readonly DiagnosticDescriptor Descriptor = Descriptors.Create(
            Id,
            "Invalid EffectiveML option",
            "'{0} = {1}' is not valid: expected {2}; the default {3} is used",
            DiagnosticSeverity.Warning,
            "An effective_ml.* option in .editorconfig has a value the rule cannot read. The rule falls back to its default, so the setting you wrote has no effect.",
            compilationEnd: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptor);

        internal override void Register(RuleRegistry registry)
        {
            var symbols = registry.Symbols;
            registry.OnCompilationEnd(end =>
            {
                var provider = end.Options.AnalyzerConfigOptionsProvider;
                var reported = new HashSet<(string Key, string Value)>();

                void Check(AnalyzerConfigOptions options)
                {
                    foreach (var option in EffectiveMLOptions.All)
                    {
                        if (options.TryGetValue(option.Key, out var value)
                            && !option.IsValid(value)
                            && reported.Add((option.Key, value)))
                        {
                            end.ReportDiagnostic(Diagnostic.Create(
                                Descriptor,
                                Location.None,
                                option.Key,
                                value,
                                option.Expected,
                                option.DefaultText));
                        }
                    }
                }

                Check(provider.GlobalOptions);
                foreach (var tree in end.Compilation.SyntaxTrees)
                {
                    end.CancellationToken.ThrowIfCancellationRequested();
                    Check(provider.GetOptions(tree));
                }
            });
        }
    }
}
