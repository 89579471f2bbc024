using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace EffectiveML.Tests.Infrastructure
{
    /// <summary>
    /// The programs beyond the .NET SDK that some end-to-end tests need. A test gets them itself
    /// where it can (restoring the repository's dotnet tools, installing Debian's Chromium as
    /// root); where it cannot, it is skipped with the reason on a developer's machine and fails
    /// under CI, which must run everything.
    /// </summary>
    internal static class SystemPrograms
    {
        private static readonly Lazy<Task<(string? Path, string Reason)>> Chromium = new(FindOrInstallChromiumAsync);
        private static readonly Lazy<Task<DotNet.Result>> ToolRestore = new(() =>
            DotNet.RunAsync(Repository.Root, TimeSpan.FromMinutes(5), "tool", "restore"));

        /// <summary>True when the CI variable is set: a missing program is then a failure, not a skip.</summary>
        public static bool UnderCI => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

        /// <summary>Headless Chromium's path; skips or fails the test when it is not there and cannot be installed.</summary>
        public static async Task<string> RequireChromiumAsync()
        {
            var (path, reason) = await Chromium.Value;
            Require(path is not null, reason);
            return path!;
        }

        /// <summary>Restores the repository's dotnet tools (csharp-ls); skips or fails the test when that is not possible here.</summary>
        public static async Task RequireDotnetToolsAsync()
        {
            var restore = await ToolRestore.Value;
            Require(restore.ExitCode == 0, "the repository's dotnet tools (csharp-ls) could not be restored: " + restore);
        }

        /// <summary>Skips the test with <paramref name="reason"/> when <paramref name="available"/> is false, or fails it under CI.</summary>
        public static void Require(bool available, string reason)
        {
            if (available)
            {
                return;
            }

            Assert.False(UnderCI, reason);
            Skip.If(true, reason + " (set CI to make this a failure)");
        }

        private static string? FindChromium() =>
            new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists);

        private static async Task<(string? Path, string Reason)> FindOrInstallChromiumAsync()
        {
            if (FindChromium() is { } found)
            {
                return (found, string.Empty);
            }

            const string Missing = "headless Chromium is not installed (Debian package chromium; .ci/run installs it)";
            if (!OperatingSystem.IsLinux() || !File.Exists("/usr/bin/apt-get") || Environment.UserName != "root")
            {
                return (null, Missing);
            }

            var install = await DotNet.RunProgramAsync(
                "/bin/sh",
                Repository.Root,
                TimeSpan.FromMinutes(10),
                "-c",
                "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium");
            return FindChromium() is { } installed
                ? (installed, string.Empty)
                : (null, Missing + "; installing it failed: " + install);
        }

        /// <summary>The page's DOM after headless Chromium has loaded and rendered it.</summary>
        public static async Task<string> RenderedDomAsync(string chromium, string html)
        {
            var start = new ProcessStartInfo(chromium)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", new Uri(html).AbsoluteUri })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var cancellation = new System.Threading.CancellationTokenSource(TimeSpan.FromMinutes(1));
            await process.WaitForExitAsync(cancellation.Token);
            await stderr;
            return await stdout;
        }
    }
}
