using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis.Operations;

namespace EffectiveML.Analyzers.Model
{
    /// <summary>
    /// The lists a member model's walk fills before it copies them out at their final length: lent
    /// by the compilation (<see cref="Pool"/>) and used again for the next member, so that a
    /// member's indexes cost one array each instead of every array a growing list leaves behind.
    /// </summary>
    internal sealed class IndexScratch
    {
        public ScratchList<IInvocationOperation> Invocations { get; } = new();
        public ScratchList<IInvocationOperation> MLInvocations { get; } = new();
        public ScratchList<IPropertyReferenceOperation> MLPropertyReads { get; } = new();
        public ScratchList<IObjectCreationOperation> ObjectCreations { get; } = new();
        public ScratchList<IPropertyReferenceOperation> RandomSharedReads { get; } = new();
        public ScratchList<IBinaryOperation> Comparisons { get; } = new();
        public ScratchList<ICatchClauseOperation> CatchClauses { get; } = new();
        public ScratchList<ISimpleAssignmentOperation> MemberAssignments { get; } = new();
        public ScratchList<IReturnOperation> MLReturns { get; } = new();
        public ScratchList<ILocalReferenceOperation> LocalReferences { get; } = new();
        public ScratchList<IMethodReferenceOperation> MethodReferences { get; } = new();
        public ScratchList<IRelationalPatternOperation> RelationalPatterns { get; } = new();

        /// <summary>The scratch space of one compilation's walks: one per thread walking at a time.</summary>
        internal sealed class Pool
        {
            private readonly Stack<IndexScratch> _free = new();

            public IndexScratch Rent()
            {
                lock (_free)
                {
                    if (_free.Count > 0)
                    {
                        return _free.Pop();
                    }
                }

                return new IndexScratch();
            }

            public void Return(IndexScratch scratch)
            {
                lock (_free)
                {
                    _free.Push(scratch);
                }
            }
        }
    }

    /// <summary>A list that hands out its items as an array of their number and starts again empty.</summary>
    internal sealed class ScratchList<T>
        where T : class
    {
        private T[] _items = new T[16];
        private int _count;

        public void Add(T item)
        {
            if (_count == _items.Length)
            {
                Array.Resize(ref _items, _items.Length * 2);
            }

            _items[_count++] = item;
        }

        /// <summary>The items added since the last drain, or null when there were none.</summary>
        public T[]? Drain()
        {
            if (_count == 0)
            {
                return null;
            }

            var items = new T[_count];
            Array.Copy(_items, items, _count);
            // Not cleared: the next member overwrites the slots, and until then a pooled list holds
            // operations of the last member walked on its thread, nothing more.
            _count = 0;
            return items;
        }
    }
}
