using System;
using System.Collections.Generic;
using System.Linq;
using EffectiveML.Analyzers.Infrastructure;
using EffectiveML.Analyzers.Model.Pipelines;
using EffectiveML.Analyzers.Model.Provenance;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace EffectiveML.Analyzers.Model
{
    /// <summary>A call that fits an estimator: <c>estimator.Fit(data)</c>, or a catalog's <c>CrossValidate(data, estimator)</c>.</summary>
    internal sealed class FitSite
    {
        public FitSite(IInvocationOperation call, Pipeline pipeline, DataNode data, bool isCrossValidation)
        {
            Call = call;
            Pipeline = pipeline;
            Data = data;
            IsCrossValidation = isCrossValidation;
        }

        public IInvocationOperation Call { get; }
        public Pipeline Pipeline { get; }
        public DataNode Data { get; }
        public bool IsCrossValidation { get; }
    }

    /// <summary>A call that splits data into train and test rows: <c>TrainTestSplit</c>, <c>CrossValidationSplit</c>, <c>CrossValidate*</c>.</summary>
    internal sealed class SplitSite
    {
        public SplitSite(IInvocationOperation call, DataNode data)
        {
            Call = call;
            Data = data;
        }

        public IInvocationOperation Call { get; }
        public DataNode Data { get; }
    }

    /// <summary>
    /// The pipeline and data-provenance models of one member (a method body, initializer or
    /// top-level program, with its lambdas and local functions). Built lazily, once, and shared by
    /// every rule that asks (see <see cref="MemberModelCache"/>). Nothing is followed into other
    /// members: parameters, fields and call results are unknown, never guessed.
    /// </summary>
    internal sealed class MemberModel
    {
        private readonly IOperation _root;
        private PipelineBuilder? _pipelines;
        private readonly LocalValues? _values;
        // Everything below is created on first use: most members (accessors, attributes, plain
        // methods) need none of it, and the model is built for every member of an ML project.
        // The indexes are arrays of exactly their length, filled once by the walk.
        private Dictionary<IOperation, Pipeline>? _pipelineByValue;
        private Dictionary<IOperation, DataNode>? _dataByValue;
        private Dictionary<IOperation, ModelNode>? _modelByValue;
        private Sites? _sites;
        private Dictionary<ILocalSymbol, List<ILocalReferenceOperation>>? _localReferences;
        private Dictionary<string, ISymbol?>? _schemaMembers;
        private List<INamedTypeSymbol>? _schemaTypes;
        private IInvocationOperation[]? _transformCalls;
        private IInvocationOperation[]? _evaluations;
        private List<RandomnessUse>? _randomnessUses;
        private readonly OperationIndex _index;

        public MemberModel(IOperation root, KnownSymbols symbols)
        {
            _root = root;
            Symbols = symbols;
            _index = OperationIndex.Build(root, symbols, out _values);
        }

        /// <summary>One of the lists the walk fills (<see cref="Indexed"/>).</summary>
        public IReadOnlyList<T> Operations<T>(IndexedList<T> list)
            where T : class, IOperation =>
            _index.Of(list);

        /// <summary>The member's operation tree: a method body, an initializer or the top-level program.</summary>
        public IOperation Root => _root;

        public KnownSymbols Symbols { get; }

        /// <summary>What the member's locals are assigned; complete once the model is built.</summary>
        public LocalValues Values => _values ?? LocalValues.None;

        public MLApi Api => Symbols.Api;

        public PipelineBuilder Pipelines =>
            System.Threading.Volatile.Read(ref _pipelines) ?? System.Threading.Interlocked.CompareExchange(ref _pipelines, new PipelineBuilder(Symbols, Values), null) ?? _pipelines!;

        /// <summary>Every chain built with <c>Append</c> in the member, longest forms only (a chain continued in another local is listed in both forms).</summary>
        public IReadOnlyList<Pipeline> Chains => SitesValue.Chains;

        public IReadOnlyList<FitSite> Fits => SitesValue.Fits;

        public IReadOnlyList<SplitSite> Splits => SitesValue.Splits;

        /// <summary>
        /// The input schema classes in view: type arguments of <c>LoadFromTextFile&lt;T&gt;</c>,
        /// <c>LoadFromEnumerable&lt;T&gt;</c> and <c>CreateTextLoader&lt;T&gt;</c>, and the
        /// <c>TSrc</c> of <c>CreatePredictionEngine&lt;TSrc, TDst&gt;</c>, in the member. Output
        /// classes (<c>TDst</c>, <c>CreateEnumerable&lt;T&gt;</c>) name their members after the
        /// columns, not the other way round.
        /// </summary>
        public IReadOnlyList<INamedTypeSymbol> InputSchemaTypes => Once(ref _schemaTypes, static model => model.CollectInputSchemaTypes());

        /// <summary>
        /// The member of an input schema class in view whose column a name spells: one without
        /// <c>[ColumnName]</c> and of that name. Null when none is, or when some member declares that
        /// column with <c>[ColumnName]</c> (the name is then the column's real name).
        /// </summary>
        public ISymbol? SchemaMemberNamed(string columnName) =>
            Once(ref _schemaMembers, static model => model.CollectSchemaMembers()).TryGetValue(columnName, out var member) ? member : null;

        /// <summary>The member's calls of transform-catalog methods listed in the transform table.</summary>
        public IReadOnlyList<IInvocationOperation> TransformCalls => Once(ref _transformCalls, static model => model.MLCallsWhere(static (model, method) => model.Api.FindTransform(method) is not null));


        /// <summary>The member's calls that draw on an MLContext's random source, at the seeds and options in view.</summary>
        public IReadOnlyList<RandomnessUse> RandomnessUses => Once(ref _randomnessUses, static model => model.CollectRandomnessUses());

        /// <summary>Every call in the member, in source order.</summary>
        public IReadOnlyList<IInvocationOperation> Invocations => _index.Of(Indexed.Invocations);

        /// <summary>Every call of an ML.NET or TorchSharp method in the member, in source order.</summary>
        public IReadOnlyList<IInvocationOperation> MLInvocations => _index.Of(Indexed.MLInvocations);

        /// <summary>Every read of a property declared by ML.NET or TorchSharp (metrics, split sides …).</summary>
        public IReadOnlyList<IPropertyReferenceOperation> MLPropertyReads => _index.Of(Indexed.MLPropertyReads);

        /// <summary>Every object creation in the member, of any type (ML options, <c>new Random()</c>, column pairs …).</summary>
        public IReadOnlyList<IObjectCreationOperation> ObjectCreations => _index.Of(Indexed.ObjectCreations);

        /// <summary>Every read of <c>Random.Shared</c>.</summary>
        public IReadOnlyList<IPropertyReferenceOperation> RandomSharedReads => _index.Of(Indexed.RandomSharedReads);

        /// <summary>Every <c>&lt;</c>, <c>&lt;=</c>, <c>&gt;</c> and <c>&gt;=</c> comparison.</summary>
        public IReadOnlyList<IBinaryOperation> Comparisons => _index.Of(Indexed.Comparisons);

        public IReadOnlyList<ICatchClauseOperation> CatchClauses => _index.Of(Indexed.CatchClauses);

        /// <summary>Every <c>return</c> (or <c>yield return</c>) of a value of an ML.NET or TorchSharp type.</summary>
        public IReadOnlyList<IReturnOperation> MLReturns => _index.Of(Indexed.MLReturns);

        /// <summary>Every method group used as a value (a delegate): its method may be called from anywhere.</summary>
        public IReadOnlyList<IMethodReferenceOperation> MethodReferences => _index.Of(Indexed.MethodReferences);

        /// <summary>Every relational pattern (<c>is &gt; 0.5f</c>, <c>&gt;= 0.5 and &lt; 0.7</c> in a switch arm).</summary>
        public IReadOnlyList<IRelationalPatternOperation> RelationalPatterns => _index.Of(Indexed.RelationalPatterns);

        /// <summary>
        /// Every <c>x.Member = value</c> (object initializers included) whose member is declared by
        /// ML.NET or TorchSharp or holds an ML type: seeds on options, MLContext fields.
        /// </summary>
        public IReadOnlyList<ISimpleAssignmentOperation> MLMemberAssignments => _index.Of(Indexed.MLMemberAssignments);

        /// <summary>Every reference to a local in the member, in the order of the walk.</summary>
        public IReadOnlyList<ILocalReferenceOperation> LocalReferences => _index.Of(Indexed.LocalReferences);

        /// <summary>Every reference to <paramref name="local"/> in the member (collected on first use, for all locals at once).</summary>
        public IReadOnlyList<ILocalReferenceOperation> ReferencesTo(ILocalSymbol local) =>
            Once(ref _localReferences, static model => model.CollectLocalReferences()).TryGetValue(local, out var references)
                ? references
                : (IReadOnlyList<ILocalReferenceOperation>)Array.Empty<ILocalReferenceOperation>();

        /// <summary>Every <c>Evaluate*</c> call of a task catalog in the member.</summary>
        public IReadOnlyList<IInvocationOperation> Evaluations => Once(ref _evaluations, static model => model.MLCallsWhere(static (model, method) =>
                method.Name.StartsWith("Evaluate", StringComparison.Ordinal)
                && KnownSymbols.InheritsFrom(method.ContainingType, model.Symbols.TrainCatalogBase)));

        /// <summary>
        /// A trainer call is trained when a pipeline containing it is fitted or cross-validated in
        /// the member, or returned by it (a factory exists to have its pipeline trained).
        /// </summary>
        public bool IsTrained(IInvocationOperation trainer)
        {
            foreach (var fit in Fits)
            {
                if (fit.Pipeline.IndexOf(trainer) >= 0)
                {
                    return true;
                }
            }

            foreach (var returned in SitesValue.Returned)
            {
                if (returned == trainer || PipelineOf(returned).IndexOf(trainer) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The member returns an estimator chain with a trainer in it: it is a pipeline factory.</summary>
        public bool ReturnsPipelineWithTrainer()
        {
            foreach (var returned in SitesValue.Returned)
            {
                foreach (var step in PipelineOf(returned).Steps)
                {
                    if (step.Kind == StepKind.Trainer)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>The chains that contain a step made by <paramref name="stepOperation"/>.</summary>
        public IEnumerable<(Pipeline Pipeline, int Index)> ChainsContaining(IOperation stepOperation)
        {
            foreach (var chain in Chains)
            {
                var index = chain.IndexOf(stepOperation);
                if (index >= 0)
                {
                    yield return (chain, index);
                }
            }
        }

        public Pipeline PipelineOf(IOperation estimatorValue) =>
            Cached(ref _pipelineByValue, ValueTracker.Unwrap(estimatorValue), static (model, value) => model.Pipelines.Build(value));

        public DataNode DataOf(IOperation dataValue) =>
            Cached(ref _dataByValue, ValueTracker.Unwrap(dataValue), static (model, value) => model.BuildData(value));

        public ModelNode ModelOf(IOperation modelValue) =>
            Cached(ref _modelByValue, ValueTracker.Unwrap(modelValue), static (model, value) => model.BuildModel(value));

        /// <summary>The methods whose settings <see cref="TextLoadingOf"/> reads.</summary>
        public static readonly string[] TextLoadingMethods = { "LoadFromTextFile", "CreateTextLoader" };

        /// <summary>The settings of a <c>LoadFromTextFile</c> or <c>CreateTextLoader</c> call; null for any other call.</summary>
        public TextLoading? TextLoadingOf(IInvocationOperation call)
        {
            if (!Api.Facts(call.TargetMethod).Is(MethodKinds.TextLoading))
            {
                return null;
            }

            if (ValueReader.Argument(call, "options") is { } options)
            {
                var optionsValue = options.ArgumentKind == ArgumentKind.DefaultValue ? null : options.Value;
                if (optionsValue is null || ValueReader.RuntimeNull(optionsValue, Values))
                {
                    return new TextLoading(call, options.Value, Setting.Default, Setting.Default, Setting.Default);
                }

                return new TextLoading(
                    call,
                    optionsValue,
                    ValueReader.Member(optionsValue, "Separators", Values),
                    ValueReader.Member(optionsValue, "HasHeader", Values),
                    ValueReader.Member(optionsValue, "MissingRealsAsNaNs", Values));
            }

            return new TextLoading(
                call,
                null,
                ValueReader.Parameter(call, "separatorChar"),
                ValueReader.Parameter(call, "hasHeader"),
                Setting.Default);
        }

        /// <summary>The <c>loader.Load(path)</c> calls in the member on the loader a <c>CreateTextLoader</c> call makes.</summary>
        public IEnumerable<IInvocationOperation> LoadsFrom(IInvocationOperation createTextLoader)
        {
            foreach (var load in SitesValue.LoaderLoads)
            {
                if (ValueTracker.Receiver(load) is { } receiver && ValueReader.Resolve(receiver, Values) == createTextLoader)
                {
                    yield return load;
                }
            }
        }

        /// <summary>The path argument of a load call, when it has one.</summary>
        public static IOperation? PathArgument(IInvocationOperation load)
        {
            var argument = ValueReader.Argument(load, "path") ?? ValueReader.Argument(load, "filePath");
            if (argument is null || argument.ArgumentKind == ArgumentKind.DefaultValue)
            {
                return null;
            }

            if (argument.ArgumentKind == ArgumentKind.ParamArray)
            {
                return argument.Value is IArrayCreationOperation { Initializer.ElementValues: { Length: 1 } single } ? single[0] : null;
            }

            return argument.Value;
        }

        /// <summary>
        /// A Fit that trains: its pipeline has a trainer in view, or, where part of the pipeline is
        /// not in view, its result type says a prediction transformer comes out
        /// (<c>TransformerChain&lt;BinaryPredictionTransformer&lt;…&gt;&gt;</c>). A pipeline wholly in
        /// view without a trainer prepares data, even when a calibrator in it makes predictions.
        /// </summary>
        public bool IsTrainingFit(IInvocationOperation fit)
        {
            if (ValueTracker.Receiver(fit) is { } estimator)
            {
                var pipeline = PipelineOf(estimator);
                foreach (var step in pipeline.Steps)
                {
                    if (step.Kind == StepKind.Trainer)
                    {
                        return true;
                    }
                }

                if (pipeline.IsFullyKnown)
                {
                    return false;
                }
            }

            return ProducesPrediction(fit.Type);
        }

        private bool ProducesPrediction(ITypeSymbol? type)
        {
            if (type is null)
            {
                return false;
            }

            if (Api.Implements(type, Api.PredictionTransformer))
            {
                return true;
            }

            return type is INamedTypeSymbol { IsGenericType: true } generic
                && generic.TypeArguments.Length == 1
                && Api.Implements(generic.TypeArguments[0], Api.PredictionTransformer);
        }

        public bool IsFit(IMethodSymbol method) => Api.Facts(method).Is(MethodKinds.EstimatorFit);

        private DataNode BuildData(IOperation value)
        {
            var operation = ValueReader.Resolve(value, Values);
            switch (operation)
            {
                case IInvocationOperation invocation when Symbols.IsMLSymbol(invocation.TargetMethod):
                    return DataFromCall(invocation);
                // TrainTestData is a struct whose TrainSet and TestSet are fields.
                case IMemberReferenceOperation { Instance: { } instance, Member.Name: "TrainSet" or "TestSet" } side
                    when MLApi.Is(side.Member.ContainingType, Api.TrainTestData):
                    if (ValueReader.Resolve(instance, Values) is IInvocationOperation { TargetMethod.Name: "TrainTestSplit" } split
                        && ValueReader.Argument(split, "data") is { } source)
                    {
                        var kind = side.Member.Name == "TrainSet" ? DataKind.TrainSide : DataKind.TestSide;
                        return new DataNode(kind, side, DataOf(source.Value), split: split);
                    }

                    return new DataNode(DataKind.Unknown, operation);
                case IParameterReferenceOperation parameter:
                    return new DataNode(DataKind.Unknown, operation, stableSymbol: Values.IsReassigned(parameter.Parameter) ? null : parameter.Parameter);
                default:
                    return new DataNode(DataKind.Unknown, operation);
            }
        }

        private DataNode DataFromCall(IInvocationOperation call)
        {
            var method = call.TargetMethod;
            var facts = Api.Facts(method);
            if (method.Name == "Transform" && facts.Is(MethodKinds.OfTransformer) && ValueTracker.Receiver(call) is { } model
                && ValueReader.Argument(call, "input") is { } input)
            {
                return new DataNode(DataKind.Transformed, call, DataOf(input.Value), ModelOf(model));
            }

            if (TextLoadingOf(call) is { } loading && method.Name == "LoadFromTextFile")
            {
                return new DataNode(DataKind.Loaded, call, loading: loading);
            }

            if (method.Name == "Load" && IsLoader(call))
            {
                var loader = ValueTracker.Receiver(call) is { } receiver ? ValueReader.Resolve(receiver, Values) : null;
                var createdBy = loader is IInvocationOperation create ? TextLoadingOf(create) : null;
                return new DataNode(DataKind.Loaded, call, loading: createdBy);
            }

            if (facts.Is(MethodKinds.DataOperation) && Api.IsDataView(method.ReturnType))
            {
                if (method.Name.StartsWith("Load", StringComparison.Ordinal))
                {
                    return new DataNode(DataKind.Loaded, call);
                }

                var source = ValueReader.Argument(call, "input") ?? ValueReader.Argument(call, "data");
                if (source is not null)
                {
                    // ShuffleRows, TakeRows, SkipRows, FilterRows*, BootstrapSample, Cache: a selection of the source's rows.
                    return new DataNode(DataKind.Rows, call, DataOf(source.Value));
                }
            }

            return new DataNode(DataKind.Unknown, call);
        }

        private bool IsLoader(IInvocationOperation call) => Api.Facts(call.TargetMethod).Is(MethodKinds.OfLoader);

        private ModelNode BuildModel(IOperation value)
        {
            var operation = ValueReader.Resolve(value, Values);
            switch (operation)
            {
                case IInvocationOperation invocation when IsFit(invocation.TargetMethod)
                    && ValueTracker.Receiver(invocation) is { } estimator
                    && ValueReader.Argument(invocation, "input") is { } data:
                    return new ModelNode(ModelKind.Fitted, invocation, estimator, DataOf(data.Value));
                case IParameterReferenceOperation parameter:
                    return new ModelNode(ModelKind.Unknown, operation, stableSymbol: Values.IsReassigned(parameter.Parameter) ? null : parameter.Parameter);
                default:
                    return new ModelNode(ModelKind.Unknown, operation);
            }
        }

        private Sites SitesValue => Once(ref _sites, static model => model.CollectSites());

        /// <summary>Computes a part of the model once; rules on other threads wait rather than compute it again.</summary>
        private T Once<T>(ref T? field, Func<MemberModel, T> compute)
            where T : class
        {
            var value = System.Threading.Volatile.Read(ref field);
            if (value is not null)
            {
                return value;
            }

            lock (this)
            {
                return field ??= compute(this);
            }
        }

        /// <summary>A value built once per operation; building may recurse into other cached values.</summary>
        private TValue Cached<TValue>(ref Dictionary<IOperation, TValue>? cache, IOperation key, Func<MemberModel, IOperation, TValue> build)
        {
            lock (this)
            {
                if (cache is not null && cache.TryGetValue(key, out var known))
                {
                    return known;
                }
            }

            var built = build(this, key);

            lock (this)
            {
                cache ??= new Dictionary<IOperation, TValue>();
                if (cache.TryGetValue(key, out var raced))
                {
                    return raced;
                }

                cache.Add(key, built);
                return built;
            }
        }

        private List<RandomnessUse> CollectRandomnessUses()
        {
            var uses = new List<RandomnessUse>();
            foreach (var call in Invocations)
            {
                if (RandomnessUse.TryCreate(call, Symbols, Values) is { } use)
                {
                    uses.Add(use);
                }
            }

            return uses;
        }

        /// <summary>The member's ML calls whose target <paramref name="keep"/> accepts, at their exact number.</summary>
        private IInvocationOperation[] MLCallsWhere(Func<MemberModel, IMethodSymbol, bool> keep)
        {
            var calls = MLInvocations;
            var count = calls.Count;
            var kept = 0;
            var keeps = count <= 64 ? stackalloc bool[count] : new bool[count];
            for (var i = 0; i < count; i++)
            {
                if (keep(this, calls[i].TargetMethod))
                {
                    keeps[i] = true;
                    kept++;
                }
            }

            if (kept == 0)
            {
                return Array.Empty<IInvocationOperation>();
            }

            var result = new IInvocationOperation[kept];
            for (int i = 0, k = 0; i < count; i++)
            {
                if (keeps[i])
                {
                    result[k++] = calls[i];
                }
            }

            return result;
        }

        private List<INamedTypeSymbol> CollectInputSchemaTypes()
        {
            var schemaTypes = new List<INamedTypeSymbol>();
            foreach (var invocation in MLInvocations)
            {
                var method = invocation.TargetMethod;
                if (!method.IsGenericMethod)
                {
                    continue;
                }

                var inputs = method.Name switch
                {
                    "LoadFromTextFile" or "LoadFromEnumerable" or "CreateTextLoader" => method.TypeArguments.Length,
                    "CreatePredictionEngine" => 1,
                    _ => 0,
                };
                for (var i = 0; i < inputs && i < method.TypeArguments.Length; i++)
                {
                    if (method.TypeArguments[i] is INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } schema
                        && !Symbols.IsMLSymbol(schema)
                        && !schemaTypes.Contains(schema, SymbolEqualityComparer.Default))
                    {
                        schemaTypes.Add(schema);
                    }
                }
            }

            return schemaTypes;
        }

        private Dictionary<string, ISymbol?> CollectSchemaMembers()
        {
            var byName = new Dictionary<string, ISymbol?>(StringComparer.Ordinal);
            List<string>? declared = null;
            foreach (var schema in InputSchemaTypes)
            {
                var columns = Api.Schema(schema);
                foreach (var (name, member) in columns.Named)
                {
                    if (!byName.ContainsKey(name))
                    {
                        byName.Add(name, member);
                    }
                }

                if (columns.Declared.Count > 0)
                {
                    (declared ??= new List<string>()).AddRange(columns.Declared);
                }
            }

            if (declared is not null)
            {
                foreach (var name in declared)
                {
                    byName[name] = null;
                }
            }

            return byName;
        }

        private Dictionary<ILocalSymbol, List<ILocalReferenceOperation>> CollectLocalReferences()
        {
            var map = new Dictionary<ILocalSymbol, List<ILocalReferenceOperation>>(SymbolEqualityComparer.Default);
            foreach (var localReference in LocalReferences)
            {
                if (!map.TryGetValue(localReference.Local, out var references))
                {
                    references = new List<ILocalReferenceOperation>();
                    map.Add(localReference.Local, references);
                }

                references.Add(localReference);
            }

            return map;
        }

        /// <summary>The model's sites, derived from the indexed ML calls once a rule asks for them.</summary>
        private Sites CollectSites()
        {
            var sites = new Sites();
            foreach (var returnOperation in MLReturns)
            {
                sites.Returned.Add(ValueReader.Resolve(returnOperation.ReturnedValue!, Values));
            }

            foreach (var invocation in MLInvocations)
            {
                var method = invocation.TargetMethod;
                if (Pipelines.IsAppend(method) || Pipelines.IsAppendCacheCheckpoint(method))
                {
                    if (!ContinuesIntoAnotherAppend(invocation))
                    {
                        sites.Chains.Add(PipelineOf(invocation));
                    }
                }
                else if (IsFit(method))
                {
                    if (ValueTracker.Receiver(invocation) is { } estimator && ValueReader.Argument(invocation, "input") is { } input)
                    {
                        sites.Fits.Add(new FitSite(invocation, PipelineOf(estimator), DataOf(input.Value), isCrossValidation: false));
                    }
                }
                else if (method.Name.StartsWith("CrossValidate", StringComparison.Ordinal)
                    && KnownSymbols.InheritsFrom(method.ContainingType, Symbols.TrainCatalogBase)
                    && ValueReader.Argument(invocation, "data") is { } cvData)
                {
                    var data = DataOf(cvData.Value);
                    sites.Splits.Add(new SplitSite(invocation, data));
                    if (ValueReader.Argument(invocation, "estimator") is { } cvEstimator)
                    {
                        sites.Fits.Add(new FitSite(invocation, PipelineOf(cvEstimator.Value), data, isCrossValidation: true));
                    }
                }
                else if ((method.Name == "TrainTestSplit" || method.Name == "CrossValidationSplit")
                    && MLApi.Is(method.ContainingType, Symbols.DataOperationsCatalog)
                    && ValueReader.Argument(invocation, "data") is { } splitData)
                {
                    sites.Splits.Add(new SplitSite(invocation, DataOf(splitData.Value)));
                }
                else if (method.Name == "Load" && IsLoader(invocation))
                {
                    sites.LoaderLoads.Add(invocation);
                }
            }

            return sites;
        }

        /// <summary>The call is itself the receiver of a further <c>Append</c>: only the longest chain is listed.</summary>
        private bool ContinuesIntoAnotherAppend(IInvocationOperation invocation)
        {
            var parent = invocation.Parent;
            while (parent is IConversionOperation or IParenthesizedOperation)
            {
                parent = parent.Parent;
            }

            if (parent is IArgumentOperation { Parent: IInvocationOperation extensionCall } argument
                && argument.Parameter?.Ordinal == 0
                && extensionCall.TargetMethod.IsExtensionMethod)
            {
                return Pipelines.IsAppend(extensionCall.TargetMethod) || Pipelines.IsAppendCacheCheckpoint(extensionCall.TargetMethod);
            }

            return parent is IInvocationOperation call
                && call.Instance is not null
                && (Pipelines.IsAppend(call.TargetMethod) || Pipelines.IsAppendCacheCheckpoint(call.TargetMethod));
        }

        private sealed class Sites
        {
            public List<Pipeline> Chains { get; } = new();
            public List<FitSite> Fits { get; } = new();
            public List<SplitSite> Splits { get; } = new();
            public List<IInvocationOperation> LoaderLoads { get; } = new();
            public List<IOperation> Returned { get; } = new();
        }
    }
}
