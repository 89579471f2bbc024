using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace EffectiveML.Analyzers.Model
{
    /// <summary>How ML.NET names the column of a schema class member: its <c>[ColumnName]</c>, else the member's name.</summary>
    internal static class SchemaColumns
    {
        public static bool IsColumnMember(ISymbol member) =>
            member is IPropertySymbol { IsStatic: false, DeclaredAccessibility: Accessibility.Public, Parameters.Length: 0 }
                or IFieldSymbol { IsStatic: false, IsConst: false, DeclaredAccessibility: Accessibility.Public, IsImplicitlyDeclared: false };

        /// <summary>The <c>[ColumnName("...")]</c> of a member, or null when it has none.</summary>
        public static string? ColumnNameAttribute(ISymbol member, MLApi api)
        {
            foreach (var attribute in member.GetAttributes())
            {
                if (MLApi.Is(attribute.AttributeClass, api.ColumnNameAttribute)
                    && attribute.ConstructorArguments.Length == 1
                    && attribute.ConstructorArguments[0].Value is string name)
                {
                    return name;
                }
            }

            return null;
        }

        public static string ColumnName(ISymbol member, MLApi api) => ColumnNameAttribute(member, api) ?? member.Name;
    }

    /// <summary>
    /// The columns of one schema class, read once per compilation (<see cref="MLApi.Schema"/>):
    /// members and attributes are read for every comparison and every load that names a column,
    /// and a few schema classes serve a whole project.
    /// </summary>
    internal sealed class SchemaType
    {
        private readonly Dictionary<ISymbol, string> _columnByMember = new(SymbolEqualityComparer.Default);
        private readonly HashSet<string> _columns = new(System.StringComparer.Ordinal);

        public SchemaType(INamedTypeSymbol type, MLApi api)
        {
            var named = new List<(string, ISymbol)>();
            var declared = new List<string>();
            foreach (var member in type.GetMembers())
            {
                if (!SchemaColumns.IsColumnMember(member))
                {
                    continue;
                }

                if (SchemaColumns.ColumnNameAttribute(member, api) is { } attribute)
                {
                    declared.Add(attribute);
                    _columnByMember[member] = attribute;
                    _columns.Add(attribute);
                }
                else
                {
                    named.Add((member.Name, member));
                    _columnByMember[member] = member.Name;
                    _columns.Add(member.Name);
                }
            }

            Named = named;
            Declared = declared;
        }

        /// <summary>The column members without <c>[ColumnName]</c>, by their names, in declaration order.</summary>
        public IReadOnlyList<(string Name, ISymbol Member)> Named { get; }

        /// <summary>The names that <c>[ColumnName]</c> gives, in declaration order.</summary>
        public IReadOnlyList<string> Declared { get; }

        /// <summary>The column a member of the class is, or null for a member that is no column.</summary>
        public string? ColumnOf(ISymbol member) => _columnByMember.TryGetValue(member.OriginalDefinition, out var column) ? column : null;

        public bool HasColumn(string name) => _columns.Contains(name);
    }
}
