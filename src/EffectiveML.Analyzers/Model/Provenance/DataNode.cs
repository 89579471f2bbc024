using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace EffectiveML.Analyzers.Model.Provenance
{
    internal enum DataKind
    {
        /// <summary>Read by a loader in view (<c>LoadFromTextFile</c>, <c>loader.Load</c>, <c>LoadFromEnumerable</c>…).</summary>
        Loaded,
        /// <summary>The <c>TrainSet</c> of a split in view.</summary>
        TrainSide,
        /// <summary>The <c>TestSet</c> of a split in view.</summary>
        TestSide,
        /// <summary>Some or all rows of another data view: shuffled, taken, skipped, filtered, cached.</summary>
        Rows,
        /// <summary><c>model.Transform(data)</c>: the same rows with the model's columns added.</summary>
        Transformed,
        /// <summary>A parameter, field, call result or reassigned local: not in view.</summary>
        Unknown,
    }

    /// <summary>Where an <c>IDataView</c> comes from, as far as one member shows it.</summary>
    internal sealed class DataNode
    {
        public DataNode(
            DataKind kind,
            IOperation anchor,
            DataNode? source = null,
            ModelNode? model = null,
            IInvocationOperation? split = null,
            TextLoading? loading = null,
            ISymbol? stableSymbol = null)
        {
            Kind = kind;
            Anchor = anchor;
            Source = source;
            Model = model;
            Split = split;
            Loading = loading;
            StableSymbol = stableSymbol;
        }

        public DataKind Kind { get; }

        /// <summary>The operation that makes the value: the load, the split-side read, the Transform call, or where tracking stopped.</summary>
        public IOperation Anchor { get; }

        /// <summary>The data this one is made from (split, row selection, transform input).</summary>
        public DataNode? Source { get; }

        /// <summary>For <see cref="DataKind.Transformed"/>: the model applied.</summary>
        public ModelNode? Model { get; }

        /// <summary>For split sides: the <c>TrainTestSplit</c> call.</summary>
        public IInvocationOperation? Split { get; }

        /// <summary>For text files loaded in view: the loader's settings and the path.</summary>
        public TextLoading? Loading { get; }

        /// <summary>A parameter the member never reassigns: the same value wherever it is read.</summary>
        public ISymbol? StableSymbol { get; }

        public bool IsKnown => Kind != DataKind.Unknown;

        /// <summary>
        /// This node and every node whose rows contain its rows: a split side's source, a
        /// selection's source, a transform's input.
        /// </summary>
        public IEnumerable<DataNode> RowAncestorsOrSelf()
        {
            for (var node = this; node is not null; node = node.Source)
            {
                yield return node;
            }
        }

        /// <summary>
        /// The two views share rows by lineage: one is made from the other (so a model fitted on
        /// one has seen rows of the other). Two sides of one split share none.
        /// </summary>
        public static bool ShareRows(DataNode a, DataNode b) => IsAncestorOrSelf(a, b) || IsAncestorOrSelf(b, a);

        /// <summary><paramref name="ancestor"/> contains every row of <paramref name="node"/>.</summary>
        public static bool IsAncestorOrSelf(DataNode ancestor, DataNode node)
        {
            foreach (var candidate in node.RowAncestorsOrSelf())
            {
                if (candidate.SameAs(ancestor))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Denotes the same data: the same load, split side, selection, or the same model applied to the same data.</summary>
        public bool SameAs(DataNode other)
        {
            if (ReferenceEquals(this, other))
            {
                return true;
            }

            if (Kind != other.Kind)
            {
                return false;
            }

            return Kind switch
            {
                DataKind.TrainSide or DataKind.TestSide => Split == other.Split,
                DataKind.Transformed => Model!.SameAs(other.Model!) && Source!.SameAs(other.Source!),
                DataKind.Unknown => StableSymbol is not null && SymbolEqualityComparer.Default.Equals(StableSymbol, other.StableSymbol),
                _ => Anchor == other.Anchor,
            };
        }

        /// <summary>The loads this data comes from, or null when a step of its lineage is not in view.</summary>
        public List<DataNode>? Loads()
        {
            var loads = new List<DataNode>();
            foreach (var node in RowAncestorsOrSelf())
            {
                switch (node.Kind)
                {
                    case DataKind.Loaded:
                        loads.Add(node);
                        return loads;
                    case DataKind.Unknown:
                        return null;
                }
            }

            return null;
        }
    }

    internal enum ModelKind
    {
        /// <summary>The result of <c>estimator.Fit(data)</c> in view.</summary>
        Fitted,
        Unknown,
    }

    /// <summary>Where an <c>ITransformer</c> comes from within a member.</summary>
    internal sealed class ModelNode
    {
        public ModelNode(ModelKind kind, IOperation anchor, IOperation? estimator = null, DataNode? trainedOn = null, ISymbol? stableSymbol = null)
        {
            Kind = kind;
            Anchor = anchor;
            Estimator = estimator;
            TrainedOn = trainedOn;
            StableSymbol = stableSymbol;
        }

        public ModelKind Kind { get; }

        /// <summary>The <c>Fit</c> call, or where tracking stopped.</summary>
        public IOperation Anchor { get; }

        /// <summary>The estimator that was fitted (the receiver of <c>Fit</c>).</summary>
        public IOperation? Estimator { get; }

        /// <summary>The data the model was fitted on.</summary>
        public DataNode? TrainedOn { get; }

        public ISymbol? StableSymbol { get; }

        public bool SameAs(ModelNode other) =>
            ReferenceEquals(this, other)
            || (Kind == other.Kind
                && (Kind == ModelKind.Fitted
                    ? Anchor == other.Anchor
                    : StableSymbol is not null && SymbolEqualityComparer.Default.Equals(StableSymbol, other.StableSymbol)));
    }
}
