using System;
using System.IO;
using System.Linq;
using EffectiveML.Docs;
using EffectiveML.Tests.Infrastructure;
using Xunit;

namespace EffectiveML.Tests.Consistency
{
    /// <summary>
    /// The lists that follow from the rules (rule index, README rule list, presets, unshipped
    /// release rows) are what tools/EffectiveML.Docs writes from the descriptors, and the tool
    /// answers bad input with one line and an exit code.
    /// </summary>
    public class GeneratedDocumentsTests
    {
        public static TheoryData<string> Documents()
        {
            var data = new TheoryData<string>();
            foreach (var document in GeneratedDocuments.Render(Repository.Root, RuleCatalog.Load()))
            {
                data.Add(document.RelativePath);
            }

            return data;
        }

        [Theory]
        [MemberData(nameof(Documents))]
        public void The_committed_document_is_what_the_generator_writes(string relativePath)
        {
            var expected = GeneratedDocuments.Render(Repository.Root, RuleCatalog.Load()).Single(d => d.RelativePath == relativePath).Content;
            var committed = File.ReadAllText(Repository.PathOf(relativePath)).Replace("\r\n", "\n");

            Assert.True(
                expected == committed,
                $"{relativePath} is stale: run 'dotnet run --project tools/EffectiveML.Docs' and commit the result");
        }

        [Fact]
        public void The_catalog_lists_every_rule_once_with_its_fix()
        {
            var rules = RuleCatalog.Load();

            Assert.Equal(SuiteCatalog.Descriptors.Select(d => d.Id), rules.Select(r => r.Id));
            Assert.Equal(
                SuiteCatalog.FixableIds.OrderBy(id => id, StringComparer.Ordinal),
                rules.Where(r => r.FixSummary is not null).Select(r => r.Id));
            Assert.All(rules, r => Assert.EndsWith("Rule", r.RuleClass, StringComparison.Ordinal));
        }

        [Fact]
        public void Writes_the_regions_and_files_and_leaves_the_rest_of_a_document_alone()
        {
            var root = SmallRepository();
            File.WriteAllText(Path.Combine(root, "rules.md"), "# Rules\n\nbefore\n<!-- generated: rule index -->\nold table\n<!-- end generated: rule index -->\nafter\n");

            var output = new StringWriter();
            Assert.Equal(0, Program.Run(new[] { "--root", root }, output, TextWriter.Null));
            Assert.Contains("wrote: rules.md", output.ToString());

            var rules = File.ReadAllText(Path.Combine(root, "rules.md"));
            Assert.StartsWith("# Rules\n\nbefore\n<!-- generated: rule index -->\n| ID | title |", rules);
            Assert.EndsWith("<!-- end generated: rule index -->\nafter\n", rules);
            Assert.DoesNotContain("old table", rules);
            Assert.Contains("| [EML5001](#eml5001-mlcontext-created-without-a-seed) | MLContext created without a seed | Reproducibility | warning | yes: add `seed: 0` |", rules);
            Assert.Contains("dotnet_diagnostic.EML5001.severity = none", File.ReadAllText(Path.Combine(root, GeneratedDocuments.Presets, "effective-ml-none.globalconfig")));
            Assert.Empty(Directory.EnumerateFiles(root, "*.tmp", SearchOption.AllDirectories));

            var again = new StringWriter();
            Assert.Equal(0, Program.Run(new[] { "--root", root, "--check" }, again, TextWriter.Null));
            Assert.Equal("the generated documents are up to date", again.ToString().Trim());
        }

        [Fact]
        public void Check_names_each_stale_document_and_changes_nothing()
        {
            var root = SmallRepository();
            Assert.Equal(0, Program.Run(new[] { "--root", root }, TextWriter.Null, TextWriter.Null));
            var recommended = Path.Combine(root, GeneratedDocuments.Presets, "effective-ml-recommended.globalconfig");
            File.AppendAllText(recommended, "dotnet_diagnostic.EML2003.severity = warning\n");
            var edited = File.ReadAllText(recommended);

            var output = new StringWriter();
            Assert.Equal(1, Program.Run(new[] { "--check", "--root", root }, output, TextWriter.Null));

            Assert.Contains("stale: src/EffectiveML.Package/build/config/effective-ml-recommended.globalconfig", output.ToString());
            Assert.DoesNotContain("rules.md", output.ToString());
            Assert.Equal(edited, File.ReadAllText(recommended));
        }

        [Theory]
        [InlineData("--bogus", "unknown argument '--bogus'")]
        [InlineData("--root", "--root needs the repository's folder")]
        public void Answers_a_bad_argument_with_one_line_and_exit_code_2(string argument, string expected)
        {
            var error = new StringWriter();
            Assert.Equal(2, Program.Run(new[] { argument }, TextWriter.Null, error));
            Assert.StartsWith(expected, error.ToString());
            Assert.Single(error.ToString().Trim().Split('\n'));
        }

        [Fact]
        public void Answers_a_folder_that_is_no_repository_and_a_missing_region_with_one_line_each()
        {
            var empty = DotNet.NewTempDirectory("docs-empty");
            var error = new StringWriter();
            Assert.Equal(2, Program.Run(new[] { "--root", empty }, TextWriter.Null, error));
            Assert.StartsWith("no EffectiveML repository at", error.ToString());
            Assert.Single(error.ToString().Trim().Split('\n'));

            var root = SmallRepository();
            File.WriteAllText(Path.Combine(root, "README.md"), "# no markers here\n");
            var before = File.ReadAllText(Path.Combine(root, "rules.md"));
            error = new StringWriter();
            Assert.Equal(2, Program.Run(new[] { "--root", root }, TextWriter.Null, error));
            Assert.Equal("README.md has no region '<!-- generated: rule list -->' … '<!-- end generated: rule list -->'", error.ToString().Trim());
            Assert.Equal(before, File.ReadAllText(Path.Combine(root, "rules.md")));
        }

        /// <summary>A folder with the files the generator reads and writes, their regions empty.</summary>
        private static string SmallRepository()
        {
            var root = DotNet.NewTempDirectory("docs");
            File.WriteAllText(Path.Combine(root, "Analyzers.sln"), string.Empty);
            File.WriteAllText(Path.Combine(root, "rules.md"), "<!-- generated: rule index -->\n<!-- end generated: rule index -->\n");
            File.WriteAllText(Path.Combine(root, "README.md"), "<!-- generated: rule list -->\n<!-- end generated: rule list -->\n");
            Directory.CreateDirectory(Path.Combine(root, GeneratedDocuments.Presets));
            Directory.CreateDirectory(Path.Combine(root, "src", "EffectiveML.Analyzers"));
            File.WriteAllText(Path.Combine(root, GeneratedDocuments.ShippedReleases), "; Shipped analyzer releases\n");
            return root;
        }
    }
}
