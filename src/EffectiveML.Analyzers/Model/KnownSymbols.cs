using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace EffectiveML.Analyzers.Model
{
    /// <summary>
    /// The ML.NET, TorchSharp and BCL symbols the rules match against, resolved once when a
    /// compilation starts. Rules compare symbols, never names.
    /// </summary>
    internal sealed class KnownSymbols
    {
        private readonly HashSet<IAssemblySymbol> _mlAssemblies;

        private KnownSymbols(Compilation compilation, HashSet<IAssemblySymbol> mlAssemblies)
        {
            Compilation = compilation;
            _mlAssemblies = mlAssemblies;

            MLContext = MLType("Microsoft.ML.MLContext");
            DataOperationsCatalog = MLType("Microsoft.ML.DataOperationsCatalog");
            TrainCatalogBase = MLType("Microsoft.ML.TrainCatalogBase");
            TrainersCatalogBase = MLType("Microsoft.ML.TrainCatalogBase+CatalogInstantiatorBase");
            Estimator = MLType("Microsoft.ML.IEstimator`1");

            Torch = MLType("TorchSharp.torch");
            TorchOptimizer = MLType("TorchSharp.torch+optim+Optimizer");
            SuppressMessageAttribute = compilation.GetTypeByMetadataName("System.Diagnostics.CodeAnalysis.SuppressMessageAttribute");
            Task = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
            TaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task`1");

            Random = compilation.GetTypeByMetadataName("System.Random");
            DateTime = compilation.GetSpecialType(SpecialType.System_DateTime);
            DateTimeOffset = compilation.GetTypeByMetadataName("System.DateTimeOffset");
            Guid = compilation.GetTypeByMetadataName("System.Guid");
            Environment = compilation.GetTypeByMetadataName("System.Environment");
            Stopwatch = compilation.GetTypeByMetadataName("System.Diagnostics.Stopwatch");
            RandomNumberGenerator = compilation.GetTypeByMetadataName("System.Security.Cryptography.RandomNumberGenerator");

            RandomShared = FindProperty(Random, "Shared");
            Enumerable = compilation.GetTypeByMetadataName("System.Linq.Enumerable");
            Queryable = compilation.GetTypeByMetadataName("System.Linq.Queryable");
            ParallelEnumerable = compilation.GetTypeByMetadataName("System.Linq.ParallelEnumerable");
            _api = new System.Lazy<MLApi>(() => new MLApi(compilation, this));
            _torchApi = new System.Lazy<Torch.TorchApi>(() => new Torch.TorchApi(this));
            Models = new MemberModelCache(this);
        }

        /// <summary>The member models of this compilation, shared by every rule.</summary>
        public MemberModelCache Models { get; }

        /// <summary>Scratch space for the member models' walks.</summary>
        public OperationIndex.ScratchPool IndexScratch { get; } = new();

        private readonly System.Lazy<MLApi> _api;

        /// <summary>The ML.NET types of the pipeline and provenance models, resolved on first use.</summary>
        public MLApi Api => _api.Value;

        private readonly System.Lazy<Torch.TorchApi> _torchApi;

        /// <summary>The TorchSharp types of the TorchSharp rules, resolved on first use.</summary>
        public Torch.TorchApi TorchApi => _torchApi.Value;

        public Compilation Compilation { get; }

        public INamedTypeSymbol? MLContext { get; }
        public INamedTypeSymbol? DataOperationsCatalog { get; }
        public INamedTypeSymbol? TrainCatalogBase { get; }
        /// <summary>Base of every <c>*.Trainers</c> catalog: a method on one creates a trainer.</summary>
        public INamedTypeSymbol? TrainersCatalogBase { get; }
        public INamedTypeSymbol? Estimator { get; }

        public INamedTypeSymbol? Torch { get; }
        /// <summary>Base of every TorchSharp optimizer: its <c>step()</c> is one training step.</summary>
        public INamedTypeSymbol? TorchOptimizer { get; }
        public INamedTypeSymbol? SuppressMessageAttribute { get; }
        public INamedTypeSymbol? Task { get; }
        public INamedTypeSymbol? TaskOfT { get; }

        public INamedTypeSymbol? Random { get; }
        public IPropertySymbol? RandomShared { get; }
        public INamedTypeSymbol DateTime { get; }
        public INamedTypeSymbol? DateTimeOffset { get; }
        public INamedTypeSymbol? Guid { get; }
        public INamedTypeSymbol? Environment { get; }
        public INamedTypeSymbol? Stopwatch { get; }
        public INamedTypeSymbol? RandomNumberGenerator { get; }
        public INamedTypeSymbol? Enumerable { get; }
        public INamedTypeSymbol? Queryable { get; }
        public INamedTypeSymbol? ParallelEnumerable { get; }

        public bool HasMLNet => MLContext is not null;

        public bool HasTorchSharp => Torch is not null;

        /// <summary>
        /// The symbols of a compilation that references ML.NET or TorchSharp; null otherwise, which
        /// is every analyzer's signal to register nothing.
        /// </summary>
        public static KnownSymbols? TryCreate(Compilation compilation)
        {
            HashSet<IAssemblySymbol>? mlAssemblies = null;
            foreach (var reference in compilation.References)
            {
                if (compilation.GetAssemblyOrModuleSymbol(reference) is IAssemblySymbol assembly && IsMLAssemblyName(assembly.Identity.Name))
                {
                    // By reference: a compilation has one symbol per referenced assembly, and this set
                    // is probed for every call and property read the member models index, where the
                    // general symbol comparer cost twice as much.
                    mlAssemblies ??= new HashSet<IAssemblySymbol>(SameAssemblySymbol.Instance);
                    mlAssemblies.Add(assembly);
                }
            }

            if (mlAssemblies is null)
            {
                return null;
            }

            // Never written after construction: reads from any thread are safe.
            var symbols = new KnownSymbols(compilation, mlAssemblies);
            return symbols.HasMLNet || symbols.HasTorchSharp ? symbols : null;
        }

        /// <summary>An ML.NET or TorchSharp type by metadata name, searched in the ML assemblies only.</summary>
        public INamedTypeSymbol? MLType(string metadataName)
        {
            foreach (var assembly in _mlAssemblies)
            {
                if (assembly.GetTypeByMetadataName(metadataName) is { } type)
                {
                    return type;
                }
            }

            return null;
        }

        /// <summary>True for a symbol declared in ML.NET or TorchSharp.</summary>
        public bool IsMLSymbol(ISymbol? symbol) =>
            symbol?.ContainingAssembly is { } assembly && _mlAssemblies.Contains(assembly);

        public bool IsMLType(ITypeSymbol? type)
        {
            switch (type)
            {
                case null:
                    return false;
                case IArrayTypeSymbol array:
                    return IsMLType(array.ElementType);
                case INamedTypeSymbol named when named.IsGenericType:
                    if (IsMLSymbol(named))
                    {
                        return true;
                    }

                    foreach (var argument in named.TypeArguments)
                    {
                        if (IsMLType(argument))
                        {
                            return true;
                        }
                    }

                    return false;
                default:
                    return IsMLSymbol(type);
            }
        }

        public bool IsMLContext(ITypeSymbol? type) =>
            type is not null && MLContext is not null && SymbolEqualityComparer.Default.Equals(type, MLContext);

        public bool IsRandom(ITypeSymbol? type) =>
            type is not null && Random is not null && SymbolEqualityComparer.Default.Equals(type, Random);

        public static bool InheritsFrom(ITypeSymbol? type, INamedTypeSymbol? baseType)
        {
            if (baseType is null)
            {
                return false;
            }

            for (var current = type; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Whether the compilation is given an ML.NET or TorchSharp assembly, by the file names of
        /// the references it is created with: the generator's gate, checked before any syntax is
        /// read and before the compiler binds the references (the first to ask for the referenced
        /// assemblies' symbols pays for reading their metadata). Only a gate: the ML symbols are
        /// then resolved by <see cref="TryCreate"/>.
        /// </summary>
        public static bool MayReferenceML(Compilation compilation)
        {
            foreach (var reference in compilation.ExternalReferences)
            {
                var name = reference switch
                {
                    CompilationReference project => project.Compilation.AssemblyName,
                    PortableExecutableReference { FilePath: { } path } => System.IO.Path.GetFileNameWithoutExtension(path),
                    _ => null,
                };
                if (name is not null && IsMLAssemblyName(name))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsMLAssemblyName(string name) =>
            name == "TorchSharp"
            || name == "Microsoft.ML"
            || name.StartsWith("Microsoft.ML.", System.StringComparison.Ordinal);

        private static IPropertySymbol? FindProperty(INamedTypeSymbol? type, string name)
        {
            if (type is null)
            {
                return null;
            }

            foreach (var member in type.GetMembers(name))
            {
                if (member is IPropertySymbol property)
                {
                    return property;
                }
            }

            return null;
        }

        /// <summary>Compares assembly symbols by reference: one compilation holds one symbol per assembly.</summary>
        private sealed class SameAssemblySymbol : IEqualityComparer<IAssemblySymbol>
        {
            public static readonly SameAssemblySymbol Instance = new();

            public bool Equals(IAssemblySymbol? x, IAssemblySymbol? y) => ReferenceEquals(x, y);

            public int GetHashCode(IAssemblySymbol obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
        }
    }
}
