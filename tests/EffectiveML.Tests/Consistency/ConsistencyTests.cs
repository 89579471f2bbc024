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
        public void Rule_ids_are_unique_and_spelled_EML_and_four_digits()
        {
            var ids = SuiteCatalog.Descriptors.Select(d => d.Id).ToList();
            Assert.NotEmpty(ids);
            Assert.Equal(ids.Count, ids.Distinct().Count());
            Assert.All(ids, id => Assert.Matches(@"^EML\d{4}$", id));
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
        public void Every_rule_has_its_principle_as_category(string id)
        {
            Assert.Equal(((Principle)(id[3] - '0')).ToString(), Descriptor(id).Category);
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

        [Fact]
        public void The_analysis_modes_section_names_every_mode_and_the_rules_Recommended_leaves_out()
        {
            foreach (var mode in new[] { "Default", "Recommended", "All", "None" })
            {
                Assert.Contains($"`EffectiveMLAnalysisMode` | `{mode}`", RulesMarkdown);
            }

            var recommendedRow = Regex.Match(RulesMarkdown, @"^\| `EffectiveMLAnalysisMode` \| `Recommended` \|.*$", RegexOptions.Multiline).Value;
            var named = Regex.Matches(recommendedRow, @"EML\d{4}").Select(m => m.Value).Distinct().OrderBy(id => id, StringComparer.Ordinal);
            var leftOut = SuiteCatalog.Descriptors.Where(d => d.CustomTags.Contains(Descriptors.NotInRecommendedTag)).Select(d => d.Id);
            Assert.Equal(leftOut, named);
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
