using Microsoft.CodeAnalysis;

namespace EffectiveML.Analyzers.Model.Schemas
{
    /// <summary>Where a column of a pipeline's data comes from, in words for a message.</summary>
    internal static class ColumnOrigin
    {
        /// <summary>"the float member 'HouseData.Size'", "the output of 'Concatenate'", "a column of the loaded data".</summary>
        public static string Describe(SchemaColumn column, PipelineSchema flow)
        {
            if (column.Producer >= 0 && column.Producer < flow.Pipeline.Steps.Length)
            {
                return $"the output of '{flow.Pipeline.Steps[column.Producer]}'";
            }

            if (column.Member is { } member)
            {
                var type = member is IPropertySymbol property ? property.Type : (member as IFieldSymbol)?.Type;
                return $"the {type?.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) ?? "?"} member '{member.ContainingType.Name}.{member.Name}'";
            }

            return "a column of the loaded data";
        }
    }
}
