using System;
using System.Collections;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading.Tasks;

namespace EffectiveML.Tests.Infrastructure
{
    /// <summary>Runs the dotnet CLI (and other programs) the way a user would, bounded in time, and returns what it printed.</summary>
    internal static class DotNet
    {
        public sealed record Result(int ExitCode, string Output)
        {
            public override string ToString() => $"exit code {ExitCode}{Environment.NewLine}{Output}";
        }

        public static Task<Result> RunAsync(string workingDirectory, TimeSpan timeout, params string[] arguments) =>
            RunProgramAsync("dotnet", workingDirectory, timeout, arguments);

        /// <summary>Runs any program the same way: bounded in time, its output collected, in the cleaned environment.</summary>
        public static Task<Result> RunProgramAsync(string program, string workingDirectory, TimeSpan timeout, params string[] arguments) =>
            RunProgramAsync(program, workingDirectory, timeout, environment: null, arguments);

        /// <summary>The same, with <paramref name="environment"/>'s variables set (or removed, where null) over the cleaned environment.</summary>
        public static async Task<Result> RunProgramAsync(string program, string workingDirectory, TimeSpan timeout, System.Collections.Generic.IReadOnlyDictionary<string, string?>? environment, params string[] arguments)
        {
            var start = new ProcessStartInfo(program)
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };

            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            CleanEnvironment(start.Environment);
            foreach (var (name, value) in environment ?? new System.Collections.Generic.Dictionary<string, string?>())
            {
                start.Environment[name] = value;
            }

            var output = new StringBuilder();
            using var process = new Process { StartInfo = start };
            process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();

            var exited = await Task.Run(() => process.WaitForExit((int)timeout.TotalMilliseconds));
            if (!exited)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish within {timeout}:{Environment.NewLine}{output}");
            }

            process.WaitForExit();
            lock (output)
            {
                return new Result(process.ExitCode, output.ToString());
            }
        }

        /// <summary>
        /// The test host runs inside an MSBuild-launched process: its MSBuild variables would
        /// redirect a child build. Build servers would outlive the child and hold its output open.
        /// </summary>
        public static void CleanEnvironment(System.Collections.Generic.IDictionary<string, string?> environment)
        {
            foreach (DictionaryEntry variable in Environment.GetEnvironmentVariables())
            {
                var name = (string)variable.Key;
                if (name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)
                    || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)
                    || name.Equals("DOTNET_HOST_PATH", StringComparison.OrdinalIgnoreCase))
                {
                    environment.Remove(name);
                }
            }

            environment["MSBUILDDISABLENODEREUSE"] = "1";
            environment["DOTNET_CLI_DO_NOT_USE_MSBUILD_SERVER"] = "1";
            environment["UseSharedCompilation"] = "false";
            environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            environment["DOTNET_NOLOGO"] = "1";
            environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        }

        public static string NewTempDirectory(string purpose)
        {
            var path = Path.Combine(Path.GetTempPath(), "effective-ml-" + purpose + "-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            Directory.CreateDirectory(path);
            return path;
        }

        public static void CopyDirectory(string source, string destination)
        {
            foreach (var directory in Directory.EnumerateDirectories(source, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(source, directory);
                if (IsBuildOutput(relative))
                {
                    continue;
                }

                Directory.CreateDirectory(Path.Combine(destination, relative));
            }

            Directory.CreateDirectory(destination);
            foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(source, file);
                if (!IsBuildOutput(relative))
                {
                    File.Copy(file, Path.Combine(destination, relative), overwrite: true);
                }
            }
        }

        private static bool IsBuildOutput(string relativePath)
        {
            foreach (var part in relativePath.Split(Path.DirectorySeparatorChar))
            {
                if (part is "bin" or "obj")
                {
                    return true;
                }
            }

            return false;
        }
    }
}
