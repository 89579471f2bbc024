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
}
