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

        /// <summary>The member's attribute of <paramref name="attributeType"/>; null when it has none (or the type is not in the compilation).</summary>
        public static AttributeData? Attribute(ISymbol member, INamedTypeSymbol? attributeType) => Attribute(member.GetAttributes(), attributeType);

        public static AttributeData? Attribute(System.Collections.Immutable.ImmutableArray<AttributeData> attributes, INamedTypeSymbol? attributeType)
        {
            foreach (var attribute in attributes)
            {
                if (MLApi.Is(attribute.AttributeClass, attributeType))
                {
                    return attribute;
                }
            }

            return null;
        }
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
        private readonly HashSet<string> _vectors = new(System.StringComparer.Ordinal);

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

                if (IsDeclaredVector(member, api))
                {
                    _vectors.Add(SchemaColumns.ColumnName(member, api));
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

        /// <summary>
        /// The column is one vector declared as such: an array member loaded from a range or list of
        /// file columns (<c>[LoadColumn(0, 63)]</c>) or given a size (<c>[VectorType(64)]</c>).
        /// </summary>
        public bool IsDeclaredVector(string name) => _vectors.Contains(name);

        private static bool IsDeclaredVector(ISymbol member, MLApi api)
        {
            var type = member switch
            {
                IPropertySymbol property => property.Type,
                IFieldSymbol field => field.Type,
                _ => null,
            };
            if (type is not IArrayTypeSymbol)
            {
                return false;
            }

            foreach (var attribute in member.GetAttributes())
            {
                if (MLApi.Is(attribute.AttributeClass, api.VectorTypeAttribute)
                    || (MLApi.Is(attribute.AttributeClass, api.LoadColumnAttribute)
                        && (attribute.ConstructorArguments.Length == 2
                            || (attribute.ConstructorArguments.Length == 1
                                && attribute.ConstructorArguments[0] is { Kind: TypedConstantKind.Array, Values.Length: > 1 }))))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
