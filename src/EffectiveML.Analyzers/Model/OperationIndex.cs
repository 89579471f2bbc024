using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace EffectiveML.Analyzers.Model
{
    /// <summary>One list a member's walk fills: the operations of some kinds that a test keeps, in source order.</summary>
    internal abstract class IndexedList
    {
        protected IndexedList(ImmutableArray<OperationKind> kinds) => Kinds = kinds;

        /// <summary>The operation kinds the list holds.</summary>
        public ImmutableArray<OperationKind> Kinds { get; }

        /// <summary>Where the list sits in every member's index.</summary>
        public int Slot { get; internal set; }

        public abstract bool Keeps(IOperation operation, KnownSymbols symbols);

        /// <summary>The collected operations as an array of the list's type, at its exact length; null when there are none.</summary>
        public abstract Array? Drain(ScratchList scratch);
    }

    /// <inheritdoc cref="IndexedList"/>
    internal sealed class IndexedList<T> : IndexedList
        where T : class, IOperation
    {
        private readonly Func<T, KnownSymbols, bool>? _keep;

        /// <param name="keep">Which operations of the kinds to keep; all of them when null.</param>
        public IndexedList(Func<T, KnownSymbols, bool>? keep, params OperationKind[] kinds)
            : base(kinds.ToImmutableArray())
        {
            _keep = keep;
        }

        public override bool Keeps(IOperation operation, KnownSymbols symbols) => _keep is null || _keep((T)operation, symbols);

        public override Array? Drain(ScratchList scratch) => scratch.Drain<T>();
    }

    /// <summary>
    /// What the member walk indexes for the rules: each list by the operation kinds it holds and
    /// what of them it keeps. A rule that needs another list adds one line here; the walk, the
    /// scratch space and the storage follow from this table.
    /// </summary>
    internal static class Indexed
    {
        public static readonly IndexedList<IInvocationOperation> Invocations = new(null, OperationKind.Invocation);

        public static readonly IndexedList<IInvocationOperation> MLInvocations = new(
            static (call, symbols) => symbols.IsMLSymbol(call.TargetMethod), OperationKind.Invocation);

        public static readonly IndexedList<IPropertyReferenceOperation> MLPropertyReads = new(
            static (read, symbols) => symbols.IsMLSymbol(read.Property), OperationKind.PropertyReference);

        public static readonly IndexedList<IPropertyReferenceOperation> RandomSharedReads = new(
            static (read, symbols) => symbols.RandomShared is { } shared && SymbolEqualityComparer.Default.Equals(read.Property, shared),
            OperationKind.PropertyReference);

        public static readonly IndexedList<IObjectCreationOperation> ObjectCreations = new(null, OperationKind.ObjectCreation);

        public static readonly IndexedList<IBinaryOperation> Comparisons = new(
            static (binary, _) => binary.OperatorKind is BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual
                or BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual,
            OperationKind.Binary);

        public static readonly IndexedList<ICatchClauseOperation> CatchClauses = new(null, OperationKind.CatchClause);

        public static readonly IndexedList<ISimpleAssignmentOperation> MLMemberAssignments = new(
            static (assignment, symbols) => assignment.Target is IMemberReferenceOperation { Member: IFieldSymbol or IPropertySymbol } target
                && (symbols.IsMLSymbol(target.Member) || symbols.IsMLType(target.Type)),
            OperationKind.SimpleAssignment);

        public static readonly IndexedList<IReturnOperation> MLReturns = new(
            static (returned, symbols) => returned.ReturnedValue is { } value && symbols.IsMLType(value.Type),
            OperationKind.Return, OperationKind.YieldReturn);

        public static readonly IndexedList<ILocalReferenceOperation> LocalReferences = new(null, OperationKind.LocalReference);

        public static readonly IndexedList<IMethodReferenceOperation> MethodReferences = new(null, OperationKind.MethodReference);

        public static readonly IndexedList<IRelationalPatternOperation> RelationalPatterns = new(null, OperationKind.RelationalPattern);

        public static readonly IndexedList<ILoopOperation> Loops = new(null, OperationKind.Loop);

        public static readonly IndexedList<IFieldReferenceOperation> MLFieldReads = new(
            static (read, symbols) => symbols.IsMLSymbol(read.Field), OperationKind.FieldReference);

        /// <summary>Every list, in slot order.</summary>
        public static readonly ImmutableArray<IndexedList> All = ImmutableArray.Create<IndexedList>(
            Invocations, MLInvocations, MLPropertyReads, RandomSharedReads, ObjectCreations, Comparisons,
            CatchClauses, MLMemberAssignments, MLReturns, LocalReferences, MethodReferences, RelationalPatterns, Loops, MLFieldReads);

        /// <summary>The lists of each operation kind, by the kind's number; null for a kind no list holds.</summary>
        public static readonly IndexedList[]?[] ByKind = ListsByKind();

        private static IndexedList[]?[] ListsByKind()
        {
            var byKind = new List<IndexedList>?[MaxKind() + 1];
            for (var slot = 0; slot < All.Length; slot++)
            {
                All[slot].Slot = slot;
                foreach (var kind in All[slot].Kinds)
                {
                    (byKind[(int)kind] ??= new List<IndexedList>()).Add(All[slot]);
                }
            }

            var lists = new IndexedList[]?[byKind.Length];
            for (var kind = 0; kind < byKind.Length; kind++)
            {
                lists[kind] = byKind[kind]?.ToArray();
            }

            return lists;
        }

        private static int MaxKind()
        {
            var max = 0;
            foreach (OperationKind kind in Enum.GetValues(typeof(OperationKind)))
            {
                max = Math.Max(max, (int)kind);
            }

            return max;
        }
    }

    /// <summary>
    /// The operations of one member, list by list (<see cref="Indexed"/>), filled by one walk over
    /// the member's operation tree: rules iterate short lists instead of each receiving a callback
    /// for every operation. The walk recurses over each operation's children, which allocates
    /// nothing; the lists are filled in scratch space the compilation lends and copied out at
    /// their final length. A value type: the member's model holds the slots itself, and a member
    /// with nothing indexed shares one empty set of slots.
    /// </summary>
    internal readonly struct OperationIndex
    {
        // Deeper than this (a chain of thousands of concatenations, say) the walk goes on with a stack of its own.
        private const int RecursionLimit = 256;

        private static readonly Array?[] NothingIndexed = new Array?[Indexed.All.Length];

        private readonly Array?[] _lists;

        private OperationIndex(Array?[] lists) => _lists = lists;

        public IReadOnlyList<T> Of<T>(IndexedList<T> list)
            where T : class, IOperation =>
            (T[]?)_lists[list.Slot] ?? Array.Empty<T>();

        /// <summary>Walks <paramref name="root"/> once, indexing its operations and recording what its locals are assigned.</summary>
        public static OperationIndex Build(IOperation root, KnownSymbols symbols, out LocalValues? values)
        {
            var scratch = symbols.IndexScratch.Rent();
            values = null;
            try
            {
                Walk(root, symbols, scratch, ref values, depth: 0);
                Array?[]? lists = null;
                for (var slot = 0; slot < Indexed.All.Length; slot++)
                {
                    if (Indexed.All[slot].Drain(scratch[slot]) is { } drained)
                    {
                        (lists ??= new Array?[Indexed.All.Length])[slot] = drained;
                    }
                }

                return new OperationIndex(lists ?? NothingIndexed);
            }
            finally
            {
                symbols.IndexScratch.Return(scratch);
            }
        }

        private static void Walk(IOperation operation, KnownSymbols symbols, ScratchList[] scratch, ref LocalValues? values, int depth)
        {
            Visit(operation, symbols, scratch, ref values);
            if (depth >= RecursionLimit)
            {
                foreach (var descendant in operation.Descendants())
                {
                    Visit(descendant, symbols, scratch, ref values);
                }

                return;
            }

            foreach (var child in operation.ChildOperations)
            {
                Walk(child, symbols, scratch, ref values, depth + 1);
            }
        }

        private static void Visit(IOperation operation, KnownSymbols symbols, ScratchList[] scratch, ref LocalValues? values)
        {
            var kind = (int)operation.Kind;
            if (kind < Indexed.ByKind.Length && Indexed.ByKind[kind] is { } lists)
            {
                foreach (var list in lists)
                {
                    if (list.Keeps(operation, symbols))
                    {
                        scratch[list.Slot].Add(operation);
                    }
                }
            }

            LocalValues.Visit(ref values, operation);
        }

        /// <summary>The scratch space of one compilation's walks: one set of lists per thread walking at a time.</summary>
        internal sealed class ScratchPool
        {
            private readonly Stack<ScratchList[]> _free = new();

            public ScratchList[] Rent()
            {
                lock (_free)
                {
                    if (_free.Count > 0)
                    {
                        return _free.Pop();
                    }
                }

                var lists = new ScratchList[Indexed.All.Length];
                for (var slot = 0; slot < lists.Length; slot++)
                {
                    lists[slot] = new ScratchList();
                }

                return lists;
            }

            public void Return(ScratchList[] lists)
            {
                lock (_free)
                {
                    _free.Push(lists);
                }
            }
        }
    }

    /// <summary>A list that hands out its items as an array of their number and starts again empty.</summary>
    internal sealed class ScratchList
    {
        private IOperation[] _items = new IOperation[16];
        private int _count;

        public void Add(IOperation item)
        {
            if (_count == _items.Length)
            {
                Array.Resize(ref _items, _items.Length * 2);
            }

            _items[_count++] = item;
        }

        /// <summary>The items added since the last drain, or null when there were none.</summary>
        public T[]? Drain<T>()
            where T : class, IOperation
        {
            if (_count == 0)
            {
                return null;
            }

            var items = new T[_count];
            for (var i = 0; i < _count; i++)
            {
                items[i] = (T)_items[i];
            }

            // Not cleared: the next member overwrites the slots, and until then a pooled list holds
            // operations of the last member walked on its thread, nothing more.
            _count = 0;
            return items;
        }
    }
}
