using System;
using System.Collections.Generic;
using System.Threading;
using EffectiveML.Analyzers.Model.Pipelines;
using EffectiveML.Analyzers.Model.Provenance;
using EffectiveML.Analyzers.Model.Torch;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace EffectiveML.Analyzers.Model
{
    /// <summary>
    /// What one member (a method body, initializer or top-level program, with its lambdas and local
    /// functions) holds for the rules: its operations indexed by kind, what its locals are
    /// assigned, and the parts a rule asks for by name (<see cref="Pipelines"/>,
    /// <see cref="Provenance"/>, <see cref="Sites"/>, <see cref="InputSchemas"/>), each built on
    /// first request. One model per member is shared by every rule (see
    /// <see cref="MemberModelCache"/>). Nothing is followed into other members: parameters, fields
    /// and call results are unknown, never guessed.
    /// </summary>
    internal sealed class MemberModel
    {
        private readonly OperationIndex _index;
        private readonly LocalValues? _values;
        private PipelineModel? _pipelines;
        private ProvenanceModel? _provenance;
        private TrainingSites? _sites;
        private InputSchemas? _inputSchemas;
        private Schemas.PipelineSchemas? _schemas;
        private TorchCalls? _torch;
        private Dictionary<ILocalSymbol, List<ILocalReferenceOperation>>? _localReferences;
        private List<RandomnessUse>? _randomnessUses;

        public MemberModel(IOperation root, KnownSymbols symbols)
        {
            Root = root;
            Symbols = symbols;
            _index = OperationIndex.Build(root, symbols, out _values);
        }

        /// <summary>The member's operation tree: a method body, an initializer or the top-level program.</summary>
        public IOperation Root { get; }

        public KnownSymbols Symbols { get; }

        public MLApi Api => Symbols.Api;

        /// <summary>What the member's locals are assigned; complete once the model is built.</summary>
        public LocalValues Values => _values ?? LocalValues.None;

        /// <summary>The member's estimator chains.</summary>
        public PipelineModel Pipelines => Part(ref _pipelines, static member => new PipelineModel(member));

        /// <summary>Where the member's data views and models come from.</summary>
        public ProvenanceModel Provenance => Part(ref _provenance, static member => new ProvenanceModel(member));

        /// <summary>Where the member fits, splits and evaluates.</summary>
        public TrainingSites Sites => Part(ref _sites, static member => new TrainingSites(member));

        /// <summary>The input schema classes the member loads or predicts with.</summary>
        public InputSchemas InputSchemas => Part(ref _inputSchemas, static member => new InputSchemas(member));

        /// <summary>The column types of the member's fitted pipelines.</summary>
        public Schemas.PipelineSchemas Schemas => Part(ref _schemas, static member => new Schemas.PipelineSchemas(member));

        /// <summary>The member's TorchSharp training and inference calls.</summary>
        public TorchCalls Torch => Part(ref _torch, static member => TorchCalls.Of(member));

        /// <summary>Every <c>for</c>, <c>foreach</c>, <c>while</c> and <c>do</c> loop, in source order.</summary>
        public IReadOnlyList<ILoopOperation> Loops => _index.Of(Indexed.Loops);

        /// <summary>One of the lists the walk fills (<see cref="Indexed"/>).</summary>
        public IReadOnlyList<T> Operations<T>(IndexedList<T> list)
            where T : class, IOperation =>
            _index.Of(list);

        /// <summary>Every call in the member, in source order.</summary>
        public IReadOnlyList<IInvocationOperation> Invocations => _index.Of(Indexed.Invocations);

        /// <summary>Every call of an ML.NET or TorchSharp method in the member, in source order.</summary>
        public IReadOnlyList<IInvocationOperation> MLInvocations => _index.Of(Indexed.MLInvocations);

        /// <summary>Every read of a property declared by ML.NET or TorchSharp (metrics, split sides …).</summary>
        public IReadOnlyList<IPropertyReferenceOperation> MLPropertyReads => _index.Of(Indexed.MLPropertyReads);

        /// <summary>Every read of a field declared by ML.NET or TorchSharp (<c>torch.CUDA</c> …).</summary>
        public IReadOnlyList<IFieldReferenceOperation> MLFieldReads => _index.Of(Indexed.MLFieldReads);

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

        /// <summary>Every reference to <paramref name="local"/> in the member (grouped on first use, for all locals at once).</summary>
        public IReadOnlyList<ILocalReferenceOperation> ReferencesTo(ILocalSymbol local) =>
            Once(ref _localReferences, static model => model.GroupLocalReferences()).TryGetValue(local, out var references)
                ? references
                : (IReadOnlyList<ILocalReferenceOperation>)Array.Empty<ILocalReferenceOperation>();

        /// <summary>The member's calls that draw on an MLContext's random source, at the seeds and options in view.</summary>
        public IReadOnlyList<RandomnessUse> RandomnessUses => Once(ref _randomnessUses, static model => model.CollectRandomnessUses());

        /// <summary>A part is cheap to create; two threads racing keep the first one stored.</summary>
        private T Part<T>(ref T? field, Func<MemberModel, T> create)
            where T : class =>
            Volatile.Read(ref field) ?? Interlocked.CompareExchange(ref field, create(this), null) ?? field!;

        private T Once<T>(ref T? field, Func<MemberModel, T> compute)
            where T : class
        {
            var value = Volatile.Read(ref field);
            if (value is not null)
            {
                return value;
            }

            lock (this)
            {
                return field ??= compute(this);
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

        private Dictionary<ILocalSymbol, List<ILocalReferenceOperation>> GroupLocalReferences()
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
    }
}
