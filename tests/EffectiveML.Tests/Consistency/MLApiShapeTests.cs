using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using EffectiveML.Analyzers.Model;
using EffectiveML.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace EffectiveML.Tests.Consistency
{
    /// <summary>
    /// The analyzers match symbols, but they find those symbols by name: metadata names of types,
    /// and the names of the catalog methods, trainers and members their tables and rules list. A
    /// rename in ML.NET would make a rule fall silent rather than fail. These tests compile against
    /// each ML.NET version users are on (5.0.1 and 6.0.0, copied under <c>api/&lt;version&gt;</c>
    /// at restore, see the project file) with TorchSharp, and check that every name the analyzers
    /// use still names the same thing, with the same shape, in each. Adding a version to
    /// <see cref="Versions"/> checks it the same way.
    /// </summary>
    public class MLApiShapeTests
    {
        public static TheoryData<string> Versions => new() { "5.0.1", "6.0.0" };

        private static readonly string[] VersionList = { "5.0.1", "6.0.0" };

        /// <summary>
        /// Trainers the tables know from ML.NET packages this machine's registry does not serve,
        /// so no version of them can be compiled against here (their rows say so too).
        /// </summary>
        private static readonly Dictionary<string, string> NotServed = new(StringComparer.Ordinal)
        {
            ["SymbolicSgdLogisticRegression"] = "Microsoft.ML.Mkl.Components",
            ["Ols"] = "Microsoft.ML.Mkl.Components",
            ["MatrixFactorization"] = "Microsoft.ML.Recommender",
            ["ImageClassification"] = "Microsoft.ML.Vision",
        };

        [Theory]
        [MemberData(nameof(Versions))]
        public void Every_type_namespace_and_assembly_the_analyzers_name_resolves(string version)
        {
            var compilation = CompilationFor(version);
            var names = AnalyzerStringLiterals()
                .Where(name => name.StartsWith("Microsoft.ML", StringComparison.Ordinal) || name.StartsWith("TorchSharp", StringComparison.Ordinal))
                .Where(name => !name.EndsWith(".", StringComparison.Ordinal) && !name.Contains(' ', StringComparison.Ordinal))
                .ToList();

            Assert.NotEmpty(names);
            var unresolved = names.Where(name => !Resolves(compilation, name)).ToList();
            Assert.True(unresolved.Count == 0, $"Not found with ML.NET {version}: {string.Join(", ", unresolved)}");
        }

        [Theory]
        [MemberData(nameof(Versions))]
        public void Every_type_the_known_symbols_hold_is_found(string version)
        {
            var symbols = KnownSymbols.TryCreate(CompilationFor(version));
            Assert.NotNull(symbols);

            var missing = new List<string>();
            foreach (var (owner, instance) in new (Type, object)[] { (typeof(KnownSymbols), symbols!), (typeof(MLApi), symbols!.Api), (typeof(EffectiveML.Analyzers.Model.Torch.TorchApi), symbols!.TorchApi) })
            {
                foreach (var property in owner.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
                    .Where(p => typeof(ISymbol).IsAssignableFrom(p.PropertyType)))
                {
                    if (property.GetValue(instance) is null)
                    {
                        missing.Add(owner.Name + "." + property.Name);
                    }
                }
            }

            Assert.True(missing.Count == 0, $"Null with ML.NET {version}: {string.Join(", ", missing)}");
        }

        [Fact]
        public void Every_ML_member_the_analyzers_name_has_the_same_overloads_in_every_version()
        {
            var names = AnalyzerStringLiterals().Where(IsIdentifier).ToImmutableHashSet(StringComparer.Ordinal);
            var shapes = VersionList.ToDictionary(version => version, version => MemberShapes(CompilationFor(version), names));

            // Every member the analyzers can name in one version, with each of its overloads, exists in every other.
            var differences = new List<string>();
            foreach (var (version, members) in shapes)
            {
                foreach (var other in VersionList.Where(v => v != version))
                {
                    foreach (var (member, overloads) in members)
                    {
                        if (!shapes[other].TryGetValue(member, out var otherOverloads))
                        {
                            differences.Add($"{member}: in {version}, not in {other}");
                            continue;
                        }

                        foreach (var overload in overloads.Except(otherOverloads))
                        {
                            differences.Add($"{member}: {overload} in {version}, not in {other}");
                        }
                    }
                }
            }

            Assert.True(shapes.Values.All(members => members.Count > 300), "too few ML members matched the analyzers' names: " + string.Join(", ", shapes.Select(s => $"{s.Key} {s.Value.Count}")));
            Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences.Distinct().OrderBy(d => d, StringComparer.Ordinal)));
        }

        [Fact]
        public void Every_catalog_method_of_the_transform_and_trainer_tables_exists_in_every_version()
        {
            foreach (var version in VersionList)
            {
                var compilation = CompilationFor(version);
                var methods = compilation.References
                    .Select(compilation.GetAssemblyOrModuleSymbol).OfType<IAssemblySymbol>()
                    .Where(assembly => assembly.Name.StartsWith("Microsoft.ML", StringComparison.Ordinal))
                    .SelectMany(assembly => PublicTypes(assembly.GlobalNamespace))
                    .SelectMany(type => type.GetMembers().OfType<IMethodSymbol>())
                    .Where(method => method.DeclaredAccessibility == Accessibility.Public)
                    .Select(method => method.Name)
                    .ToHashSet(StringComparer.Ordinal);

                var missing = EffectiveML.Analyzers.Model.Pipelines.TransformTable.Entries.Select(entry => entry.Method)
                    .Concat(EffectiveML.Analyzers.Model.Pipelines.TrainerTable.Entries.Select(entry => entry.Method))
                    .Where(name => !methods.Contains(name) && !NotServed.ContainsKey(name))
                    .Distinct()
                    .ToList();
                Assert.True(missing.Count == 0, $"Not a public ML.NET method in {version}: {string.Join(", ", missing)}");
            }
        }

        /// <summary>Framework, the given ML.NET version's assemblies and TorchSharp.</summary>
        private static Compilation CompilationFor(string version)
        {
            var folder = Path.Combine(AppContext.BaseDirectory, "api", version);
            var assemblies = Directory.EnumerateFiles(folder, "*.dll").OrderBy(path => path, StringComparer.Ordinal).ToList();
            Assert.True(assemblies.Count >= 11, $"The ML.NET {version} assemblies are missing from {folder}; the test project copies them at build.");
            return CSharpCompilation.Create(
                "Shapes" + version,
                references: TestReferences.Framework
                    .AddRange(assemblies.Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)))
                    .AddRange(TestReferences.TorchSharp),
                options: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        }

        /// <summary>A type by metadata name, else a namespace, else a referenced assembly's name.</summary>
        private static bool Resolves(Compilation compilation, string name)
        {
            if (compilation.GetTypeByMetadataName(name) is not null)
            {
                return true;
            }

            INamespaceSymbol? space = compilation.GlobalNamespace;
            foreach (var part in name.Split('.'))
            {
                space = space?.GetNamespaceMembers().FirstOrDefault(n => n.Name == part);
            }

            return space is not null
                || compilation.References.Select(compilation.GetAssemblyOrModuleSymbol).OfType<IAssemblySymbol>().Any(a => a.Name == name);
        }

        /// <summary>
        /// For every public member of a public ML.NET or TorchSharp type whose name is one of
        /// <paramref name="names"/>: its overloads, each as its kind, parameters (name and type)
        /// and type, keyed by the containing type's metadata name and the member's name.
        /// </summary>
        private static Dictionary<string, HashSet<string>> MemberShapes(Compilation compilation, ImmutableHashSet<string> names)
        {
            var shapes = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            foreach (var assembly in compilation.References.Select(compilation.GetAssemblyOrModuleSymbol).OfType<IAssemblySymbol>()
                .Where(a => a.Name.StartsWith("Microsoft.ML", StringComparison.Ordinal) || a.Name == "TorchSharp"))
            {
                foreach (var type in PublicTypes(assembly.GlobalNamespace))
                {
                    foreach (var member in type.GetMembers())
                    {
                        if (member.DeclaredAccessibility != Accessibility.Public || !names.Contains(member.Name) || member is INamedTypeSymbol)
                        {
                            continue;
                        }

                        var key = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "." + member.Name;
                        if (!shapes.TryGetValue(key, out var overloads))
                        {
                            shapes[key] = overloads = new HashSet<string>(StringComparer.Ordinal);
                        }

                        overloads.Add(Shape(member));
                    }
                }
            }

            return shapes;
        }

        private static string Shape(ISymbol member) => member switch
        {
            IMethodSymbol method => $"{(method.IsStatic ? "static " : string.Empty)}{method.ReturnType.ToDisplayString()} {method.Name}<{method.TypeParameters.Length}>(" +
                string.Join(", ", method.Parameters.Select(p => $"{p.Type.ToDisplayString()} {p.Name}{(p.HasExplicitDefaultValue ? " = " + (p.ExplicitDefaultValue ?? "null") : string.Empty)}")) + ")",
            IPropertySymbol property => $"property {property.Type.ToDisplayString()}",
            IFieldSymbol field => $"field {field.Type.ToDisplayString()}{(field.HasConstantValue ? " = " + field.ConstantValue : string.Empty)}",
            IEventSymbol @event => $"event {@event.Type.ToDisplayString()}",
            _ => member.Kind.ToString(),
        };

        private static IEnumerable<INamedTypeSymbol> PublicTypes(INamespaceSymbol space)
        {
            foreach (var type in space.GetTypeMembers())
            {
                foreach (var nested in PublicTypeAndNested(type))
                {
                    yield return nested;
                }
            }

            foreach (var inner in space.GetNamespaceMembers())
            {
                foreach (var type in PublicTypes(inner))
                {
                    yield return type;
                }
            }
        }

        private static IEnumerable<INamedTypeSymbol> PublicTypeAndNested(INamedTypeSymbol type)
        {
            if (type.DeclaredAccessibility != Accessibility.Public)
            {
                yield break;
            }

            yield return type;
            foreach (var nested in type.GetTypeMembers().SelectMany(PublicTypeAndNested))
            {
                yield return nested;
            }
        }

        /// <summary>Every string literal in the analyzer and code-fix sources: the names they look things up by.</summary>
        private static IReadOnlyList<string> AnalyzerStringLiterals() => new[] { "EffectiveML.Analyzers", "EffectiveML.CodeFixes" }
            .SelectMany(project => Directory.EnumerateFiles(Repository.PathOf("src", project), "*.cs", SearchOption.AllDirectories))
            .Where(path => !path.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                && !path.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .SelectMany(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path)).GetRoot().DescendantNodes().OfType<LiteralExpressionSyntax>())
            .Where(literal => literal.IsKind(SyntaxKind.StringLiteralExpression))
            .Select(literal => literal.Token.ValueText)
            .Distinct(StringComparer.Ordinal)
            .ToList();

        private static bool IsIdentifier(string text) =>
            text.Length > 1 && char.IsUpper(text[0]) && text.All(c => char.IsLetterOrDigit(c) || c == '_');
    }
}
