using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using EffectiveML.Analyzers.Infrastructure;
using EffectiveML.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace EffectiveML.Analyzers.Rules.Versatility
{
    /// <summary>
    /// EML3002, the test-project half: in a project that references a test framework (xUnit, NUnit,
    /// MSTest), every pipeline factory announced by a referenced assembly (or this one) that no code
    /// of this project calls is reported when the compilation completes. A project with no announced
    /// factory registers nothing.
    /// </summary>
    public sealed class PipelineFactoryWithoutTestRule : Rule
    {
        public const string Id = "EML3002";

        internal static readonly DiagnosticDescriptor Descriptor = Descriptors.Create(
            Id,
            "Pipeline factory without a test",
            "Pipeline factory '{0}' builds a pipeline with a trainer, and no test in this project calls it",
            DiagnosticSeverity.Warning,
            "A pipeline factory is where column names, transforms and trainer settings meet; a test that builds and fits it on a few rows catches a renamed column before a training run does.",
            compilationEnd: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptor);

        internal override void Register(RuleRegistry registry)
        {
            var symbols = registry.Symbols;
            var compilation = registry.Compilation;
            if (!TestFrameworks.IsReferencedBy(compilation))
            {
                return;
            }

            var factories = AnnouncedFactories(compilation);
            if (factories.Count == 0)
            {
                return;
            }

            var owners = new HashSet<IAssemblySymbol>(SymbolEqualityComparer.Default);
            foreach (var factory in factories.Values)
            {
                owners.Add(factory.ContainingAssembly);
            }

            var called = new ConcurrentDictionary<string, bool>();
            registry.OnMember((_, model) =>
            {
                foreach (var call in model.Invocations)
                {
                    Record(call.TargetMethod);
                }

                foreach (var reference in model.MethodReferences)
                {
                    Record(reference.Method);
                }
            });

            void Record(IMethodSymbol method)
            {
                if (owners.Contains(method.ContainingAssembly)
                    && method.OriginalDefinition.GetDocumentationCommentId() is { } id
                    && factories.ContainsKey(id))
                {
                    called.TryAdd(id, true);
                }
            }

            registry.OnCompilationEnd(end =>
            {
                foreach (var factory in factories)
                {
                    if (!called.ContainsKey(factory.Key))
                    {
                        end.ReportDiagnostic(Diagnostic.Create(
                            Descriptor,
                            Location.None,
                            factory.Value.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat)));
                    }
                }
            });
        }

        private static bool ReferencesMLNet(IAssemblySymbol assembly)
        {
            foreach (var module in assembly.Modules)
            {
                foreach (var referenced in module.ReferencedAssemblies)
                {
                    if (referenced.Name == "Microsoft.ML.Data" || referenced.Name == "Microsoft.ML.Core")
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>The factories announced by this compilation and its references, by documentation ID.</summary>
        private static Dictionary<string, IMethodSymbol> AnnouncedFactories(Compilation compilation)
        {
            var factories = new Dictionary<string, IMethodSymbol>(System.StringComparer.Ordinal);
            var assemblies = new List<IAssemblySymbol> { compilation.Assembly };
            foreach (var reference in compilation.References)
            {
                // Only an assembly built against ML.NET can hold a pipeline factory; skip the framework and the rest.
                if (compilation.GetAssemblyOrModuleSymbol(reference) is IAssemblySymbol assembly && ReferencesMLNet(assembly))
                {
                    assemblies.Add(assembly);
                }
            }

            foreach (var assembly in assemblies)
            {
                foreach (var attribute in assembly.GetAttributes())
                {
                    if (PipelineFactories.Announced(attribute) is { } id
                        && DocumentationCommentId.GetFirstSymbolForDeclarationId(id, compilation) is IMethodSymbol method)
                    {
                        factories[id] = method;
                    }
                }
            }

            return factories;
        }
    }
}
