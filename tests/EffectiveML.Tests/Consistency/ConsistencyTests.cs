using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using EffectiveML.Analyzers.Infrastructure;
using EffectiveML.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace EffectiveML.Tests.Consistency
{
    /// <summary>Keeps descriptors, rules.md, release tracking and tests in step with each other.</summary>
    public class ConsistencyTests
    {
        private static readonly string RulesMarkdown = File.ReadAllText(Repository.PathOf("rules.md"));

        public static TheoryData<string> RuleIds()
        {
            var data = new TheoryData<string>();
            foreach (var descriptor in SuiteCatalog.Descriptors)
            {
                data.Add(descriptor.Id);
            }

            return data;
        }

        [Fact]
        public void The_suite_ships_the_implemented_rules()
        {
            Assert.Equal(
                new[]
                {
                    "EML0001", "EML0002",
                    "EML1001", "EML1002",
                    "EML2001", "EML2002", "EML2003", "EML2004", "EML2005",
                    "EML3001", "EML3002", "EML3003",
                    "EML4001", "EML4002", "EML4003", "EML4004", "EML4005", "EML4006", "EML4007", "EML4008", "EML4009", "EML4010", "EML4011",
                    "EML5001", "EML5002", "EML5003", "EML5004", "EML5007",
                    "EML6001", "EML6002",
                    "EML7001", "EML7002",
                    "EML8001", "EML8002",
                },
                SuiteCatalog.Descriptors.Select(d => d.Id).OrderBy(id => id, StringComparer.Ordinal));
        }

        [Theory]
        [MemberData(nameof(RuleIds))]
        public void Every_rule_has_a_rules_md_section_with_its_title(string id)
        {
            var descriptor = Descriptor(id);
            var headings = Regex.Matches(RulesMarkdown, @"^### (EML\d{4}): (.+)$", RegexOptions.Multiline)
                .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value.Trim());

            Assert.True(headings.ContainsKey(id), $"rules.md has no '### {id}: ...' section");
            Assert.Equal(descriptor.Title.ToString(), headings[id]);
        }

        [Theory]
        [MemberData(nameof(RuleIds))]
        public void Every_help_link_points_at_its_rules_md_section(string id)
        {
            var descriptor = Descriptor(id);
            var heading = Regex.Match(RulesMarkdown, $@"^### ({id}: .+)$", RegexOptions.Multiline).Groups[1].Value.Trim();

            Assert.Equal(Descriptors.RulesDocument + "#" + GitHubAnchor(heading), descriptor.HelpLinkUri);
            Assert.Contains($"[{id}](#{GitHubAnchor(heading)})", RulesMarkdown);
        }

        [Theory]
        [MemberData(nameof(RuleIds))]
        public void Every_rule_is_in_the_release_tracking_files_with_its_category_and_severity(string id)
        {
            var descriptor = Descriptor(id);
            var rows = ReleaseTrackingRows();

            Assert.True(rows.ContainsKey(id), $"{id} is in neither AnalyzerReleases.Shipped.md nor AnalyzerReleases.Unshipped.md");
            Assert.Equal(descriptor.Category, rows[id].Category);
            Assert.Equal(descriptor.DefaultSeverity.ToString(), rows[id].Severity);
        }

        [Fact]
        public void The_release_tracking_files_name_no_rule_the_suite_lacks()
        {
            var known = SuiteCatalog.Descriptors.Select(d => d.Id).ToHashSet();
            foreach (var id in ReleaseTrackingRows().Keys)
            {
                Assert.Contains(id, known);
            }
        }

        [Theory]
        [MemberData(nameof(RuleIds))]
        public void Every_rule_has_its_principle_as_category_and_the_table_says_whether_it_has_a_fix(string id)
        {
            var descriptor = Descriptor(id);
            Assert.Equal(((Principle)(id[3] - '0')).ToString(), descriptor.Category);

            var row = Regex.Match(RulesMarkdown, $@"^\| \[{id}\]\(.*$", RegexOptions.Multiline).Value;
            Assert.False(string.IsNullOrEmpty(row), $"the rules.md table has no row for {id}");
            var cells = row.Split('|', StringSplitOptions.TrimEntries);
            Assert.Equal(descriptor.Category, cells[3]);
            var severity = descriptor.DefaultSeverity.ToString().ToLowerInvariant();
            Assert.Equal(descriptor.IsEnabledByDefault ? severity : severity + ", off by default", cells[4]);
            Assert.Equal(SuiteCatalog.FixableIds.Contains(id), cells[5].StartsWith("yes", StringComparison.Ordinal));
        }

        [Fact]
        public void Every_option_is_documented_with_its_key_and_default()
        {
            foreach (var option in EffectiveMLOptions.All)
            {
                Assert.Matches($@"\| `{Regex.Escape(option.Key)}` \| \w+ \| `{Regex.Escape(option.DefaultText)}` \|", RulesMarkdown);
            }
        }

        [Fact]
        public void Every_rule_derives_from_the_base_that_bails_out_without_ML()
        {
            Assert.NotEmpty(SuiteCatalog.Rules);
            foreach (var rule in SuiteCatalog.Rules)
            {
                Assert.True(rule.GetType().IsSealed, rule.GetType().Name + " should be sealed");
            }
        }

        [Fact]
        public void The_compiler_loads_one_analyzer_the_suite_which_hosts_every_rule()
        {
            // One analyzer: the driver's overhead (a callback per member, the actions of each
            // symbol) is paid once, not once per rule or per fixable rule.
            Assert.Equal(new[] { typeof(EffectiveMLSuiteAnalyzer) }, SuiteCatalog.Analyzers.Select(a => a.GetType()));
            Assert.Equal(
                SuiteCatalog.Rules.Select(r => r.GetType().FullName).OrderBy(n => n, StringComparer.Ordinal),
                EffectiveMLSuiteAnalyzer.AllRules.Select(r => r.GetType().FullName).OrderBy(n => n, StringComparer.Ordinal));

            // What the compiler loads reports every ID once.
            var loaded = SuiteCatalog.Analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToList();
            Assert.Equal(loaded.Distinct().Count(), loaded.Count);
            Assert.Equal(SuiteCatalog.Descriptors.Select(d => d.Id), loaded.OrderBy(id => id, StringComparer.Ordinal));
        }

        [Fact]
        public void Every_analyzer_has_a_test_class_with_positive_and_negative_tests()
        {
            var testTypes = typeof(ConsistencyTests).Assembly.GetTypes()
                .Where(t => t.IsPublic)
                .ToDictionary(t => t.Name, t => t);
            foreach (var analyzer in SuiteCatalog.Rules)
            {
                var name = analyzer.GetType().Name + "Tests";
                Assert.True(testTypes.TryGetValue(name, out var testClass), $"no test class {name}");

                var tests = testClass!.GetMethods()
                    .Where(m => m.GetCustomAttributes<FactAttribute>(inherit: true).Any())
                    .Select(m => m.Name)
                    .ToList();
                Assert.Contains(tests, t => t.StartsWith("Flags_", StringComparison.Ordinal));
                Assert.Contains(tests, t => t.StartsWith("Quiet_", StringComparison.Ordinal));
            }
        }

        [Fact]
        public void Every_code_fix_has_a_test_of_its_fix()
        {
            var testTypes = typeof(ConsistencyTests).Assembly.GetTypes();
            foreach (var id in SuiteCatalog.FixableIds)
            {
                var analyzer = SuiteCatalog.Rules.Single(a => a.SupportedDiagnostics.Any(d => d.Id == id));
                var testClass = testTypes.Single(t => t.Name == analyzer.GetType().Name + "Tests");
                Assert.Contains(testClass.GetMethods(), m => m.Name.StartsWith("Fix_", StringComparison.Ordinal));
            }
        }

        [Theory]
        [InlineData("Recommended")]
        [InlineData("All")]
        [InlineData("None")]
        public void Every_analysis_mode_config_names_every_rule_it_should(string mode)
        {
            // Recommended leaves the rules rules.md documents as noisy at their catalog severity.
            var noisy = new[] { "EML2003", "EML2005", "EML4003", "EML5007", "EML8001" };
            var lines = File.ReadAllLines(Repository.PathOf("src", "EffectiveML.Package", "build", "config", $"effective-ml-{mode.ToLowerInvariant()}.globalconfig"));
            Assert.Contains("is_global = true", lines);
            Assert.Contains(lines, l => Regex.IsMatch(l, @"^global_level = -\d+$"));

            var expected = SuiteCatalog.Descriptors
                .Where(d => mode != "Recommended" || !noisy.Contains(d.Id))
                .Select(d => $"dotnet_diagnostic.{d.Id}.severity = {(mode == "None" ? "none" : "warning")}");
            Assert.Equal(expected, lines.Where(l => l.StartsWith("dotnet_diagnostic.", StringComparison.Ordinal)));
            Assert.Contains($"`EffectiveMLAnalysisMode` | `{mode}`", RulesMarkdown);
        }

        private static DiagnosticDescriptor Descriptor(string id) => SuiteCatalog.Descriptors.Single(d => d.Id == id);

        /// <summary>GitHub's heading anchors, written independently of the product's helper.</summary>
        private static string GitHubAnchor(string heading)
        {
            var lower = heading.Trim().ToLowerInvariant();
            var kept = Regex.Replace(lower, @"[^\p{L}\p{N}\- _]", string.Empty);
            return kept.Replace(' ', '-');
        }

        private static Dictionary<string, (string Category, string Severity)> ReleaseTrackingRows()
        {
            var rows = new Dictionary<string, (string, string)>();
            foreach (var file in new[] { "AnalyzerReleases.Shipped.md", "AnalyzerReleases.Unshipped.md" })
            {
                foreach (var line in File.ReadAllLines(Repository.PathOf("src", "EffectiveML.Analyzers", file)))
                {
                    var cells = line.Split('|', StringSplitOptions.TrimEntries);
                    if (cells.Length >= 3 && Regex.IsMatch(cells[0], @"^EML\d{4}$"))
                    {
                        rows[cells[0]] = (cells[1], cells[2]);
                    }
                }
            }

            return rows;
        }
    }
}
