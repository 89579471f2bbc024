using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace EffectiveML.Tests.Infrastructure
{
    /// <summary>
    /// Compile references for test sources, all taken from assemblies this project already restored:
    /// the .NET 10 reference set and the ML.NET / TorchSharp assemblies copied next to the tests.
    /// Nothing is resolved from a package source while tests run.
    /// </summary>
    internal static class TestReferences
    {
        /// <summary>A reference-assembly set that names no package, so the testing library downloads nothing.</summary>
        public static ReferenceAssemblies Offline { get; } = new ReferenceAssemblies("net10.0-offline");

        public static ImmutableArray<MetadataReference> Framework { get; } =
            Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>().ToImmutableArray();

        public static ImmutableArray<MetadataReference> MLNet { get; } = FromTestDirectory(
            name => name.StartsWith("Microsoft.ML", StringComparison.Ordinal));

        public static ImmutableArray<MetadataReference> TorchSharp { get; } = FromTestDirectory(
            name => name == "TorchSharp.dll");

        /// <summary>
        /// ASP.NET Core and Microsoft.Extensions from the shared framework this test process runs on
        /// (the test project has a FrameworkReference to it), for controllers, minimal APIs, DI and logging.
        /// </summary>
        public static ImmutableArray<MetadataReference> AspNetCore { get; } = Directory
            .EnumerateFiles(Path.GetDirectoryName(typeof(Microsoft.AspNetCore.Mvc.ControllerBase).Assembly.Location)!, "*.dll")
            .Where(path => Path.GetFileName(path).StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)
                || Path.GetFileName(path).StartsWith("Microsoft.Extensions", StringComparison.Ordinal))
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();

        /// <summary>xUnit's attribute and assertion assemblies, for sources that are test projects.</summary>
        public static ImmutableArray<MetadataReference> Xunit { get; } = FromTestDirectory(
            name => name is "xunit.core.dll" or "xunit.assert.dll" or "xunit.abstractions.dll");

        /// <summary>Framework, ML.NET and TorchSharp: what a typical ML project compiles against.</summary>
        public static ImmutableArray<MetadataReference> MLProject { get; } = Framework.AddRange(MLNet).AddRange(TorchSharp);

        private static ImmutableArray<MetadataReference> FromTestDirectory(Func<string, bool> include)
        {
            var references = Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll")
                .Where(path => include(Path.GetFileName(path)))
                .OrderBy(path => path, StringComparer.Ordinal)
                .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
                .ToImmutableArray();

            if (references.IsEmpty)
            {
                throw new InvalidOperationException("The ML assemblies are missing from the test output folder: " + AppContext.BaseDirectory);
            }

            return references;
        }
    }
}
