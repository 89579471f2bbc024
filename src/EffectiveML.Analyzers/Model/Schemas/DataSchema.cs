using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace EffectiveML.Analyzers.Model.Schemas
{
    /// <summary>A column of a data view as far as the code shows it: its type when known, and what made it.</summary>
    internal readonly struct SchemaColumn
    {
        public SchemaColumn(string name, ColumnType? type, int producer, ISymbol? member = null, ColumnType? keyValues = null)
        {
            Name = name;
            Type = type;
            Producer = producer;
            Member = member;
            KeyValues = keyValues;
        }

        public string Name { get; }

        /// <summary>Null when the code does not determine it: such a column is never reported.</summary>
        public ColumnType? Type { get; }

        /// <summary>The index of the pipeline step that wrote it; -1 for a column of the data the pipeline is fitted on.</summary>
        public int Producer { get; }

        /// <summary>For an input column: the member of the schema class that declares it.</summary>
        public ISymbol? Member { get; }

        /// <summary>For a key column made in view (<c>MapValueToKey</c>, a multiclass trainer's <c>PredictedLabel</c>): the type of the values it indexes.</summary>
        public ColumnType? KeyValues { get; }
    }

    /// <summary>
    /// The columns of a data view at one point: by name, with ML.NET's rule that a later column
    /// of the same name hides the earlier one. Complete when every column is listed, so that a
    /// name missing from it is missing from the data.
    /// </summary>
    internal sealed class DataSchema
    {
        private readonly Dictionary<string, SchemaColumn> _columns;
        private Dictionary<string, int>? _removedBy;

        public DataSchema(bool isComplete)
            : this(new Dictionary<string, SchemaColumn>(System.StringComparer.Ordinal), null, isComplete)
        {
        }

        private DataSchema(Dictionary<string, SchemaColumn> columns, Dictionary<string, int>? removedBy, bool isComplete)
        {
            _columns = columns;
            _removedBy = removedBy;
            IsComplete = isComplete;
        }

        public bool IsComplete { get; private set; }

        public IEnumerable<string> Names => _columns.Keys;

        public bool TryGet(string name, out SchemaColumn column) => _columns.TryGetValue(name, out column);

        public void Set(SchemaColumn column)
        {
            _columns[column.Name] = column;
            _removedBy?.Remove(column.Name);
        }

        /// <summary>Removes a column; <paramref name="step"/> is the pipeline step that drops it, if one does.</summary>
        public void Remove(string name, int step = -1)
        {
            if (_columns.Remove(name) && step >= 0)
            {
                (_removedBy ??= new Dictionary<string, int>(System.StringComparer.Ordinal))[name] = step;
            }
        }

        /// <summary>The step that dropped a column of this name, or -1.</summary>
        public int RemovedBy(string name) => _removedBy is not null && _removedBy.TryGetValue(name, out var step) ? step : -1;

        /// <summary>Something may have added columns the code does not name.</summary>
        public void MarkIncomplete() => IsComplete = false;

        /// <summary>A copy to change, with room for <paramref name="room"/> more columns so that adding them does not grow it.</summary>
        public DataSchema Copy(int room = 0)
        {
            var columns = new Dictionary<string, SchemaColumn>(_columns.Count + room, System.StringComparer.Ordinal);
            foreach (var pair in _columns)
            {
                columns.Add(pair.Key, pair.Value);
            }

            return new(columns, _removedBy is null ? null : new Dictionary<string, int>(_removedBy, System.StringComparer.Ordinal), IsComplete);
        }

        /// <summary>The listed column whose name is nearest to <paramref name="name"/> (a case difference first, then at most a third of the letters edited); null when none is near.</summary>
        public string? Closest(string name)
        {
            string? best = null;
            var bestDistance = int.MaxValue;
            foreach (var candidate in _columns.Keys)
            {
                if (string.Equals(candidate, name, System.StringComparison.OrdinalIgnoreCase))
                {
                    return candidate;
                }

                var distance = EditDistance(candidate, name);
                if (distance < bestDistance || (distance == bestDistance && string.CompareOrdinal(candidate, best) < 0))
                {
                    best = candidate;
                    bestDistance = distance;
                }
            }

            return best is not null && bestDistance <= System.Math.Max(1, name.Length / 3) ? best : null;
        }

        /// <summary>Levenshtein distance, ignoring case.</summary>
        public static int EditDistance(string a, string b)
        {
            var previous = new int[b.Length + 1];
            var current = new int[b.Length + 1];
            for (var j = 0; j <= b.Length; j++)
            {
                previous[j] = j;
            }

            for (var i = 1; i <= a.Length; i++)
            {
                current[0] = i;
                for (var j = 1; j <= b.Length; j++)
                {
                    var cost = char.ToUpperInvariant(a[i - 1]) == char.ToUpperInvariant(b[j - 1]) ? 0 : 1;
                    current[j] = System.Math.Min(System.Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                }

                (previous, current) = (current, previous);
            }

            return previous[b.Length];
        }
    }
}
