using Microsoft.CodeAnalysis;

namespace EffectiveML.Analyzers.Model.Pipelines
{
    /// <summary>
    /// A column named by a step. The name is null when it cannot be read at compile time. The
    /// schema checks of a later wave attach types to columns through a separate map keyed by
    /// (step, column), so this shape stays as it is.
    /// </summary>
    internal sealed class Column
    {
        public Column(string? name, IOperation? source)
        {
            Name = name;
            Source = source;
        }

        public string? Name { get; }

        /// <summary>The argument (or initializer value) the name was read from; null for a parameter's default.</summary>
        public IOperation? Source { get; }

        public bool IsKnown => Name is not null;

        public override string ToString() => Name ?? "?";
    }

    /// <summary>One output column of a step and the input columns its values are computed from.</summary>
    internal sealed class ColumnFlow
    {
        public ColumnFlow(Column output, System.Collections.Immutable.ImmutableArray<Column> inputs)
        {
            Output = output;
            Inputs = inputs;
        }

        public Column Output { get; }

        public System.Collections.Immutable.ImmutableArray<Column> Inputs { get; }
    }
}
