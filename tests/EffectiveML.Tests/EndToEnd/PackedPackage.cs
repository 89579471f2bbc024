using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using EffectiveML.Tests.Infrastructure;
using Xunit;

namespace EffectiveML.Tests.EndToEnd
{
    /// <summary>
    /// Packs the current sources once per test run, from a copy of the repository, with a version
    /// no earlier run used, so no package cache can serve a stale build.
    /// </summary>
    public sealed class PackedPackage : IAsyncLifetime
    {
        public string Version { get; } = "0.1.0-e2e." + DateTime.UtcNow.ToString("yyyyMMddHHmmss") + "." + Guid.NewGuid().ToString("N").Substring(0, 8);

        public string PackagesDirectory { get; private set; } = string.Empty;

        public string PackagePath { get; private set; } = string.Empty;

        public async Task InitializeAsync()
        {
            var work = CopyOfSources("pack");
            PackagesDirectory = Path.Combine(work, "out");

            var pack = await DotNet.RunAsync(
                work,
                TimeSpan.FromMinutes(5),
                "pack", Path.Combine("src", "EffectiveML.Package", "EffectiveML.Package.csproj"),
                "-c", "Release", "-o", PackagesDirectory, "-p:Version=" + Version, "-nodeReuse:false");
            Assert.True(pack.ExitCode == 0, "dotnet pack failed: " + pack);

            PackagePath = Directory.GetFiles(PackagesDirectory, "*.nupkg").Single();
        }

        public Task DisposeAsync() => Task.CompletedTask;

        /// <summary>A fresh folder with the repository's sources and the files they build with, to pack from.</summary>
        internal static string CopyOfSources(string purpose)
        {
            var work = DotNet.NewTempDirectory(purpose);
            foreach (var file in new[] { "Directory.Build.props", "global.json", "README.md", "nuget.config" })
            {
                File.Copy(Repository.PathOf(file), Path.Combine(work, file));
            }

            DotNet.CopyDirectory(Repository.PathOf("src"), Path.Combine(work, "src"));
            Directory.CreateDirectory(Path.Combine(work, "artifacts", "packages"));
            return work;
        }

        /// <summary>
        /// A console project in a fresh folder that takes the packed package the way a user does,
        /// with Microsoft.ML and any further packages, and <paramref name="program"/> as Program.cs.
        /// </summary>
        public string CreateConsumer(string purpose, string program, params string[] packages)
        {
            var project = DotNet.NewTempDirectory(purpose);
            WriteNuGetConfig(project);
            var references = string.Concat(packages.Select(p => $"\n    <PackageReference Include=\"{p}\" Version=\"6.0.0\" />"));
            File.WriteAllText(Path.Combine(project, "Consumer.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="Microsoft.ML" Version="6.0.0" />{references}
                    <PackageReference Include="EffectiveML.Analyzers" Version="{Version}" />
                  </ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(project, "Program.cs"), program);
            return project;
        }

        /// <summary>A nuget.config that adds the packed package's folder and keeps the machine's default registry.</summary>
        public void WriteNuGetConfig(string directory) =>
            File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <add key="effective-ml-e2e" value="{PackagesDirectory}" />
                  </packageSources>
                </configuration>
                """);
    }

    /// <summary>Tests that run the dotnet CLI share one sequential collection: they build the same sources.</summary>
    [CollectionDefinition(Name)]
    public sealed class CommandLineCollection : ICollectionFixture<PackedPackage>
    {
        public const string Name = "dotnet CLI";
    }
}
