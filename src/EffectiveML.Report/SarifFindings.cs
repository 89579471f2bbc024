using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace EffectiveML.Report
{
    /// <summary>One EffectiveML finding of a SARIF log.</summary>
    public sealed record Finding(string RuleId, string Message, string? File, int Line);

    /// <summary>A rule as the SARIF log describes it: title and help link.</summary>
    public sealed record RuleInfo(string Id, string Title, string? HelpUri);

    /// <summary>The EffectiveML findings and rules of a SARIF 2.1 log written by the C# compiler (<c>-p:ErrorLog=...%2Cversion=2.1</c>).</summary>
    public sealed class SarifFindings
    {
        private SarifFindings(IReadOnlyList<Finding> findings, IReadOnlyDictionary<string, RuleInfo> rules)
        {
            Findings = findings;
            Rules = rules;
        }

        public IReadOnlyList<Finding> Findings { get; }

        public IReadOnlyDictionary<string, RuleInfo> Rules { get; }

        /// <summary>The principle a rule enforces, from the thousands digit of its ID.</summary>
        public static string Principle(string ruleId) => ruleId.Length > 3 && char.IsDigit(ruleId[3])
            ? Principles[ruleId[3] - '0']
            : "Other";

        public static readonly IReadOnlyList<string> Principles = new[]
        {
            "Configuration", "Simplicity", "Impact", "Versatility", "Assumptions", "Reproducibility", "Uncertainty", "Roadblocks", "Resilience",
        };

        /// <summary>
        /// The EffectiveML findings of a SARIF log. A file that is not JSON, or not shaped as SARIF
        /// where the report reads it, is an <see cref="InvalidDataException"/> that says so in one line.
        /// </summary>
        public static SarifFindings Read(string path)
        {
            try
            {
                return Parse(File.ReadAllText(path));
            }
            catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new InvalidDataException($"'{path}' is not a SARIF log the report can read: {exception.Message.Split('\n')[0].Trim()}", exception);
            }
        }

        private static SarifFindings Parse(string json)
        {
            using var document = JsonDocument.Parse(json);
            var findings = new List<Finding>();
            var rules = new Dictionary<string, RuleInfo>(StringComparer.Ordinal);
            foreach (var run in document.RootElement.GetProperty("runs").EnumerateArray())
            {
                if (run.TryGetProperty("tool", out var tool) && tool.GetProperty("driver").TryGetProperty("rules", out var ruleArray))
                {
                    foreach (var rule in ruleArray.EnumerateArray())
                    {
                        var id = rule.GetProperty("id").GetString() ?? string.Empty;
                        if (!IsEffectiveML(id))
                        {
                            continue;
                        }

                        var title = rule.TryGetProperty("shortDescription", out var shortDescription) ? shortDescription.GetProperty("text").GetString() : null;
                        var help = rule.TryGetProperty("helpUri", out var helpUri) ? helpUri.GetString() : null;
                        rules[id] = new RuleInfo(id, title ?? id, help);
                    }
                }

                if (!run.TryGetProperty("results", out var results))
                {
                    continue;
                }

                foreach (var result in results.EnumerateArray())
                {
                    var id = result.GetProperty("ruleId").GetString() ?? string.Empty;
                    if (!IsEffectiveML(id) || (result.TryGetProperty("suppressions", out var suppressions) && suppressions.GetArrayLength() > 0))
                    {
                        continue;
                    }

                    var message = result.TryGetProperty("message", out var text) ? text.GetProperty("text").GetString() ?? string.Empty : string.Empty;
                    string? file = null;
                    var line = 0;
                    if (result.TryGetProperty("locations", out var locations) && locations.GetArrayLength() > 0
                        && locations[0].TryGetProperty("physicalLocation", out var physical))
                    {
                        file = physical.GetProperty("artifactLocation").GetProperty("uri").GetString();
                        line = physical.TryGetProperty("region", out var region) && region.TryGetProperty("startLine", out var start) ? start.GetInt32() : 0;
                    }

                    findings.Add(new Finding(id, message, file, line));
                }
            }

            // The compiler writes a result once per build pass; keep one of each.
            return new SarifFindings(findings.Distinct().ToList(), rules);
        }

        private static bool IsEffectiveML(string id) => id.StartsWith("EML", StringComparison.Ordinal);
    }
}
