using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace EffectiveML.Analyzers.Model.Schemas
{
    /// <summary>How a data view is made from a class: the two loaders read its members by different rules.</summary>
    internal enum SchemaSource
    {
        /// <summary><c>LoadFromTextFile&lt;T&gt;</c> and <c>CreateTextLoader&lt;T&gt;</c>: <c>[LoadColumn]</c> decides the shape, <c>[VectorType]</c> and <c>[NoColumn]</c> are not read.</summary>
        TextFile,
        /// <summary><c>LoadFromEnumerable&lt;T&gt;</c>: the member's type decides, with <c>[VectorType]</c> for a fixed size and <c>[NoColumn]</c> to leave a member out.</summary>
        Enumerable,
    }

    /// <summary>
    /// The columns a schema class gives a data view, with their types, by ML.NET's rules for each
    /// loader (verified against Microsoft.ML, see <c>SchemaFactsTests</c>). A member whose type
    /// ML.NET cannot load, or that the text loader would reject, leaves its column's type unknown
    /// and the schema incomplete: the load fails at run time, and EML4106 says why.
    /// </summary>
    internal static class SchemaClassColumns
    {
        public static DataSchema Read(INamedTypeSymbol type, SchemaSource source, MLApi api)
        {
            var schema = new DataSchema(isComplete: true);
            for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
            {
                foreach (var member in current.GetMembers())
                {
                    if (!SchemaColumns.IsColumnMember(member) || member.IsOverride)
                    {
                        continue;
                    }

                    var name = SchemaColumns.ColumnName(member, api);
                    if (schema.TryGet(name, out _))
                    {
                        continue;
                    }

                    var memberType = member is IPropertySymbol property ? property.Type : ((IFieldSymbol)member).Type;
                    ColumnType? columnType;
                    if (source == SchemaSource.Enumerable)
                    {
                        if (SchemaColumns.Attribute(member, api.NoColumnAttribute) is not null)
                        {
                            continue;
                        }

                        columnType = EnumerableType(member, memberType, api);
                    }
                    else
                    {
                        columnType = TextType(member, memberType, api, out var loads);
                        if (!loads)
                        {
                            schema.MarkIncomplete();
                        }
                    }

                    schema.Set(new SchemaColumn(name, columnType, producer: -1, member));
                }
            }

            return schema;
        }

        /// <summary>
        /// The members a prediction engine or <c>CreateEnumerable</c> writes columns into: public
        /// settable fields and properties without <c>[NoColumn]</c>, with their column names and the
        /// column type each member's type binds to (null when ML.NET cannot bind that type).
        /// </summary>
        public static List<(string Column, ISymbol Member, ITypeSymbol MemberType, ColumnType? Type)> Writable(INamedTypeSymbol type, MLApi api)
        {
            var columns = new List<(string, ISymbol, ITypeSymbol, ColumnType?)>();
            var seen = new HashSet<string>(System.StringComparer.Ordinal);
            for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
            {
                foreach (var member in current.GetMembers())
                {
                    var memberType = member switch
                    {
                        IFieldSymbol { IsReadOnly: false } field => field.Type,
                        IPropertySymbol { SetMethod.DeclaredAccessibility: Accessibility.Public } property => property.Type,
                        _ => null,
                    };
                    if (memberType is null || !SchemaColumns.IsColumnMember(member) || member.IsOverride || SchemaColumns.Attribute(member, api.NoColumnAttribute) is not null)
                    {
                        continue;
                    }

                    var name = SchemaColumns.ColumnName(member, api);
                    if (seen.Add(name))
                    {
                        columns.Add((name, member, memberType, EnumerableType(member, memberType, api)));
                    }
                }
            }

            return columns;
        }

        /// <summary>The item type of a scalar member type; null for a type ML.NET does not load (decimal, nullable, char, a class).</summary>
        public static ItemType? Item(ITypeSymbol type) => type.SpecialType switch
        {
            SpecialType.System_Single => ItemType.Single,
            SpecialType.System_Double => ItemType.Double,
            SpecialType.System_Boolean => ItemType.Boolean,
            SpecialType.System_String => ItemType.String,
            SpecialType.System_SByte => ItemType.SByte,
            SpecialType.System_Byte => ItemType.Byte,
            SpecialType.System_Int16 => ItemType.Int16,
            SpecialType.System_UInt16 => ItemType.UInt16,
            SpecialType.System_Int32 => ItemType.Int32,
            SpecialType.System_UInt32 => ItemType.UInt32,
            SpecialType.System_Int64 => ItemType.Int64,
            SpecialType.System_UInt64 => ItemType.UInt64,
            SpecialType.System_DateTime => ItemType.DateTime,
            _ => null,
        };

        private static ColumnType? EnumerableType(ISymbol member, ITypeSymbol memberType, MLApi api)
        {
            var elementType = ElementType(memberType, api);
            var item = Item(elementType ?? memberType);
            if (item is not { } itemType)
            {
                return null;
            }

            var isKey = SchemaColumns.Attribute(member, api.KeyTypeAttribute) is not null;
            if (isKey && itemType is not (ItemType.Byte or ItemType.UInt16 or ItemType.UInt32 or ItemType.UInt64))
            {
                return null;
            }

            if (elementType is null)
            {
                return new ColumnType(ColumnShape.Scalar, itemType, isKey);
            }

            var size = VectorSize(member, api);
            return size > 0
                ? new ColumnType(ColumnShape.Vector, itemType, isKey, size)
                : new ColumnType(ColumnShape.VarVector, itemType, isKey);
        }

        private static ColumnType? TextType(ISymbol member, ITypeSymbol memberType, MLApi api, out bool loads)
        {
            loads = false;
            if (SchemaColumns.Attribute(member, api.LoadColumnAttribute) is not { } loadColumn)
            {
                return null;
            }

            var elementType = ElementType(memberType, api);
            var item = Item(elementType ?? memberType);
            if (item is not { } itemType)
            {
                return null;
            }

            var isKey = SchemaColumns.Attribute(member, api.KeyTypeAttribute) is not null;
            var arguments = loadColumn.ConstructorArguments;
            var indexes = arguments.Length switch
            {
                1 when arguments[0].Kind == TypedConstantKind.Array => arguments[0].Values.Length,
                1 => 1,
                2 when arguments[0].Value is int start && arguments[1].Value is int end && end >= start => end - start + 1,
                _ => 0,
            };
            if (indexes == 0)
            {
                return null;
            }

            // The attribute alone decides the shape: a range or a list of several indexes is a
            // vector even on a scalar member, one index is one value even on an array member
            // (EML4106 reports both mismatches).
            loads = true;
            var range = arguments.Length == 2 || (arguments.Length == 1 && arguments[0].Kind == TypedConstantKind.Array && indexes > 1);
            return range
                ? new ColumnType(ColumnShape.Vector, itemType, isKey, indexes)
                : new ColumnType(ColumnShape.Scalar, itemType, isKey);
        }

        /// <summary>The element type of an array or <c>VBuffer&lt;T&gt;</c>; null for a scalar type.</summary>
        private static ITypeSymbol? ElementType(ITypeSymbol type, MLApi api) => type switch
        {
            IArrayTypeSymbol { Rank: 1 } array => array.ElementType,
            INamedTypeSymbol { IsGenericType: true } named when MLApi.Is(named.OriginalDefinition, api.VBuffer) => named.TypeArguments[0],
            _ => null,
        };

        /// <summary>The size <c>[VectorType(n, …)]</c> states (the product of its dimensions); 0 when it states none.</summary>
        private static int VectorSize(ISymbol member, MLApi api)
        {
            foreach (var attribute in member.GetAttributes())
            {
                if (!MLApi.Is(attribute.AttributeClass, api.VectorTypeAttribute) || attribute.ConstructorArguments.Length != 1)
                {
                    continue;
                }

                var dimensions = attribute.ConstructorArguments[0];
                if (dimensions.Kind == TypedConstantKind.Array)
                {
                    var size = dimensions.Values.Length > 0 ? 1 : 0;
                    foreach (var dimension in dimensions.Values)
                    {
                        size = dimension.Value is int d && d > 0 ? size * d : 0;
                    }

                    return size;
                }

                return dimensions.Value is int single && single > 0 ? single : 0;
            }

            return 0;
        }
    }
}
