using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using EffectiveML.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;

namespace EffectiveML.Cli
{
    /// <summary>What <c>effectiveml check</c> was asked to do, validated: every problem is a <see cref="UserError"/>.</summary>
    public sealed record CheckOptions(string Path, string? Sarif, string? Html, AnalysisMode Mode, ImmutableHashSet<string>? Rules, DiagnosticSeverity? FailOn)
    {
        public static CheckOptions From(string path, string? sarif, string? html, string mode, string? rules, string failOn)
        {
            var fullPath = ExistingPath(path);

            if (!Enum.TryParse<AnalysisMode>(mode, ignoreCase: true, out var analysisMode) || !Enum.IsDefined(analysisMode) || int.TryParse(mode, out _))
            {
                throw new UserError(ExitCode.BadArguments, $"unknown mode '{mode}': use Default, Recommended or All");
            }

            DiagnosticSeverity? level = failOn.ToLowerInvariant() switch
            {
                "warning" => DiagnosticSeverity.Warning,
                "info" => DiagnosticSeverity.Info,
                "none" => null,
                _ => throw new UserError(ExitCode.BadArguments, $"unknown level '{failOn}' for --fail-on: use warning, info or none"),
            };

            return new CheckOptions(fullPath, OutputPath(sarif, "--sarif"), OutputPath(html, "--html"), analysisMode, RuleIds(rules), level);
        }

        /// <summary>The full path of a file or folder that exists.</summary>
        public static string ExistingPath(string path)
        {
            var fullPath = System.IO.Path.GetFullPath(path);
            return File.Exists(fullPath) || Directory.Exists(fullPath) ? fullPath : throw new UserError(ExitCode.NoProjects, $"'{path}' does not exist");
        }

        /// <summary>The rule IDs of a comma-separated list, each one of the suite's; null for no list.</summary>
        public static ImmutableHashSet<string>? RuleIds(string? rules)
        {
            if (rules is null)
            {
                return null;
            }

            var known = new EffectiveMLSuiteAnalyzer().SupportedDiagnostics.Select(d => d.Id).ToImmutableHashSet(StringComparer.OrdinalIgnoreCase);
            var ids = rules.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var unknown = ids.Where(id => !known.Contains(id)).ToList();
            if (ids.Length == 0 || unknown.Count > 0)
            {
                throw new UserError(ExitCode.BadArguments, $"unknown rule {string.Join(", ", unknown.DefaultIfEmpty("(none given)"))}: EffectiveML's rules are EML0001 to EML8002 (see rules.md)");
            }

            return ids.Select(id => id.ToUpperInvariant()).ToImmutableHashSet(StringComparer.Ordinal);
        }

        /// <summary>An output file's full path, once its folder is known to exist; nothing is written yet.</summary>
        private static string? OutputPath(string? path, string option)
        {
            if (path is null)
            {
                return null;
            }

            var full = System.IO.Path.GetFullPath(path);
            if (Directory.Exists(full) || System.IO.Path.GetDirectoryName(full) is not { } folder || !Directory.Exists(folder))
            {
                throw new UserError(ExitCode.OutputNotWritable, $"cannot write {option} to '{path}': its folder does not exist or it is a folder");
            }

            return full;
        }
    }

    /// <summary>The analysis modes of the package's <c>EffectiveMLAnalysisMode</c>.</summary>
    public enum AnalysisMode
    {
        Default,
        Recommended,
        All,
    }
}
