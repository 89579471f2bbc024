using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;

namespace EffectiveML.Report
{
    /// <summary>Writes the summary a team lead reads: findings per principle and rule, the top files, as text or as one HTML page.</summary>
    public static class ReportWriter
    {
        private const int TopFiles = 10;

        public static void WriteText(SarifFindings sarif, TextWriter output)
        {
            output.WriteLine($"EffectiveML: {sarif.Findings.Count} findings of {sarif.Findings.Select(f => f.RuleId).Distinct().Count()} rules");
            output.WriteLine();
            foreach (var principle in SarifFindings.Principles)
            {
                var inPrinciple = sarif.Findings.Where(f => SarifFindings.Principle(f.RuleId) == principle).ToList();
                output.WriteLine($"{principle}: {inPrinciple.Count}");
                foreach (var rule in inPrinciple.GroupBy(f => f.RuleId).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
                {
                    var info = Info(sarif, rule.Key);
                    output.WriteLine($"  {rule.Key} {info.Title}: {rule.Count()}  {info.HelpUri}");
                }
            }

            output.WriteLine();
            output.WriteLine("Top files:");
            foreach (var file in TopFilesOf(sarif))
            {
                output.WriteLine($"  {file.Count,4}  {file.File}");
            }
        }

        public static string Html(SarifFindings sarif)
        {
            var html = new StringBuilder();
            html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>EffectiveML report</title><style>")
                .Append("body{font-family:system-ui,sans-serif;margin:2rem;max-width:60rem}table{border-collapse:collapse}td,th{padding:.2rem .6rem;text-align:left;border-bottom:1px solid #ddd}")
                .Append(".bar{fill:#3b6ea5}.label{font-size:12px}")
                .Append("</style></head><body>")
                .Append($"<h1>EffectiveML: {sarif.Findings.Count} findings</h1>");

            // One bar per principle, drawn as inline SVG so the page needs nothing else.
            var counts = SarifFindings.Principles.Select(p => (Principle: p, Count: sarif.Findings.Count(f => SarifFindings.Principle(f.RuleId) == p))).ToList();
            var max = Math.Max(1, counts.Max(c => c.Count));
            html.Append($"<svg id=\"principles-chart\" role=\"img\" aria-label=\"Findings per principle\" width=\"640\" height=\"{counts.Count * 28 + 10}\">");
            for (var i = 0; i < counts.Count; i++)
            {
                var width = (int)Math.Round(400.0 * counts[i].Count / max);
                html.Append($"<text class=\"label\" x=\"0\" y=\"{i * 28 + 20}\">{counts[i].Principle}</text>")
                    .Append($"<rect class=\"bar\" x=\"140\" y=\"{i * 28 + 6}\" width=\"{width}\" height=\"20\"></rect>")
                    .Append($"<text class=\"label\" x=\"{150 + width}\" y=\"{i * 28 + 20}\">{counts[i].Count}</text>");
            }

            html.Append("</svg>");

            foreach (var (principle, count) in counts)
            {
                html.Append($"<section><h2 id=\"{principle.ToLowerInvariant()}\">{principle} ({count})</h2>");
                var rules = sarif.Findings.Where(f => SarifFindings.Principle(f.RuleId) == principle).GroupBy(f => f.RuleId).OrderByDescending(g => g.Count()).ToList();
                if (rules.Count == 0)
                {
                    html.Append("<p>No findings.</p></section>");
                    continue;
                }

                html.Append("<table><tr><th>rule</th><th>title</th><th>findings</th></tr>");
                foreach (var rule in rules)
                {
                    var info = Info(sarif, rule.Key);
                    var link = IsWebLink(info.HelpUri) ? $"<a href=\"{WebUtility.HtmlEncode(info.HelpUri)}\">{WebUtility.HtmlEncode(rule.Key)}</a>" : WebUtility.HtmlEncode(rule.Key);
                    html.Append($"<tr><td>{link}</td><td>{WebUtility.HtmlEncode(info.Title)}</td><td>{rule.Count()}</td></tr>");
                }

                html.Append("</table></section>");
            }

            html.Append("<section><h2 id=\"top-files\">Top files</h2><table><tr><th>file</th><th>findings</th></tr>");
            foreach (var file in TopFilesOf(sarif))
            {
                html.Append($"<tr><td>{WebUtility.HtmlEncode(file.File)}</td><td>{file.Count}</td></tr>");
            }

            html.Append("</table></section></body></html>");
            return html.ToString();
        }

        /// <summary>Only an http or https address becomes a link: a log from elsewhere may carry a <c>javascript:</c> one.</summary>
        private static bool IsWebLink(string? uri) =>
            Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && (parsed.Scheme == Uri.UriSchemeHttps || parsed.Scheme == Uri.UriSchemeHttp);

        private static RuleInfo Info(SarifFindings sarif, string id) =>
            sarif.Rules.TryGetValue(id, out var info) ? info : new RuleInfo(id, id, null);

        private static IEnumerable<(string File, int Count)> TopFilesOf(SarifFindings sarif) =>
            sarif.Findings.Where(f => f.File is not null)
                .GroupBy(f => f.File!)
                .Select(g => (File: g.Key, Count: g.Count()))
                .OrderByDescending(f => f.Count)
                .ThenBy(f => f.File, StringComparer.Ordinal)
                .Take(TopFiles);
    }
}
