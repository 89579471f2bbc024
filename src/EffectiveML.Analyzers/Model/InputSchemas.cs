using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace EffectiveML.Analyzers.Model
{
    /// <summary>
    /// The input schema classes one member loads or predicts with, and the columns their members
    /// declare.
    /// </summary>
    internal sealed class InputSchemas : ModelPart<InputSchemas>
    {
        private IReadOnlyList<INamedTypeSymbol>? _types;
        private Dictionary<string, ISymbol?>? _membersByColumn;

        public InputSchemas(MemberModel member)
            : base(member)
        {
        }

        /// <summary>
        /// The input schema classes in view: type arguments of <c>LoadFromTextFile&lt;T&gt;</c>,
        /// <c>LoadFromEnumerable&lt;T&gt;</c> and <c>CreateTextLoader&lt;T&gt;</c>, and the
        /// <c>TSrc</c> of <c>CreatePredictionEngine&lt;TSrc, TDst&gt;</c>, in the member. Output
        /// classes (<c>TDst</c>, <c>CreateEnumerable&lt;T&gt;</c>) name their members after the
        /// columns, not the other way round.
        /// </summary>
        public IReadOnlyList<INamedTypeSymbol> Types => Once(ref _types, static part => part.CollectTypes());

        /// <summary>
        /// The member of an input schema class in view whose column a name spells: one without
        /// <c>[ColumnName]</c> and of that name. Null when none is, or when some member declares that
        /// column with <c>[ColumnName]</c> (the name is then the column's real name).
        /// </summary>
        public ISymbol? MemberNamed(string columnName) =>
            Once(ref _membersByColumn, static part => part.CollectMembers()).TryGetValue(columnName, out var member) ? member : null;

        private IReadOnlyList<INamedTypeSymbol> CollectTypes()
        {
            List<INamedTypeSymbol>? schemaTypes = null;
            foreach (var invocation in Member.MLInvocations)
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
                        && !Member.Symbols.IsMLSymbol(schema)
                        && (schemaTypes is null || !schemaTypes.Contains(schema, SymbolEqualityComparer.Default)))
                    {
                        (schemaTypes ??= new List<INamedTypeSymbol>()).Add(schema);
                    }
                }
            }

            return schemaTypes ?? (IReadOnlyList<INamedTypeSymbol>)Array.Empty<INamedTypeSymbol>();
        }

        private Dictionary<string, ISymbol?> CollectMembers()
        {
            var byName = new Dictionary<string, ISymbol?>(StringComparer.Ordinal);
            List<string>? declared = null;
            foreach (var schema in Types)
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
    }
}
