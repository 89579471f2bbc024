using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace EffectiveML.Analyzers.Model
{
    /// <summary>
    /// One part of a member's model (its pipelines, its data provenance, its training sites, its
    /// input schemas). A part is created when a rule first asks for it and computes each thing it
    /// holds once: a rule on another thread waits for a list being computed rather than compute it
    /// again. Parts ask each other through <see cref="Member"/>; a part never holds its lock while
    /// it builds a value that may ask another part.
    /// </summary>
    internal abstract class ModelPart<TSelf>
        where TSelf : ModelPart<TSelf>
    {
        protected ModelPart(MemberModel member) => Member = member;

        protected MemberModel Member { get; }

        protected LocalValues Values => Member.Values;

        protected MLApi Api => Member.Api;

        /// <summary>A list or table of the part, computed once under the part's lock.</summary>
        protected T Once<T>(ref T? field, Func<TSelf, T> compute)
            where T : class
        {
            var value = Volatile.Read(ref field);
            if (value is not null)
            {
                return value;
            }

            lock (this)
            {
                return field ??= compute((TSelf)this);
            }
        }

        /// <summary>A value built once per operation; building runs outside the lock and may recurse into other values.</summary>
        protected TValue Cached<TValue>(ref Dictionary<IOperation, TValue>? cache, IOperation key, Func<TSelf, IOperation, TValue> build)
        {
            lock (this)
            {
                if (cache is not null && cache.TryGetValue(key, out var known))
                {
                    return known;
                }
            }

            var built = build((TSelf)this, key);

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

        /// <summary>The member's ML calls whose target <paramref name="keep"/> accepts, at their exact number.</summary>
        protected IInvocationOperation[] MLCallsWhere(Func<MemberModel, IMethodSymbol, bool> keep)
        {
            var calls = Member.MLInvocations;
            var count = calls.Count;
            var kept = 0;
            var keeps = count <= 64 ? stackalloc bool[count] : new bool[count];
            for (var i = 0; i < count; i++)
            {
                if (keep(Member, calls[i].TargetMethod))
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
    }
}
