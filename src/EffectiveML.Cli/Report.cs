using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace EffectiveML.Cli
{
    /// <summary>The findings as text: by principle, then rule, each with <c>file:line</c>, message and help link.</summary>
    internal static class Report
    {
        public static void Write(IReadOnlyList<Finding> findings, int projects, int withErrors, int unresolved, int failures, TextWriter output)
        {
            output.WriteLine();
            foreach (var principle in findings.GroupBy(f => (f.PrincipleOrder, f.Principle)).OrderBy(g => g.Key.PrincipleOrder))
            {
                output.WriteLine($"{principle.Key.Principle} (EML{principle.Key.PrincipleOrder}xxx): {Count(principle.Count())}");
                foreach (var rule in principle.GroupBy(f => f.Id).OrderBy(g => g.Key, System.StringComparer.Ordinal))
                {
                    var first = rule.First();
                    output.WriteLine($"  {rule.Key} {first.Title} ({rule.Count()}) {first.HelpLink}");
                    foreach (var finding in rule.OrderBy(f => f.Path, System.StringComparer.Ordinal).ThenBy(f => f.Line).ThenBy(f => f.Column))
                    {
                        output.WriteLine($"    {finding.Where}: {finding.Level}: {finding.Message}");
                    }
                }

                output.WriteLine();
            }

            var summary = $"{Count(findings.Count)} in {projects} {(projects == 1 ? "project" : "projects")}";
            if (withErrors > 0)
            {
                summary += $"; {withErrors} {(withErrors == 1 ? "project has" : "projects have")} compile errors and {(withErrors == 1 ? "was" : "were")} analyzed as an editor would";
                if (unresolved > 0)
                {
                    summary += $" ({unresolved} with references that did not resolve: run dotnet restore for a complete analysis)";
                }
            }

            if (failures > 0)
            {
                summary += $"; {failures} load {(failures == 1 ? "failure" : "failures")} (listed above)";
            }

            output.WriteLine(summary);
        }

        private static string Count(int findings) => findings == 1 ? "1 finding" : $"{findings} findings";
    }
}
