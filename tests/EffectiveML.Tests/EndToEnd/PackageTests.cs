using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using EffectiveML.Tests.Infrastructure;
using Xunit;

namespace EffectiveML.Tests.EndToEnd
{
    [Collection(CommandLineCollection.Name)]
    public class PackageTests
    {
        private readonly PackedPackage _package;

        public PackageTests(PackedPackage package) => _package = package;

        [Fact]
        public void Package_holds_exactly_the_two_assemblies_under_analyzers_and_nothing_under_lib()
        {
            using var archive = ZipFile.OpenRead(_package.PackagePath);
            var entries = archive.Entries.Select(e => e.FullName).ToList();

            Assert.Equal(
                new[] { "analyzers/dotnet/cs/EffectiveML.Analyzers.dll", "analyzers/dotnet/cs/EffectiveML.CodeFixes.dll" },
                entries.Where(e => e.EndsWith(".dll", System.StringComparison.Ordinal)).OrderBy(e => e, System.StringComparer.Ordinal));
            Assert.DoesNotContain(entries, e => e.StartsWith("lib/", System.StringComparison.Ordinal));
        }

        [Fact]
        public void Package_is_a_development_dependency_without_dependencies()
        {
            using var archive = ZipFile.OpenRead(_package.PackagePath);
            var nuspecEntry = archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", System.StringComparison.Ordinal));
            using var stream = nuspecEntry.Open();
            var nuspec = XDocument.Load(stream);
            var metadata = nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata");

            Assert.Equal("EffectiveML.Analyzers", metadata.Elements().Single(e => e.Name.LocalName == "id").Value);
            Assert.Equal(_package.Version, metadata.Elements().Single(e => e.Name.LocalName == "version").Value);
            Assert.Equal("true", metadata.Elements().Single(e => e.Name.LocalName == "developmentDependency").Value);
            Assert.DoesNotContain(metadata.Descendants(), e => e.Name.LocalName == "dependency");
            Assert.Equal($"EffectiveML.Analyzers.{_package.Version}.nupkg", Path.GetFileName(_package.PackagePath));
        }
    }
}
