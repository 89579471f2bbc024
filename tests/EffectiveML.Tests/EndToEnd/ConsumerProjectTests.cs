using System;
using System.IO;
using System.Threading.Tasks;
using EffectiveML.Tests.Infrastructure;
using Xunit;

namespace EffectiveML.Tests.EndToEnd
{
    /// <summary>
    /// The package as a user meets it: a fresh console project takes it by PackageReference, with
    /// Microsoft.ML restored normally, and the plain dotnet CLI does the rest.
    /// </summary>
    [Collection(CommandLineCollection.Name)]
    public class ConsumerProjectTests
    {
        private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(4);

        private readonly PackedPackage _package;

        public ConsumerProjectTests(PackedPackage package) => _package = package;

        [Fact]
        public async Task Build_reports_severity_config_silences_and_dotnet_format_fixes_EML5001()
        {
            var project = _package.CreateConsumer("consumer", ConsumerPrograms.Unseeded);

            var programPath = Path.Combine(project, "Program.cs");
            var expectedLocation = "Program.cs(9,25): warning EML5001";

            var restore = await DotNet.RunAsync(project, BuildTimeout, "restore");
            Assert.True(restore.ExitCode == 0, "restore failed: " + restore);

            var build = await Build(project);
            Assert.True(build.ExitCode == 0, "build failed: " + build);
            Assert.Contains(expectedLocation, build.Output);

            var strict = await Build(project, "-warnaserror");
            Assert.NotEqual(0, strict.ExitCode);
            Assert.Contains("Program.cs(9,25): error EML5001", strict.Output);

            var editorConfig = Path.Combine(project, ".editorconfig");
            File.WriteAllText(editorConfig, "root = true\n\n[*.cs]\ndotnet_diagnostic.EML5001.severity = none\n");
            var silenced = await Build(project);
            Assert.True(silenced.ExitCode == 0, "build failed: " + silenced);
            Assert.DoesNotContain("EML5001", silenced.Output);
            File.Delete(editorConfig);

            var format = await DotNet.RunAsync(project, BuildTimeout, "format", "analyzers", "--diagnostics", "EML5001", "--no-restore");
            Assert.True(format.ExitCode == 0, "dotnet format failed: " + format);
            Assert.Contains("new MLContext(seed: 0)", File.ReadAllText(programPath));

            var fixedBuild = await Build(project, "-warnaserror");
            Assert.True(fixedBuild.ExitCode == 0, "build after the fix failed: " + fixedBuild);
            Assert.DoesNotContain("EML5001", fixedBuild.Output);
        }

        private static Task<DotNet.Result> Build(string project, params string[] extra)
        {
            var arguments = new System.Collections.Generic.List<string> { "build", "--no-restore", "--no-incremental", "-nodeReuse:false" };
            arguments.AddRange(extra);
            return DotNet.RunAsync(project, BuildTimeout, arguments.ToArray());
        }
    }
}
