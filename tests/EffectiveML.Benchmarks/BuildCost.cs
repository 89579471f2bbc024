using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace EffectiveML.Benchmarks
{
    /// <summary>
    /// The cost inside a real build (<c>--build</c>): the budget corpus and the ordinary corpus
    /// written as library projects that take the packed EffectiveML package (every rule on, the
    /// <c>All</c> mode) and Meziantou.Analyzer, each built with <c>-p:ReportAnalyzer=true</c> on
    /// the compiler server as developers build, after two builds that warm the server. Roslyn then
    /// reports each analyzer assembly's and generator's time inside the Csc task, whose own time
    /// MSBuild's performance summary gives.
    /// </summary>
    internal static class BuildCost
    {
        private const string PeerVersion = "3.0.321";

        public static int Run(int files, CultureInfo culture)
        {
            var root = RepositoryRoot();
            if (root is null)
            {
                Console.WriteLine("--build: run it from the repository (Analyzers.sln not found above the benchmark)");
                return 2;
            }

            var work = Path.Combine(Path.GetTempPath(), "effectiveml-build-" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", culture));
            Directory.CreateDirectory(work);
            var version = "0.1.0-bench." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", culture);
            var packages = Path.Combine(work, "packages");
            var pack = DotNet(root, "pack", Path.Combine("src", "EffectiveML.Package", "EffectiveML.Package.csproj"), "-c", "Release", "-o", packages, "-p:Version=" + version, "-nodeReuse:false");
            if (pack.ExitCode != 0)
            {
                Console.WriteLine("--build: dotnet pack failed: " + pack.Output.Split('\n').FirstOrDefault(l => l.Contains("error", StringComparison.Ordinal))?.Trim());
                return 1;
            }

            File.WriteAllText(Path.Combine(work, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <add key="effective-ml-bench" value="{packages}" />
                  </packageSources>
                </configuration>
                """);

            Console.WriteLine($"real builds, {files} files each, in {work}: EffectiveML.Analyzers {version} (mode All) and Meziantou.Analyzer {PeerVersion}");
            var status = 0;
            foreach (var (name, sources, ml) in new[] { ("budget", Corpus.Budget(files), true), ("ordinary", Corpus.Ordinary(files), false) })
            {
                var project = Path.Combine(work, name);
                Directory.CreateDirectory(project);
                for (var i = 0; i < sources.Count; i++)
                {
                    File.WriteAllText(Path.Combine(project, $"File{i}.cs"), sources[i]);
                }

                var mlReferences = ml
                    ? """
                        <PackageReference Include="Microsoft.ML" Version="6.0.0" />
                        <PackageReference Include="Microsoft.ML.FastTree" Version="6.0.0" />
                        <PackageReference Include="TorchSharp" Version="0.107.0" />
                    """
                    : string.Empty;
                File.WriteAllText(Path.Combine(project, "Corpus.csproj"), $"""
                    <Project Sdk="Microsoft.NET.Sdk">
                      <PropertyGroup>
                        <TargetFramework>net10.0</TargetFramework>
                        <Nullable>enable</Nullable>
                        <ImplicitUsings>disable</ImplicitUsings>
                        <EffectiveMLAnalysisMode>All</EffectiveMLAnalysisMode>
                        <NoWarn>$(NoWarn);CS8618;CS8603;CS8600;CS8625</NoWarn>
                      </PropertyGroup>
                      <ItemGroup>
                    {mlReferences}
                        <PackageReference Include="EffectiveML.Analyzers" Version="{version}" PrivateAssets="all" />
                        <PackageReference Include="Meziantou.Analyzer" Version="{PeerVersion}" PrivateAssets="all" />
                      </ItemGroup>
                    </Project>
                    """);

                var restore = DotNet(project, "restore", "-nodeReuse:false");
                if (restore.ExitCode != 0)
                {
                    Console.WriteLine($"{name}: dotnet restore failed: " + restore.Output.Split('\n').FirstOrDefault(l => l.Contains("error", StringComparison.Ordinal))?.Trim());
                    status = 1;
                    continue;
                }

                // On the compiler server, as a developer builds (the environment may turn it off, as
                // CI machines do): two builds warm it (it then holds the analyzers loaded and
                // compiled), the next three are measured and the one with the median Csc time is kept.
                var reports = new List<AnalyzerReport>();
                for (var run = 0; run < 5; run++)
                {
                    var build = DotNet(project, "build", "--no-restore", "--no-incremental", "-nodeReuse:false", "-p:UseSharedCompilation=true", "-p:ReportAnalyzer=true", "-v:detailed", "-clp:PerformanceSummary");
                    File.WriteAllText(Path.Combine(work, $"{name}.{run}.log"), build.Output);
                    if (build.ExitCode != 0)
                    {
                        break;
                    }

                    if (run >= 2)
                    {
                        reports.Add(AnalyzerReport.Parse(build.Output));
                    }
                }

                if (reports.Count < 3 || reports.Any(r => r.Csc <= TimeSpan.Zero))
                {
                    Console.WriteLine($"{name}: a build failed or printed no Csc time (logs: {work})");
                    status = 1;
                    continue;
                }

                var report = reports.OrderBy(r => r.Csc).ElementAt(1);

                var ours = report.Analyzers.GetValueOrDefault("EffectiveML.Analyzers");
                var oursGenerator = report.Generators.GetValueOrDefault("EffectiveML.Analyzers");
                var peer = report.Analyzers.GetValueOrDefault("Meziantou.Analyzer");
                var ourRules = report.RuleIds.GetValueOrDefault("EffectiveML.Analyzers");
                var peerRules = report.RuleIds.GetValueOrDefault("Meziantou.Analyzer");
                Console.WriteLine(string.Create(culture, $"{name}: Csc {report.Csc.TotalSeconds:0.00} s; EffectiveML analyzers {ours.TotalSeconds:0.000} s = {ours / report.Csc:0.0000} of Csc, generator {oursGenerator.TotalSeconds:0.000} s = {oursGenerator / report.Csc:0.0000}; Meziantou.Analyzer {peer.TotalSeconds:0.000} s = {peer / report.Csc:0.0000}; per rule ID: EffectiveML {PerRule(ours, ourRules)} ({ourRules} IDs), Meziantou {PerRule(peer, peerRules)} ({peerRules} IDs); all analyzers {report.AnalyzerTotal.TotalSeconds:0.000} s, all generators {report.GeneratorTotal.TotalSeconds:0.000} s"));
                Console.WriteLine(string.Create(culture, $"build_share_{name}: analyzers={ours / report.Csc:0.0000} generator={oursGenerator / report.Csc:0.0000} peer={peer / report.Csc:0.0000}"));
            }

            // The compiler server these builds started.
            DotNet(root, "build-server", "shutdown", "--vbcscompiler");
            return status;
        }

        private static string PerRule(TimeSpan time, int ids) =>
            ids > 0 ? string.Create(CultureInfo.InvariantCulture, $"{time.TotalMilliseconds / ids:0.0} ms") : "-";

        private static string? RepositoryRoot()
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Analyzers.sln")))
                {
                    return directory.FullName;
                }
            }

            return null;
        }

        private static (int ExitCode, string Output) DotNet(string directory, params string[] arguments)
        {
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = directory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output + error.Result);
        }

        /// <summary>What <c>-p:ReportAnalyzer=true</c> and the performance summary print, per assembly.</summary>
        internal sealed class AnalyzerReport
        {
            public TimeSpan Csc { get; private set; }

            public TimeSpan AnalyzerTotal { get; private set; }

            public TimeSpan GeneratorTotal { get; private set; }

            public Dictionary<string, TimeSpan> Analyzers { get; } = new(StringComparer.Ordinal);

            public Dictionary<string, TimeSpan> Generators { get; } = new(StringComparer.Ordinal);

            /// <summary>The distinct rule IDs listed for an assembly's analyzers.</summary>
            public Dictionary<string, int> RuleIds { get; } = new(StringComparer.Ordinal);

            private static readonly Regex Total = new(@"Total (analyzer|generator) execution time: ([0-9.]+) seconds", RegexOptions.CultureInvariant);
            private static readonly Regex Assembly = new(@"^\s*([0-9.]+|<0\.001)\s+([0-9]+|<1)\s+([A-Za-z][\w.]*), Version=", RegexOptions.CultureInvariant);
            private static readonly Regex Type = new(@"^\s*(?:[0-9.]+|<0\.001)\s+(?:[0-9]+|<1)\s+[\w.+`]+ \(([A-Z0-9, ]+)\)", RegexOptions.CultureInvariant);
            private static readonly Regex CscTask = new(@"^\s*([0-9]+) ms\s+Csc\s+[0-9]+ calls", RegexOptions.CultureInvariant);

            public static AnalyzerReport Parse(string output)
            {
                var report = new AnalyzerReport();
                var section = string.Empty;
                string? assembly = null;
                var ids = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
                foreach (var raw in output.Split('\n'))
                {
                    var line = raw.TrimEnd('\r');
                    if (Total.Match(line) is { Success: true } total)
                    {
                        section = total.Groups[1].Value;
                        var seconds = TimeSpan.FromSeconds(double.Parse(total.Groups[2].Value, CultureInfo.InvariantCulture));
                        if (section == "analyzer")
                        {
                            report.AnalyzerTotal = seconds;
                        }
                        else
                        {
                            report.GeneratorTotal = seconds;
                        }

                        continue;
                    }

                    if (CscTask.Match(line) is { Success: true } csc)
                    {
                        report.Csc = TimeSpan.FromMilliseconds(double.Parse(csc.Groups[1].Value, CultureInfo.InvariantCulture));
                        continue;
                    }

                    if (section.Length > 0 && Assembly.Match(line) is { Success: true } match)
                    {
                        assembly = match.Groups[3].Value;
                        var time = match.Groups[1].Value.StartsWith('<') ? TimeSpan.Zero : TimeSpan.FromSeconds(double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
                        var table = section == "analyzer" ? report.Analyzers : report.Generators;
                        table[assembly] = table.GetValueOrDefault(assembly) + time;
                        continue;
                    }

                    if (section == "analyzer" && assembly is not null && Type.Match(line) is { Success: true } type)
                    {
                        if (!ids.TryGetValue(assembly, out var set))
                        {
                            ids[assembly] = set = new HashSet<string>(StringComparer.Ordinal);
                        }

                        foreach (var id in type.Groups[1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                        {
                            set.Add(id);
                        }
                    }
                }

                foreach (var (name, set) in ids)
                {
                    report.RuleIds[name] = set.Count;
                }

                return report;
            }
        }
    }
}
