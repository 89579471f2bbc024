using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace EffectiveML.Analyzers.Model
{
    /// <summary>
    /// The ML.NET types the pipeline and provenance models match against. Resolved once per
    /// compilation, and only when a rule first asks for a pipeline, so the reproducibility rules
    /// never pay for them.
    /// </summary>
    internal sealed class MLApi
    {
        public MLApi(Compilation compilation, KnownSymbols symbols)
        {
            // ML.NET's own types are looked up in the ML assemblies only, not in every reference.
            INamedTypeSymbol? ml(string metadataName) => symbols.MLType(metadataName);

            TransformsCatalog = ml("Microsoft.ML.TransformsCatalog");
            TextTransforms = ml("Microsoft.ML.TransformsCatalog+TextTransforms");
            ConversionTransforms = ml("Microsoft.ML.TransformsCatalog+ConversionTransforms");
            CategoricalTransforms = ml("Microsoft.ML.TransformsCatalog+CategoricalTransforms");
            FeatureSelectionTransforms = ml("Microsoft.ML.TransformsCatalog+FeatureSelectionTransforms");
            EstimatorChain = ml("Microsoft.ML.Data.EstimatorChain`1");
            LearningPipelineExtensions = ml("Microsoft.ML.LearningPipelineExtensions");
            Transformer = ml("Microsoft.ML.ITransformer");
            DataView = ml("Microsoft.ML.IDataView");
            DataLoader = ml("Microsoft.ML.IDataLoader`1");
            DataLoaderExtensions = ml("Microsoft.ML.DataLoaderExtensions");
            InputOutputColumnPair = ml("Microsoft.ML.InputOutputColumnPair");
            TextLoader = ml("Microsoft.ML.Data.TextLoader");
            TextLoaderOptions = ml("Microsoft.ML.Data.TextLoader+Options");
            TextLoaderSaverCatalog = ml("Microsoft.ML.TextLoaderSaverCatalog");
            TrainTestData = ml("Microsoft.ML.DataOperationsCatalog+TrainTestData");
            ReplacementMode = ml("Microsoft.ML.Transforms.MissingValueReplacingEstimator+ReplacementMode");
            BinaryMetrics = ml("Microsoft.ML.Data.BinaryClassificationMetrics");
            MulticlassMetrics = ml("Microsoft.ML.Data.MulticlassClassificationMetrics");
            Path = compilation.GetTypeByMetadataName("System.IO.Path");
            ColumnNameAttribute = ml("Microsoft.ML.Data.ColumnNameAttribute");
            PredictionEngineBase = ml("Microsoft.ML.PredictionEngineBase`2");
            ModelOperationsCatalog = ml("Microsoft.ML.ModelOperationsCatalog");
            PredictionTransformer = ml("Microsoft.ML.IPredictionTransformer`1");

            Lazy = compilation.GetTypeByMetadataName("System.Lazy`1");
            ThreadStaticAttribute = compilation.GetTypeByMetadataName("System.ThreadStaticAttribute");
            Enumerable = compilation.GetTypeByMetadataName("System.Linq.Enumerable");
            Queryable = compilation.GetTypeByMetadataName("System.Linq.Queryable");
            ParallelEnumerable = compilation.GetTypeByMetadataName("System.Linq.ParallelEnumerable");
            Console = compilation.GetTypeByMetadataName("System.Console");
            Trace = compilation.GetTypeByMetadataName("System.Diagnostics.Trace");
            Debug = compilation.GetTypeByMetadataName("System.Diagnostics.Debug");
            ServiceCollectionServiceExtensions = compilation.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions");
            ServiceCollectionDescriptorExtensions = compilation.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.Extensions.ServiceCollectionDescriptorExtensions");
            EndpointRouteBuilderExtensions = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions");
            ControllerBase = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.ControllerBase");
            HttpMethodAttribute = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.Routing.HttpMethodAttribute");
            Logger = compilation.GetTypeByMetadataName("Microsoft.Extensions.Logging.ILogger");
            LoggerExtensions = compilation.GetTypeByMetadataName("Microsoft.Extensions.Logging.LoggerExtensions");

            _transforms = new System.Collections.Generic.Dictionary<(INamedTypeSymbol, string), Pipelines.TransformTable.Entry>();
            foreach (var entry in Pipelines.TransformTable.Entries)
            {
                if (CatalogType(entry.Catalog) is { } catalog)
                {
                    _transforms[(catalog, entry.Method)] = entry;
                }
            }
        }

        private readonly System.Collections.Generic.Dictionary<(INamedTypeSymbol, string), Pipelines.TransformTable.Entry> _transforms;

        /// <summary>The transform table's row for a catalog method, matched by the catalog type it extends.</summary>
        public Pipelines.TransformTable.Entry? FindTransform(IMethodSymbol method)
        {
            if (ReceiverType(method) is INamedTypeSymbol receiver
                && _transforms.TryGetValue((receiver, method.Name), out var entry))
            {
                return entry;
            }

            return null;
        }

        /// <summary>The type a call is made on: the extended type of an extension method, else the declaring type.</summary>
        public static ITypeSymbol ReceiverType(IMethodSymbol method)
        {
            var original = method.ReducedFrom ?? method;
            return original.IsExtensionMethod && original.Parameters.Length > 0
                ? original.Parameters[0].Type.OriginalDefinition
                : method.ContainingType.OriginalDefinition;
        }

        /// <summary>
        /// The declared type a call is made on, as the call states it: the extended type of an
        /// extension method (read from the call's receiver argument, which the operation holds,
        /// rather than from the method's parameters, built anew on each read), else the declaring type.
        /// </summary>
        public static ITypeSymbol? ReceiverType(IInvocationOperation call)
        {
            var method = call.TargetMethod;
            if (!method.IsExtensionMethod)
            {
                return method.ContainingType;
            }

            foreach (var argument in call.Arguments)
            {
                if (argument.Parameter is { Ordinal: 0 } receiver)
                {
                    return receiver.Type;
                }
            }

            return null;
        }

        private INamedTypeSymbol? CatalogType(Pipelines.TransformTable.Catalog catalog) => catalog switch
        {
            Pipelines.TransformTable.Catalog.Transforms => TransformsCatalog,
            Pipelines.TransformTable.Catalog.Text => TextTransforms,
            Pipelines.TransformTable.Catalog.Conversion => ConversionTransforms,
            Pipelines.TransformTable.Catalog.Categorical => CategoricalTransforms,
            _ => FeatureSelectionTransforms,
        };

        public INamedTypeSymbol? TransformsCatalog { get; }
        public INamedTypeSymbol? TextTransforms { get; }
        public INamedTypeSymbol? ConversionTransforms { get; }
        public INamedTypeSymbol? CategoricalTransforms { get; }
        public INamedTypeSymbol? FeatureSelectionTransforms { get; }
        public INamedTypeSymbol? EstimatorChain { get; }
        public INamedTypeSymbol? LearningPipelineExtensions { get; }
        public INamedTypeSymbol? Transformer { get; }
        public INamedTypeSymbol? DataView { get; }
        public INamedTypeSymbol? DataLoader { get; }
        public INamedTypeSymbol? DataLoaderExtensions { get; }
        public INamedTypeSymbol? InputOutputColumnPair { get; }
        public INamedTypeSymbol? TextLoader { get; }
        public INamedTypeSymbol? TextLoaderOptions { get; }
        public INamedTypeSymbol? TextLoaderSaverCatalog { get; }
        public INamedTypeSymbol? TrainTestData { get; }
        public INamedTypeSymbol? ReplacementMode { get; }
        public INamedTypeSymbol? BinaryMetrics { get; }
        public INamedTypeSymbol? MulticlassMetrics { get; }
        public INamedTypeSymbol? Path { get; }
        public INamedTypeSymbol? ColumnNameAttribute { get; }
        public INamedTypeSymbol? PredictionEngineBase { get; }
        public INamedTypeSymbol? ModelOperationsCatalog { get; }
        public INamedTypeSymbol? PredictionTransformer { get; }

        // Hosting and BCL types the serving and failure rules meet around ML.NET calls.
        public INamedTypeSymbol? Lazy { get; }
        public INamedTypeSymbol? ThreadStaticAttribute { get; }
        public INamedTypeSymbol? Enumerable { get; }
        public INamedTypeSymbol? Queryable { get; }
        public INamedTypeSymbol? ParallelEnumerable { get; }
        public INamedTypeSymbol? Console { get; }
        public INamedTypeSymbol? Trace { get; }
        public INamedTypeSymbol? Debug { get; }
        public INamedTypeSymbol? ServiceCollectionServiceExtensions { get; }
        public INamedTypeSymbol? ServiceCollectionDescriptorExtensions { get; }
        public INamedTypeSymbol? EndpointRouteBuilderExtensions { get; }
        public INamedTypeSymbol? ControllerBase { get; }
        public INamedTypeSymbol? HttpMethodAttribute { get; }
        public INamedTypeSymbol? Logger { get; }
        public INamedTypeSymbol? LoggerExtensions { get; }

        /// <summary>A <c>PredictionEngine&lt;TSrc, TDst&gt;</c> (or its base): not thread-safe.</summary>
        public bool IsPredictionEngine(ITypeSymbol? type) => KnownSymbols.InheritsFrom(type, PredictionEngineBase);

        /// <summary>A call on <c>mlContext.Model</c>: <c>Save</c>, <c>Load</c>, <c>CreatePredictionEngine</c> …</summary>
        public bool IsModelOperation(IMethodSymbol method, string name) =>
            method.Name == name && Is(method.ContainingType, ModelOperationsCatalog);

        /// <summary>Evaluation: a task catalog's <c>Evaluate*</c>, <c>CrossValidate*</c> or <c>PermutationFeatureImportance*</c>.</summary>
        public bool IsEvaluation(IMethodSymbol method, KnownSymbols symbols) =>
            (method.Name.StartsWith("Evaluate", System.StringComparison.Ordinal)
                || method.Name.StartsWith("CrossValidate", System.StringComparison.Ordinal)
                || method.Name.StartsWith("PermutationFeatureImportance", System.StringComparison.Ordinal))
            && KnownSymbols.InheritsFrom(ReceiverType(method), symbols.TrainCatalogBase);

        /// <summary>Writes a model out: <c>Model.Save</c>, or an ONNX export.</summary>
        public bool IsModelExport(IMethodSymbol method, KnownSymbols symbols) =>
            IsModelOperation(method, "Save")
            || (method.Name == "ConvertToOnnx" && symbols.IsMLSymbol(method));

        public static bool Is(ITypeSymbol? type, INamedTypeSymbol? expected) =>
            type is not null && expected is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, expected);

        /// <summary>
        /// The type, or an interface it implements, is <paramref name="expected"/>. Asked of every
        /// call the pipeline model reads, about a few dozen types: the answer is kept per type
        /// definition (a constructed type implements what its definition does), where reading a
        /// type's interfaces built a new array on every call.
        /// </summary>
        public bool Implements(ITypeSymbol? type, INamedTypeSymbol? expected)
        {
            if (type is null || expected is null)
            {
                return false;
            }

            if (type is not INamedTypeSymbol named)
            {
                return ImplementsUncached(type, expected);
            }

            var definition = named.OriginalDefinition;
            if (SymbolEqualityComparer.Default.Equals(definition, expected))
            {
                return true;
            }

            return _implements.GetOrAdd((definition, expected), static key => ImplementsUncached(key.Definition, key.Interface));
        }

        private readonly System.Collections.Concurrent.ConcurrentDictionary<(INamedTypeSymbol Definition, INamedTypeSymbol Interface), bool> _implements = new(SameSymbols.Instance);

        private static bool ImplementsUncached(ITypeSymbol type, INamedTypeSymbol expected)
        {
            if (Is(type, expected))
            {
                return true;
            }

            foreach (var implemented in type.AllInterfaces)
            {
                if (Is(implemented, expected))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Definitions are one symbol each in a compilation: compared and hashed by reference.</summary>
        private sealed class SameSymbols : System.Collections.Generic.IEqualityComparer<(INamedTypeSymbol Definition, INamedTypeSymbol Interface)>
        {
            public static readonly SameSymbols Instance = new();

            public bool Equals((INamedTypeSymbol Definition, INamedTypeSymbol Interface) x, (INamedTypeSymbol Definition, INamedTypeSymbol Interface) y) =>
                ReferenceEquals(x.Definition, y.Definition) && ReferenceEquals(x.Interface, y.Interface);

            public int GetHashCode((INamedTypeSymbol Definition, INamedTypeSymbol Interface) key) =>
                (System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(key.Definition) * 31) ^ System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(key.Interface);
        }

        public bool IsDataView(ITypeSymbol? type) => Implements(type, DataView);

        public bool IsTransformer(ITypeSymbol? type) => Implements(type, Transformer);
    }
}
