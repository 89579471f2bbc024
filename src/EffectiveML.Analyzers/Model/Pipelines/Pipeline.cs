using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace EffectiveML.Analyzers.Model.Pipelines
{
    /// <summary>A column as it exists at one point of a pipeline: written by a step, or read from the input data (step -1).</summary>
    internal readonly struct ColumnVersion : System.IEquatable<ColumnVersion>
    {
        public ColumnVersion(string name, int producer)
        {
            Name = name;
            Producer = producer;
        }

        public string Name { get; }

        /// <summary>The index of the step that wrote it, or -1 for a column of the data the pipeline is fitted on.</summary>
        public int Producer { get; }

        public bool IsInput => Producer < 0;

        public bool Equals(ColumnVersion other) => Producer == other.Producer && Name == other.Name;

        public override bool Equals(object? obj) => obj is ColumnVersion other && Equals(other);

        public override int GetHashCode() => (Name.GetHashCode() * 397) ^ Producer;
    }

    /// <summary>
    /// The ordered steps of one ML.NET estimator chain, as built in view within a member: fluent
    /// <c>Append</c> calls, chains split across locals, <c>new EstimatorChain&lt;T&gt;()</c>, and
    /// single catalog estimators. What cannot be followed is an <see cref="StepKind.Unknown"/> step,
    /// so a rule can tell "no normalizer" from "a part we cannot see".
    /// </summary>
    internal sealed class Pipeline
    {
        public Pipeline(IOperation value, ImmutableArray<PipelineStep> steps)
        {
            Value = value;
            Steps = steps;
        }

        /// <summary>The expression whose value is this chain.</summary>
        public IOperation Value { get; }

        public ImmutableArray<PipelineStep> Steps { get; }

        /// <summary>Every step is known: the chain starts in view and nothing in it is a value from elsewhere.</summary>
        public bool IsFullyKnown
        {
            get
            {
                foreach (var step in Steps)
                {
                    if (step.IsUnknown)
                    {
                        return false;
                    }
                }

                return true;
            }
        }

        public int IndexOf(IOperation stepOperation)
        {
            for (var i = 0; i < Steps.Length; i++)
            {
                if (Steps[i].Operation == stepOperation)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>
        /// The step that last writes <paramref name="column"/> before step <paramref name="before"/>,
        /// and the flow that writes it. False when a step in between is unknown or names columns we
        /// cannot read: it might write the column.
        /// </summary>
        public bool TryFindProducer(string column, int before, out int producer, out ColumnFlow? flow)
        {
            for (var i = before - 1; i >= 0; i--)
            {
                var step = Steps[i];
                if (step.IsUnknown || !step.ColumnsKnown)
                {
                    producer = -1;
                    flow = null;
                    return false;
                }

                foreach (var candidate in step.Flows)
                {
                    if (candidate.Output.Name == column)
                    {
                        producer = i;
                        flow = candidate;
                        return true;
                    }
                }
            }

            producer = -1;
            flow = null;
            return true;
        }

        /// <summary>
        /// Every column version the value of <paramref name="column"/> at step <paramref name="before"/>
        /// is computed from, itself included; null when an unknown step lies on the way.
        /// </summary>
        /// <param name="readBy">When given, receives for each version the input column of the step that read it.</param>
        public HashSet<ColumnVersion>? Lineage(string column, int before, Dictionary<ColumnVersion, Column>? readBy = null)
        {
            var lineage = new HashSet<ColumnVersion>();
            var pending = new Stack<(string Name, int Before, Column? Reader)>();
            pending.Push((column, before, null));
            while (pending.Count > 0)
            {
                var (name, limit, reader) = pending.Pop();
                if (!TryFindProducer(name, limit, out var producer, out var flow))
                {
                    return null;
                }

                var version = new ColumnVersion(name, producer);
                if (reader is not null && readBy is not null && !readBy.ContainsKey(version))
                {
                    readBy.Add(version, reader);
                }

                if (!lineage.Add(version) || flow is null)
                {
                    continue;
                }

                foreach (var input in flow.Inputs)
                {
                    if (input.Name is null)
                    {
                        return null;
                    }

                    pending.Push((input.Name, producer, input));
                }
            }

            return lineage;
        }
    }
}
