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
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.InvalidOption);

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
                                Descriptors.InvalidOption,
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
