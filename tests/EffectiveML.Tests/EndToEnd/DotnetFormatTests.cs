using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using EffectiveML.Tests.Infrastructure;
using Xunit;

namespace EffectiveML.Tests.EndToEnd
{
    /// <summary>
    /// `dotnet format analyzers` with the packed package fixes every fixable rule in a copy of
    /// samples/AntiPatterns, and the result builds with those warnings gone.
    /// </summary>
    [Collection(CommandLineCollection.Name)]
    public class DotnetFormatTests
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(6);

        private readonly PackedPackage _package;

        public DotnetFormatTests(PackedPackage package) => _package = package;

        [Fact]
        public async Task Format_fixes_every_fixable_rule_in_AntiPatterns_and_the_result_builds()
        {
            var project = DotNet.NewTempDirectory("format");
            var sample = Repository.PathOf("samples", "AntiPatterns");
            foreach (var file in Directory.EnumerateFiles(sample).Where(f => !f.EndsWith(".csproj", StringComparison.Ordinal)))
            {
                File.Copy(file, Path.Combine(project, Path.GetFileName(file)));
            }

            DotNet.CopyDirectory(Path.Combine(sample, "Data"), Path.Combine(project, "Data"));
            _package.WriteNuGetConfig(project);
            File.WriteAllText(Path.Combine(project, "AntiPatterns.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <ImplicitUsings>disable</ImplicitUsings>
                  </PropertyGroup>
                  <ItemGroup>
                    <FrameworkReference Include="Microsoft.AspNetCore.App" />
                    <PackageReference Include="Microsoft.ML" Version="6.0.0" />
                    <PackageReference Include="Microsoft.ML.FastTree" Version="6.0.0" />
                    <PackageReference Include="EffectiveML.Analyzers" Version="{_package.Version}" />
                    <GlobalAnalyzerConfigFiles Include="AntiPatterns.globalconfig" />
                  </ItemGroup>
                </Project>
                """);

            var restore = await DotNet.RunAsync(project, Timeout, "restore");
            Assert.True(restore.ExitCode == 0, "restore failed: " + restore);
            var before = Findings((await Build(project)).Output);

            var fixable = SuiteCatalog.FixableIds.OrderBy(id => id, StringComparer.Ordinal).ToArray();
            var format = await DotNet.RunAsync(project, Timeout, new[] { "format", "analyzers", "--no-restore", "--severity", "info", "--diagnostics" }.Concat(fixable).ToArray());
            Assert.True(format.ExitCode == 0, "dotnet format failed: " + format);

            var after = await Build(project);
            Assert.True(after.ExitCode == 0, "the formatted project does not build: " + after);
            var remaining = Findings(after.Output);

            // Every fixable rule loses every finding that has a mechanical fix. All rules run in one
            // analyzer, so dotnet format asks each rule's fix about whichever finding of the suite
            // it meets first, often another rule's; the fix then finds its Fix All action from its
            // own first fixable finding (RuleFixAll). EML2002, EML2004, EML4101 and EML4102 also
            // have findings without a fix in AntiPatterns (a request handler, a model from a
            // parameter, a trainer's default label, a binary label): one each goes, the rest stay.
            foreach (var id in new[] { "EML3001", "EML4002", "EML4005", "EML4006", "EML4007", "EML4010", "EML4104", "EML5001", "EML5002", "EML5003", "EML8001" })
            {
                Assert.True(before.Count(f => f.Id == id) > 0, $"{id} was not found before formatting");
                Assert.True(remaining.All(f => f.Id != id), $"{id} remains after formatting: " + string.Join(", ", remaining.Where(f => f.Id == id).Select(f => f.Where)));
            }

            foreach (var id in new[] { "EML2002", "EML2004", "EML4101", "EML4102" })
            {
                Assert.Equal(before.Count(f => f.Id == id) - 1, remaining.Count(f => f.Id == id));
            }
        }

        private static Task<DotNet.Result> Build(string project) =>
            DotNet.RunAsync(project, Timeout, "build", "--no-restore", "--no-incremental", "-nodeReuse:false");

        private static (string Id, string Where)[] Findings(string output) =>
            Regex.Matches(output, @"(?<where>[\w./\\-]+\.cs\(\d+,\d+\)): warning (?<id>EML\d{4})")
                .Select(m => (m.Groups["id"].Value, m.Groups["where"].Value))
                .Distinct()
                .ToArray();
    }
}
