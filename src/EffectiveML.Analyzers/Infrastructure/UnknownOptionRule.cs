using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using EffectiveML.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace EffectiveML.Analyzers.Infrastructure
{
    /// <summary>
    /// EML0002: an <c>effective_ml.*</c> key in .editorconfig that no rule reads (a typo, an option of
    /// another version), reported once per compilation with the closest known key.
    /// </summary>
    public sealed class UnknownOptionRule : Rule
    {
        private const string Prefix = "effective_ml.";

        public const string Id = "EML0002";

        internal static readonly DiagnosticDescriptor Descriptor = Descriptors.Create(
            Id,
            "Unknown EffectiveML option",
            "'{0}' is not an EffectiveML option and has no effect; did you mean '{1}'?",
            DiagnosticSeverity.Info,
            "An effective_ml.* key that no rule reads is most often a typo. It is ignored, so the behaviour you configured is not the one you get.",
            compilationEnd: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptor);

        internal override void Register(RuleRegistry registry)
        {
            var symbols = registry.Symbols;
            registry.OnCompilationEnd(end =>
            {
                var known = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                foreach (var option in EffectiveMLOptions.All)
                {
                    known.Add(option.Key);
                }

                var reported = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                void Check(AnalyzerConfigOptions options)
                {
                    foreach (var key in options.Keys)
                    {
                        if (key.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) && !known.Contains(key) && reported.Add(key))
                        {
                            end.ReportDiagnostic(Diagnostic.Create(Descriptor, Location.None, key, Closest(key)));
                        }
                    }
                }

                var provider = end.Options.AnalyzerConfigOptionsProvider;
                Check(provider.GlobalOptions);
                foreach (var tree in end.Compilation.SyntaxTrees)
                {
                    end.CancellationToken.ThrowIfCancellationRequested();
                    Check(provider.GetOptions(tree));
                }
            });
        }

        /// <summary>The known key with the smallest edit distance, spelled as rules.md spells it.</summary>
        private static string Closest(string key)
        {
            var best = EffectiveMLOptions.All[0].Key;
            var bestDistance = int.MaxValue;
            foreach (var option in EffectiveMLOptions.All)
            {
                var distance = Distance(key.ToLowerInvariant(), option.Key.ToLowerInvariant());
                if (distance < bestDistance)
                {
                    best = option.Key;
                    bestDistance = distance;
                }
            }

            return best;
        }

        private static int Distance(string a, string b)
        {
            var previous = new int[b.Length + 1];
            var current = new int[b.Length + 1];
            for (var j = 0; j <= b.Length; j++)
            {
                previous[j] = j;
            }

            for (var i = 1; i <= a.Length; i++)
            {
                current[0] = i;
                for (var j = 1; j <= b.Length; j++)
                {
                    var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                    current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), substitution);
                }

                (previous, current) = (current, previous);
            }

            return previous[b.Length];
        }
    }
}
