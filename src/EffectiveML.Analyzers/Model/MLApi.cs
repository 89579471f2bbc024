using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace EffectiveML.Analyzers.Model
{
    /// <summary>
    /// The ML.NET types the pipeline and provenance models match against, and what each ML.NET
    /// method is (<see cref="Facts"/>). Resolved once per compilation, when a rule first asks.
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
            LoadColumnAttribute = ml("Microsoft.ML.Data.LoadColumnAttribute");
            VectorTypeAttribute = ml("Microsoft.ML.Data.VectorTypeAttribute");
            TextLoaderColumn = ml("Microsoft.ML.Data.TextLoader+Column");
            PredictionEngineBase = ml("Microsoft.ML.PredictionEngineBase`2");
            ModelOperationsCatalog = ml("Microsoft.ML.ModelOperationsCatalog");
            PredictionTransformer = ml("Microsoft.ML.IPredictionTransformer`1");
            CalibratorsCatalog = ml("Microsoft.ML.BinaryClassificationCatalog+CalibratorsCatalog");
            RankingTrainers = ml("Microsoft.ML.RankingCatalog+RankingTrainers");
            BinaryClassificationCatalog = ml("Microsoft.ML.BinaryClassificationCatalog");
            BinaryClassificationTrainers = ml("Microsoft.ML.BinaryClassificationCatalog+BinaryClassificationTrainers");
            MulticlassClassificationTrainers = ml("Microsoft.ML.MulticlassClassificationCatalog+MulticlassClassificationTrainers");
            RegressionTrainers = ml("Microsoft.ML.RegressionCatalog+RegressionTrainers");
            ClusteringTrainers = ml("Microsoft.ML.ClusteringCatalog+ClusteringTrainers");
            AnomalyDetectionTrainers = ml("Microsoft.ML.AnomalyDetectionCatalog+AnomalyDetectionTrainers");
            KeyTypeAttribute = ml("Microsoft.ML.Data.KeyTypeAttribute");
            NoColumnAttribute = ml("Microsoft.ML.Data.NoColumnAttribute");
            VBuffer = ml("Microsoft.ML.Data.VBuffer`1");
            DataKind = ml("Microsoft.ML.Data.DataKind");
            LightGbmGradientBoosterOptions = ml("Microsoft.ML.Trainers.LightGbm.GradientBooster+Options");
            LightGbmDartBoosterOptions = ml("Microsoft.ML.Trainers.LightGbm.DartBooster+Options");
            LightGbmGossBoosterOptions = ml("Microsoft.ML.Trainers.LightGbm.GossBooster+Options");


            _symbols = symbols;
            _computeFacts = Compute;
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
        private readonly KnownSymbols _symbols;
        private readonly System.Collections.Concurrent.ConcurrentDictionary<IMethodSymbol, MethodFacts> _facts = new(SameMethod.Instance);
        private readonly System.Func<IMethodSymbol, MethodFacts> _computeFacts;

        /// <summary>
        /// What a method is, for the rules: worked out once per method definition and compilation,
        /// not again for every call a rule reads.
        /// </summary>
        public MethodFacts Facts(IMethodSymbol method) => _facts.GetOrAdd(method.OriginalDefinition, _computeFacts);

        /// <summary>The transform table's row for a catalog method, matched by the catalog type it extends.</summary>
        public Pipelines.TransformTable.Entry? FindTransform(IMethodSymbol method) => Facts(method).Transform;

        private readonly System.Collections.Concurrent.ConcurrentDictionary<INamedTypeSymbol, SchemaType> _schemas = new(SymbolEqualityComparer.Default);

        private readonly System.Collections.Concurrent.ConcurrentDictionary<INamedTypeSymbol, Schemas.DataSchema> _textColumnTypes = new(SymbolEqualityComparer.Default);
        private readonly System.Collections.Concurrent.ConcurrentDictionary<INamedTypeSymbol, Schemas.DataSchema> _enumerableColumnTypes = new(SymbolEqualityComparer.Default);

        /// <summary>The columns, with their types, that a schema class gives a data view loaded by <paramref name="source"/>'s rules; read once per compilation (copy before changing it).</summary>
        public Schemas.DataSchema ColumnTypes(INamedTypeSymbol type, Schemas.SchemaSource source) =>
            source == Schemas.SchemaSource.TextFile
                ? _textColumnTypes.GetOrAdd(type, definition => Schemas.SchemaClassColumns.Read(definition, Schemas.SchemaSource.TextFile, this))
                : _enumerableColumnTypes.GetOrAdd(type, definition => Schemas.SchemaClassColumns.Read(definition, Schemas.SchemaSource.Enumerable, this));

        private readonly System.Collections.Concurrent.ConcurrentDictionary<INamedTypeSymbol, System.Collections.Generic.List<(string Column, ISymbol Member, ITypeSymbol MemberType, Schemas.ColumnType? Type)>> _writableColumns = new(SymbolEqualityComparer.Default);

        /// <summary>The members a prediction engine or <c>CreateEnumerable</c> fills in a class (<see cref="Schemas.SchemaClassColumns.Writable"/>), read once per compilation.</summary>
        public System.Collections.Generic.IReadOnlyList<(string Column, ISymbol Member, ITypeSymbol MemberType, Schemas.ColumnType? Type)> WritableColumns(INamedTypeSymbol type) =>
            _writableColumns.GetOrAdd(type, definition => Schemas.SchemaClassColumns.Writable(definition, this));

        /// <summary>The columns of a schema class, read once per compilation.</summary>
        public SchemaType Schema(INamedTypeSymbol type) => _schemas.GetOrAdd(type.OriginalDefinition, definition => new SchemaType(definition, this));

        private MethodFacts Compute(IMethodSymbol method)
        {
            var symbols = _symbols;
            var name = method.Name;
            var containing = method.ContainingType;
            var receiver = ReceiverType(method);
            var kinds = MethodKinds.None;

            if ((name.StartsWith("Evaluate", System.StringComparison.Ordinal)
                    || name.StartsWith("CrossValidate", System.StringComparison.Ordinal)
                    || name.StartsWith("PermutationFeatureImportance", System.StringComparison.Ordinal))
                && KnownSymbols.InheritsFrom(receiver, symbols.TrainCatalogBase))
            {
                kinds |= MethodKinds.Evaluation;
            }

            if (Is(containing, ModelOperationsCatalog))
            {
                kinds |= MethodKinds.ModelOperation;
                if (name == "Save")
                {
                    kinds |= MethodKinds.ModelExport;
                }
            }

            if (name == "ConvertToOnnx" && symbols.IsMLSymbol(method))
            {
                kinds |= MethodKinds.ModelExport;
            }

            if (name == "Fit" && Implements(containing, symbols.Estimator))
            {
                kinds |= MethodKinds.EstimatorFit;
            }

            var append = IsChainMethod(method, containing, receiver, "Append");
            var checkpoint = IsChainMethod(method, containing, receiver, "AppendCacheCheckpoint");
            if (append)
            {
                kinds |= MethodKinds.Append;
            }

            if (checkpoint)
            {
                kinds |= MethodKinds.AppendCacheCheckpoint;
            }

            if (!append && !checkpoint && IsCatalogEstimator(method, receiver))
            {
                kinds |= MethodKinds.CatalogEstimator;
            }

            // A calibrator maps scores to probabilities; its catalog derives from the trainers' base, but it trains no model.
            if (IsTrainerCatalog(receiver))
            {
                kinds |= MethodKinds.Trainer;
            }

            if (Is(containing, TextLoaderSaverCatalog) && (name == "LoadFromTextFile" || name == "CreateTextLoader"))
            {
                kinds |= MethodKinds.TextLoading;
            }

            if (Is(containing, DataLoaderExtensions) || Implements(containing, DataLoader))
            {
                kinds |= MethodKinds.OfLoader;
            }

            if (Is(receiver, symbols.DataOperationsCatalog))
            {
                kinds |= MethodKinds.DataOperation;
            }

            if (IsTransformer(containing))
            {
                kinds |= MethodKinds.OfTransformer;
            }

            foreach (var parameter in method.Parameters)
            {
                if (string.Equals(parameter.Name, "seed", System.StringComparison.OrdinalIgnoreCase))
                {
                    kinds |= MethodKinds.TakesSeedArgument;
                    break;
                }
            }

            Pipelines.TransformTable.Entry? transform = null;
            if (receiver is INamedTypeSymbol catalog && _transforms.TryGetValue((catalog, name), out var entry))
            {
                transform = entry;
            }

            var facts = new MethodFacts(kinds, transform, RandomnessUse.KindOf(method, receiver, kinds, symbols));
            return facts.Kinds == MethodKinds.None && facts.Transform is null && facts.Randomness is null ? MethodFacts.NotML : facts;
        }

        /// <summary><c>chain.Append(estimator)</c> on an estimator chain or estimator (not on a loader or transformer).</summary>
        private bool IsChainMethod(IMethodSymbol method, INamedTypeSymbol containing, ITypeSymbol receiver, string name)
        {
            if (method.Name != name)
            {
                return false;
            }

            if (Is(containing, EstimatorChain))
            {
                return true;
            }

            return Is(containing, LearningPipelineExtensions) && Is(receiver, _symbols.Estimator);
        }

        /// <summary>
        /// A catalog method that creates an estimator: a transform or a trainer, called on one of
        /// ML.NET's catalog objects (<c>mlContext.Transforms</c>, <c>…Trainers</c>) rather than on
        /// an estimator, data view or model.
        /// </summary>
        private bool IsCatalogEstimator(IMethodSymbol method, ITypeSymbol receiver)
        {
            var symbols = _symbols;
            if (!symbols.IsMLSymbol(method) || !Implements(method.ReturnType, symbols.Estimator))
            {
                return false;
            }

            return symbols.IsMLSymbol(receiver)
                && !Implements(receiver, symbols.Estimator)
                && !IsDataView(receiver)
                && !IsTransformer(receiver);
        }

        /// <summary>Method definitions are one symbol each in a compilation: compared and hashed by reference.</summary>
        private sealed class SameMethod : System.Collections.Generic.IEqualityComparer<IMethodSymbol>
        {
            public static readonly SameMethod Instance = new();

            public bool Equals(IMethodSymbol? x, IMethodSymbol? y) => ReferenceEquals(x, y);

            public int GetHashCode(IMethodSymbol method) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(method);
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
        public INamedTypeSymbol? LoadColumnAttribute { get; }
        public INamedTypeSymbol? VectorTypeAttribute { get; }
        public INamedTypeSymbol? TextLoaderColumn { get; }
        public INamedTypeSymbol? PredictionEngineBase { get; }
        public INamedTypeSymbol? ModelOperationsCatalog { get; }
        public INamedTypeSymbol? PredictionTransformer { get; }
        public INamedTypeSymbol? CalibratorsCatalog { get; }
        public INamedTypeSymbol? RankingTrainers { get; }
        public INamedTypeSymbol? BinaryClassificationCatalog { get; }
        public INamedTypeSymbol? BinaryClassificationTrainers { get; }
        public INamedTypeSymbol? MulticlassClassificationTrainers { get; }
        public INamedTypeSymbol? RegressionTrainers { get; }
        public INamedTypeSymbol? ClusteringTrainers { get; }
        public INamedTypeSymbol? AnomalyDetectionTrainers { get; }
        public INamedTypeSymbol? KeyTypeAttribute { get; }
        public INamedTypeSymbol? NoColumnAttribute { get; }
        public INamedTypeSymbol? VBuffer { get; }
        public INamedTypeSymbol? DataKind { get; }
        public INamedTypeSymbol? LightGbmGradientBoosterOptions { get; }
        public INamedTypeSymbol? LightGbmDartBoosterOptions { get; }
        public INamedTypeSymbol? LightGbmGossBoosterOptions { get; }


        /// <summary>A <c>PredictionEngine&lt;TSrc, TDst&gt;</c> (or its base): not thread-safe.</summary>
        public bool IsPredictionEngine(ITypeSymbol? type) => KnownSymbols.InheritsFrom(type, PredictionEngineBase);

        /// <summary>A call on <c>mlContext.Model</c>: <c>Save</c>, <c>Load</c>, <c>CreatePredictionEngine</c> …</summary>
        public bool IsModelOperation(IMethodSymbol method, string name) =>
            method.Name == name && Facts(method).Is(MethodKinds.ModelOperation);

        /// <summary>Evaluation: a task catalog's <c>Evaluate*</c>, <c>CrossValidate*</c> or <c>PermutationFeatureImportance*</c>.</summary>
        public bool IsEvaluation(IMethodSymbol method) => Facts(method).Is(MethodKinds.Evaluation);

        /// <summary>Writes a model out: <c>Model.Save</c>, or an ONNX export.</summary>
        public bool IsModelExport(IMethodSymbol method) => Facts(method).Is(MethodKinds.ModelExport);

        /// <summary><c>IEstimator&lt;T&gt;.Fit</c>, or the <c>Fit</c> of a type that implements it.</summary>
        public bool IsFit(IMethodSymbol method) => Facts(method).Is(MethodKinds.EstimatorFit);

        /// <summary><c>chain.Append(estimator)</c> on an estimator chain or estimator (not on a loader or transformer).</summary>
        public bool IsAppend(IMethodSymbol method) => Facts(method).Is(MethodKinds.Append);

        public bool IsAppendCacheCheckpoint(IMethodSymbol method) => Facts(method).Is(MethodKinds.AppendCacheCheckpoint);

        /// <summary>
        /// A catalog method that creates an estimator: a transform or a trainer, called on one of
        /// ML.NET's catalog objects (<c>mlContext.Transforms</c>, <c>…Trainers</c>) rather than on
        /// an estimator, data view or model.
        /// </summary>
        public bool IsCatalogEstimator(IMethodSymbol method) => Facts(method).Is(MethodKinds.CatalogEstimator);

        /// <summary>A method of a <c>*.Trainers</c> catalog.</summary>
        public bool IsTrainer(IMethodSymbol method) => Facts(method).Is(MethodKinds.Trainer);
        /// <summary>
        /// A task's <c>Trainers</c> catalog (<c>mlContext.Regression.Trainers</c>): every method called
        /// on one makes a trainer. Calibrators are not trainers, although their catalog derives from
        /// the trainers' base: they map scores to probabilities and train no model.
        /// </summary>
        public bool IsTrainerCatalog(ITypeSymbol? type) =>
            type is not null && KnownSymbols.InheritsFrom(type, _symbols.TrainersCatalogBase) && !Is(type, CalibratorsCatalog);

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
