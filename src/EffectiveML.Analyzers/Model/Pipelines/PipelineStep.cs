using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace EffectiveML.Analyzers.Model.Pipelines
{
    /// <summary>One estimator of a pipeline, with the columns it reads and writes.</summary>
    internal sealed class PipelineStep
    {
        public PipelineStep(
            StepKind kind,
            IOperation operation,
            ImmutableArray<ColumnFlow> flows,
            bool columnsKnown,
            TransformTable.Entry? transform = null,
            TrainerColumns? trainer = null)
        {
            Kind = kind;
            Operation = operation;
            Flows = flows;
            ColumnsKnown = columnsKnown;
            Transform = transform;
            Trainer = trainer;
        }

        public StepKind Kind { get; }

        /// <summary>The catalog call that creates the estimator, or, for an unknown step, where tracking stopped.</summary>
        public IOperation Operation { get; }

        public IInvocationOperation? Invocation => Operation as IInvocationOperation;

        public IMethodSymbol? Method => Invocation?.TargetMethod;

        /// <summary>Output columns and what each is computed from; empty for trainers and checkpoints.</summary>
        public ImmutableArray<ColumnFlow> Flows { get; }

        /// <summary>False when an output or input name could not be read (a variable, a LINQ-built array).</summary>
        public bool ColumnsKnown { get; }

        public TransformTable.Entry? Transform { get; }

        public TrainerColumns? Trainer { get; }

        public bool IsUnknown => Kind == StepKind.Unknown;

        public override string ToString() => Method?.Name ?? Kind.ToString();
    }

    /// <summary>The columns a trainer reads, and its row of the trainer table.</summary>
    internal sealed class TrainerColumns
    {
        public TrainerColumns(Column label, Column features, TrainerTable.Entry? entry)
        {
            Label = label;
            Features = features;
            Entry = entry;
        }

        public Column Label { get; }

        public Column Features { get; }

        /// <summary>Null for a trainer the table does not list; rules that need its class stay quiet.</summary>
        public TrainerTable.Entry? Entry { get; }
    }
}
