using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using EffectiveML.Tests.Infrastructure;
using Xunit;

namespace EffectiveML.Tests.EndToEnd
{
    /// <summary>
    /// The packed <c>effectiveml</c> tool, installed into a tool path, on the samples and on bad
    /// input: the same findings as the build, one clear line and a distinct exit code otherwise.
    /// </summary>
    [Collection(CommandLineCollection.Name)]
    public class CommandLineToolTests : IClassFixture<PackedTool>
    {
        private readonly PackedTool _tool;

        public CommandLineToolTests(PackedTool tool) => _tool = tool;

        [Fact]
        public async Task Check_on_the_AntiPatterns_solution_finds_per_rule_what_the_build_finds()
        {
            var build = await DotNet.RunAsync(
                Repository.Root,
                TimeSpan.FromMinutes(5),
                "build", Repository.PathOf("samples", "AntiPatterns.slnx"), "--no-incremental", "-nodeReuse:false");
            Assert.True(build.ExitCode == 0, "build failed: " + build);
            var built = Regex.Matches(build.Output, @"^(?<where>.*?): warning (?<id>EML\d{4}):(?<message>[^\r\n]*?)( \(https://[^)]*\))? \[[^\]]*\]\r?$", RegexOptions.Multiline)
                .Select(m => (m.Groups["where"].Value, m.Groups["id"].Value, m.Groups["message"].Value))
                .Distinct()
                .GroupBy(w => w.Item2)
                .ToDictionary(g => g.Key, g => g.Count());

            var sarif = Path.Combine(DotNet.NewTempDirectory("cli-sarif"), "findings.sarif");
            var check = await _tool.RunAsync(Repository.Root, "check", Path.Combine("samples", "AntiPatterns.slnx"), "--sarif", sarif);

            Assert.True(check.ExitCode == 1, "findings at warning level exit with 1: " + check);
            var listed = Regex.Matches(check.Output, @"^  (?<id>EML\d{4}) .* \((?<count>\d+)\) https://", RegexOptions.Multiline)
                .ToDictionary(m => m.Groups["id"].Value, m => int.Parse(m.Groups["count"].Value, System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(built.OrderBy(p => p.Key, StringComparer.Ordinal), listed.OrderBy(p => p.Key, StringComparer.Ordinal));
            Assert.Equal(SuiteCatalog.Descriptors.Select(d => d.Id).OrderBy(id => id, StringComparer.Ordinal), listed.Keys.OrderBy(id => id, StringComparer.Ordinal));
            Assert.Contains("samples/AntiPatterns/Impact.cs:", check.Output, StringComparison.Ordinal);
            Assert.Matches(@"\d+ findings in 5 projects", check.Output);

            // The SARIF log carries the same findings, with the build's help links.
            using var log = JsonDocument.Parse(File.ReadAllText(sarif));
            var run = log.RootElement.GetProperty("runs")[0];
            Assert.Equal(listed.Values.Sum(), run.GetProperty("results").GetArrayLength());
            var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToDictionary(r => r.GetProperty("id").GetString()!);
            foreach (var descriptor in SuiteCatalog.Descriptors)
            {
                Assert.Equal(descriptor.HelpLinkUri, rules[descriptor.Id].GetProperty("helpUri").GetString());
            }
        }

        [Fact]
        public async Task Check_on_the_effective_sample_finds_nothing_and_exits_0()
        {
            var check = await _tool.RunAsync(Repository.Root, "check", Path.Combine("samples", "ChurnPrediction"));

            Assert.True(check.ExitCode == 0, check.ToString());
            Assert.Contains("0 findings in", check.Output, StringComparison.Ordinal);
        }

        [SkippableFact]
        public async Task Check_reports_only_the_rules_asked_for_and_writes_the_report_page()
        {
            var chromium = await SystemPrograms.RequireChromiumAsync();
            var html = Path.Combine(DotNet.NewTempDirectory("cli-html"), "report.html");
            var check = await _tool.RunAsync(Repository.Root, "check", Path.Combine("samples", "AntiPatterns", "AntiPatterns.csproj"), "--rules", "EML5001,eml4007", "--html", html, "--fail-on", "none");

            Assert.True(check.ExitCode == 0, "--fail-on none exits with 0: " + check);
            var ids = Regex.Matches(check.Output, @"^  (EML\d{4}) ", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
            Assert.Equal(new[] { "EML4007", "EML5001" }, ids);
            var dom = await SystemPrograms.RenderedDomAsync(chromium, html);
            Assert.Contains("<svg id=\"principles-chart\"", dom, StringComparison.Ordinal);
            Assert.Matches("<h2 id=\"assumptions\">Assumptions \\(1\\)</h2>", dom);
            Assert.Matches("<h2 id=\"reproducibility\">Reproducibility \\(1\\)</h2>", dom);
            Assert.Contains("EML5001", dom, StringComparison.Ordinal);
            Assert.DoesNotContain("EML4003", dom, StringComparison.Ordinal);
        }

        [Fact]
        public async Task The_mode_raises_the_catalogs_severities_and_the_projects_own_configuration_still_wins()
        {
            var folder = DotNet.NewTempDirectory("cli-mode");
            WriteMLProject(folder, "Scoring");
            File.WriteAllText(Path.Combine(folder, "Scoring.cs"), """
                using Microsoft.ML;
                using Microsoft.ML.Data;

                public sealed class Applicant
                {
                    public float Income { get; set; }
                }

                public sealed class Prediction
                {
                    [ColumnName("Score")]
                    public float Score { get; set; }
                }

                public static class Decisions
                {
                    public static bool Approve(MLContext mlContext, ITransformer model, Applicant applicant)
                    {
                        var engine = mlContext.Model.CreatePredictionEngine<Applicant, Prediction>(model);
                        var prediction = engine.Predict(applicant);
                        return prediction.Score > 0.7f;
                    }
                }
                """);
            var restore = await DotNet.RunAsync(folder, TimeSpan.FromMinutes(5), "restore");
            Assert.True(restore.ExitCode == 0, restore.ToString());

            // EML8002 is info in the catalog: reported as info, and info does not fail the default --fail-on warning.
            var before = FilesAndTimes(folder);
            var byDefault = await _tool.RunAsync(folder, "check", ".");
            Assert.True(byDefault.ExitCode == 0, byDefault.ToString());
            Assert.Contains(": info: 'prediction.Score' is compared with", byDefault.Output, StringComparison.Ordinal);

            var all = await _tool.RunAsync(folder, "check", ".", "--mode", "All");
            Assert.True(all.ExitCode == 1, all.ToString());
            Assert.Contains(": warning: 'prediction.Score' is compared with", all.Output, StringComparison.Ordinal);
            // Every file the project had is left as it was; MSBuild's design-time build, as in an
            // editor, may add the intermediate files of a project never built, and nothing else.
            var after = FilesAndTimes(folder);
            Assert.Empty(before.Except(after));
            Assert.All(after.Except(before), added => Assert.StartsWith("obj" + Path.DirectorySeparatorChar, added, StringComparison.Ordinal));

            File.WriteAllText(Path.Combine(folder, ".editorconfig"), "root = true\n[*.cs]\ndotnet_diagnostic.EML8002.severity = none\n");
            var configured = await _tool.RunAsync(folder, "check", ".", "--mode", "All");
            Assert.True(configured.ExitCode == 0, configured.ToString());
            Assert.Contains("0 findings in 1 project", configured.Output, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(folder, "effective-ml-all.globalconfig")), "the mode is applied in memory only");
        }

        [Fact]
        public async Task Fix_dry_run_prints_a_diff_and_fix_writes_code_that_builds()
        {
            var folder = DotNet.NewTempDirectory("cli-fix");
            WriteMLProject(folder, "Pricing");
            var source = """
                using Microsoft.ML;
                using Microsoft.ML.Data;

                public sealed class House
                {
                    [LoadColumn(0)] public float Size { get; set; }
                    [LoadColumn(1)] public float Price { get; set; }
                }

                public static class Training
                {
                    public static ITransformer Train(string folder)
                    {
                        var mlContext = new MLContext();
                        var data = mlContext.Data.LoadFromTextFile<House>(System.IO.Path.Combine(folder, "houses.csv"), hasHeader: true);
                        var pipeline = mlContext.Transforms.Concatenate("Features", nameof(House.Size))
                            .Append(mlContext.Transforms.NormalizeMinMax("Features"))
                            .Append(mlContext.Regression.Trainers.Sdca(labelColumnName: nameof(House.Price)));
                        return pipeline.Fit(data);
                    }
                }
                """;
            var file = Path.Combine(folder, "Training.cs");
            File.WriteAllText(file, source);
            var restore = await DotNet.RunAsync(folder, TimeSpan.FromMinutes(5), "restore");
            Assert.True(restore.ExitCode == 0, restore.ToString());

            var dryRun = await _tool.RunAsync(folder, "fix", ".", "--rules", "EML5001,EML4005", "--dry-run");
            Assert.True(dryRun.ExitCode == 0, dryRun.ToString());
            Assert.Contains("--- a/Training.cs", dryRun.Output, StringComparison.Ordinal);
            Assert.Contains("-        var mlContext = new MLContext();", dryRun.Output, StringComparison.Ordinal);
            Assert.Contains("+        var mlContext = new MLContext(seed: 0);", dryRun.Output, StringComparison.Ordinal);
            Assert.Contains("separatorChar: ','", dryRun.Output, StringComparison.Ordinal);
            Assert.Contains("would fix EML4005 x1, EML5001 x1 in 1 file; nothing written", dryRun.Output, StringComparison.Ordinal);
            Assert.Equal(source, File.ReadAllText(file));

            var fix = await _tool.RunAsync(folder, "fix", ".", "--rules", "EML5001,EML4005");
            Assert.True(fix.ExitCode == 0, fix.ToString());
            Assert.Contains("fixed EML4005 x1, EML5001 x1 in 1 file", fix.Output, StringComparison.Ordinal);
            var fixedSource = File.ReadAllText(file);
            Assert.Contains("new MLContext(seed: 0)", fixedSource, StringComparison.Ordinal);
            Assert.Contains("hasHeader: true, separatorChar: ','", fixedSource, StringComparison.Ordinal);
            Assert.Equal(new[] { "Pricing.csproj", "Training.cs" }, Directory.GetFiles(folder).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal));

            var build = await DotNet.RunAsync(folder, TimeSpan.FromMinutes(5), "build", "--no-restore", "-nodeReuse:false");
            Assert.True(build.ExitCode == 0, "the fixed code builds: " + build);
            // Fixed and gone; seeding the context brings EML5007 (info) into view, which does not fail the check.
            var again = await _tool.RunAsync(folder, "check", ".");
            Assert.True(again.ExitCode == 0, again.ToString());
            Assert.DoesNotContain("EML5001", again.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("EML4005", again.Output, StringComparison.Ordinal);
            Assert.Contains("EML5007", again.Output, StringComparison.Ordinal);
        }

        [Fact]
        public async Task A_project_that_cannot_load_is_listed_and_the_others_still_run()
        {
            var folder = DotNet.NewTempDirectory("cli-broken");
            Directory.CreateDirectory(Path.Combine(folder, "Broken"));
            File.WriteAllText(Path.Combine(folder, "Broken", "Broken.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup>");
            Directory.CreateDirectory(Path.Combine(folder, "Fine"));
            File.WriteAllText(Path.Combine(folder, "Fine", "Fine.csproj"), """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                  </PropertyGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(folder, "Fine", "Program.cs"), "public static class Program { public static void Main() { } }");

            var mixed = await _tool.RunAsync(folder, "check", ".");
            Assert.True(mixed.ExitCode == 0, mixed.ToString());
            Assert.Contains("could not load:", mixed.Output, StringComparison.Ordinal);
            Assert.Contains("Broken.csproj", mixed.Output, StringComparison.Ordinal);
            Assert.Contains("0 findings in 1 project; 1 load failure", mixed.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", mixed.Output, StringComparison.Ordinal);

            var broken = await _tool.RunAsync(folder, "check", Path.Combine("Broken", "Broken.csproj"));
            Assert.True(broken.ExitCode == 6, broken.ToString());
            Assert.Contains("none of the projects", broken.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", broken.Output, StringComparison.Ordinal);
        }

        [Fact]
        public async Task A_project_never_restored_is_analyzed_with_what_resolves_and_said_so()
        {
            var folder = DotNet.NewTempDirectory("cli-unrestored");
            WriteMLProject(folder, "Unrestored");
            File.WriteAllText(Path.Combine(folder, "Training.cs"), "public static class Training { public static object Context() => new Microsoft.ML.MLContext(); }");

            var check = await _tool.RunAsync(folder, "check", ".");

            Assert.True(check.ExitCode == 0, check.ToString());
            Assert.Contains("0 findings in 1 project; 1 project has compile errors and was analyzed as an editor would (1 with references that did not resolve: run dotnet restore for a complete analysis)", check.Output, StringComparison.Ordinal);
        }

        [SkippableFact]
        public async Task Without_a_NET_SDK_the_tool_says_so_in_one_line()
        {
            // A .NET installation with its runtimes and no SDK: the host and the shared runtimes of
            // this one, linked, and a copy of its dotnet program (the host finds its root from where
            // the program really is).
            Skip.If(OperatingSystem.IsWindows(), "builds a runtime-only .NET root with symbolic links");
            var dotnet = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
            var root = Directory.GetParent(dotnet)!.Parent!.Parent!.FullName;
            var runtimeOnly = DotNet.NewTempDirectory("runtime-only");
            foreach (var folder in new[] { "host", "shared" })
            {
                Directory.CreateSymbolicLink(Path.Combine(runtimeOnly, folder), Path.Combine(root, folder));
            }

            File.Copy(Path.Combine(root, "dotnet"), Path.Combine(runtimeOnly, "dotnet"));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(Path.Combine(runtimeOnly, "dotnet"), File.GetUnixFileMode(Path.Combine(root, "dotnet")));
            }

            var project = DotNet.NewTempDirectory("cli-no-sdk");
            File.WriteAllText(Path.Combine(project, "Any.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\" />");

            var result = await _tool.RunAsync(
                project,
                new Dictionary<string, string?> { ["DOTNET_ROOT"] = runtimeOnly, ["PATH"] = runtimeOnly, ["DOTNET_HOST_PATH"] = null },
                "check", ".");

            Assert.True(result.ExitCode == 4, result.ToString());
            Assert.Equal("effectiveml: no .NET SDK found to load the projects with: install the .NET SDK (8 or later) and run again", result.Output.Trim());
        }

        [Fact]
        public async Task Report_reads_a_log_from_elsewhere_and_links_only_web_addresses()
        {
            var folder = DotNet.NewTempDirectory("cli-report");
            File.WriteAllText(Path.Combine(folder, "hostile.sarif"), """
                {
                  "version": "2.1.0",
                  "runs": [ {
                    "tool": { "driver": { "name": "EffectiveML", "rules": [
                      { "id": "EML5001", "shortDescription": { "text": "MLContext created without a seed" }, "helpUri": "javascript:alert(document.cookie)" },
                      { "id": "EML4005", "shortDescription": { "text": "<script>alert(1)</script>" }, "helpUri": "https://example.org/rules#eml4005" } ] } },
                    "results": [
                      { "ruleId": "EML5001", "message": { "text": "unseeded" }, "locations": [ { "physicalLocation": { "artifactLocation": { "uri": "file:///src/Train.cs" }, "region": { "startLine": 3 } } } ] },
                      { "ruleId": "EML4005", "message": { "text": "tab" } } ]
                  } ]
                }
                """);

            var result = await _tool.RunAsync(folder, "report", "hostile.sarif", "--html", "page.html");

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Contains("EffectiveML: 2 findings of 2 rules", result.Output, StringComparison.Ordinal);
            var page = File.ReadAllText(Path.Combine(folder, "page.html"));
            Assert.DoesNotContain("javascript:", page, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<script>", page, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("<a href=\"https://example.org/rules#eml4005\">EML4005</a>", page, StringComparison.Ordinal);
        }

        /// <summary>A library project on Microsoft.ML 6.0.0 in <paramref name="folder"/>, not restored yet.</summary>
        private static void WriteMLProject(string folder, string name) =>
            File.WriteAllText(Path.Combine(folder, name + ".csproj"), """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="Microsoft.ML" Version="6.0.0" />
                  </ItemGroup>
                </Project>
                """);

        /// <summary>Every file below <paramref name="folder"/>, build output included, with its last write time.</summary>
        private static List<string> FilesAndTimes(string folder) => Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(file => $"{Path.GetRelativePath(folder, file)} {File.GetLastWriteTimeUtc(file):O}")
            .OrderBy(line => line, StringComparer.Ordinal)
            .ToList();

        [Theory]
        [InlineData(3, "does not exist", "check", "no-such-folder")]
        [InlineData(3, "no solution or C# project", "check", "empty")]
        [InlineData(3, "is not a solution", "check", "notes.txt")]
        [InlineData(2, "unknown rule EML9999", "check", ".", "--rules", "EML9999")]
        [InlineData(2, "unknown mode 'Strict'", "check", ".", "--mode", "Strict")]
        [InlineData(2, "unknown level 'error'", "check", ".", "--fail-on", "error")]
        [InlineData(2, "effectiveml: ", "check", ".", "--no-such-option")]
        [InlineData(5, "cannot write --sarif", "check", ".", "--sarif", "no-such-folder/findings.sarif")]
        [InlineData(2, "no code fix for EML1001", "fix", ".", "--rules", "EML1001")]
        [InlineData(2, "effectiveml: ", "fix", ".")]
        [InlineData(3, "does not exist", "fix", "no-such-folder", "--rules", "EML5001")]
        [InlineData(7, "does not exist", "report", "no-such.sarif")]
        [InlineData(7, "is not a SARIF log the report can read", "report", "broken.sarif")]
        [InlineData(7, "is not a SARIF log the report can read", "report", "notes.txt")]
        public async Task Bad_input_gets_one_line_and_its_own_exit_code(int exitCode, string message, params string[] arguments)
        {
            var folder = DotNet.NewTempDirectory("cli-input");
            Directory.CreateDirectory(Path.Combine(folder, "empty"));
            File.WriteAllText(Path.Combine(folder, "notes.txt"), "not a project");
            File.WriteAllText(Path.Combine(folder, "broken.sarif"), "{ \"runs\": [ { \"results\": [ { } ] } ] }");

            var result = await _tool.RunAsync(folder, arguments);

            Assert.True(result.ExitCode == exitCode, result.ToString());
            var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Single(lines);
            Assert.StartsWith("effectiveml: ", lines[0], StringComparison.Ordinal);
            Assert.Contains(message, lines[0], StringComparison.Ordinal);
        }
    }
}
