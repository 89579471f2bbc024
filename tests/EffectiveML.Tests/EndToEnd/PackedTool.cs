using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using EffectiveML.Tests.Infrastructure;
using Xunit;

namespace EffectiveML.Tests.EndToEnd
{
    /// <summary>
    /// Packs the <c>effectiveml</c> tool from a copy of the current sources, once per test run, and
    /// installs it into a tool path of its own the way the README tells users to.
    /// </summary>
    public sealed class PackedTool : IAsyncLifetime
    {
        public string Version { get; } = "0.1.0-e2e." + DateTime.UtcNow.ToString("yyyyMMddHHmmss") + "." + Guid.NewGuid().ToString("N").Substring(0, 8);

        /// <summary>The installed command.</summary>
        public string Command { get; private set; } = string.Empty;

        public async Task InitializeAsync()
        {
            var work = PackedPackage.CopyOfSources("pack-tool");
            var packages = Path.Combine(work, "out");
            var pack = await DotNet.RunAsync(
                work,
                TimeSpan.FromMinutes(5),
                "pack", Path.Combine("src", "EffectiveML.Cli", "EffectiveML.Cli.csproj"),
                "-c", "Release", "-o", packages, "-p:Version=" + Version, "-nodeReuse:false");
            Assert.True(pack.ExitCode == 0, "dotnet pack failed: " + pack);

            var tools = Path.Combine(work, "tools");
            var install = await DotNet.RunAsync(
                work,
                TimeSpan.FromMinutes(5),
                "tool", "install", "EffectiveML.Cli", "--tool-path", tools, "--add-source", packages, "--version", Version);
            Assert.True(install.ExitCode == 0, "dotnet tool install failed: " + install);
            Command = Path.Combine(tools, OperatingSystem.IsWindows() ? "effectiveml.exe" : "effectiveml");
            Assert.True(File.Exists(Command), "the tool's command is missing: " + Command);
        }

        public Task DisposeAsync() => Task.CompletedTask;

        /// <summary>Runs the installed tool in <paramref name="workingDirectory"/>.</summary>
        internal Task<DotNet.Result> RunAsync(string workingDirectory, params string[] arguments) =>
            DotNet.RunProgramAsync(Command, workingDirectory, TimeSpan.FromMinutes(5), arguments);

        /// <summary>Runs the installed tool with <paramref name="environment"/>'s variables set.</summary>
        internal Task<DotNet.Result> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] arguments) =>
            DotNet.RunProgramAsync(Command, workingDirectory, TimeSpan.FromMinutes(5), environment, arguments);
    }
}
