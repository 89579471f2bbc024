using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using EffectiveML.Analyzers.Model.Provenance;

namespace EffectiveML.Analyzers.Model.Schemas
{
    /// <summary>
    /// The schema a non-generic text loader reads: its <c>TextLoader.Column</c> array, written in
    /// view as <c>new TextLoader.Column(name, DataKind.X, index)</c> or
    /// <c>(name, DataKind.X, minIndex, maxIndex)</c>. Any other form leaves the schema unknown.
    /// </summary>
    internal static class TextLoaderColumns
    {
        public static DataSchema? Read(TextLoading loading, MLApi api, LocalValues values)
        {
            IOperation? columns;
            if (loading.Options is { } options)
            {
                var setting = ValueReader.Member(options, "Columns", values);
                columns = setting.State == SettingState.Given ? setting.Value : null;
            }
            else
            {
                columns = ValueReader.Argument(loading.Call, "columns") is { ArgumentKind: not ArgumentKind.DefaultValue } argument ? argument.Value : null;
            }

            if (columns is null)
            {
                return null;
            }

            var elements = ValueReader.ArrayElements(columns, values);
            if (elements.IsDefaultOrEmpty)
            {
                return null;
            }

            var schema = new DataSchema(isComplete: true);
            foreach (var element in elements)
            {
                if (ValueReader.Creation(element, values) is not { Initializer: null } creation
                    || !MLApi.Is(creation.Type, api.TextLoaderColumn)
                    || creation.Arguments.Length is not (3 or 4)
                    || ValueReader.String(creation.Arguments[0].Value, values) is not { } name
                    || !IsDataKind(creation.Arguments[1].Value.Type, api)
                    || ItemOf(creation.Arguments[1].Value, values) is not { } item
                    || ValueReader.Constant(creation.Arguments[2].Value, values) is not int first)
                {
                    return null;
                }

                ColumnType type;
                if (creation.Arguments.Length == 3 && creation.Arguments[2].Value.Type?.SpecialType == SpecialType.System_Int32)
                {
                    type = ColumnType.Scalar(item);
                }
                else if (creation.Arguments.Length == 4 && ValueReader.Constant(creation.Arguments[3].Value, values) is int last && last >= first)
                {
                    type = ColumnType.VectorOf(item, last - first + 1);
                }
                else
                {
                    return null;
                }

                schema.Set(new SchemaColumn(name, type, producer: -1));
            }

            return schema;
        }

        private static bool IsDataKind(ITypeSymbol? type, MLApi api) => MLApi.Is(type, api.DataKind);

        /// <summary>The item type a <c>DataKind</c> constant names.</summary>
        private static ItemType? ItemOf(IOperation value, LocalValues values)
        {
            var operation = ValueReader.Resolve(value, values);
            if (operation is IFieldReferenceOperation { Field: { IsConst: true } field }
                && System.Enum.TryParse<ItemType>(field.Name, out var item))
            {
                return item;
            }

            return null;
        }
    }
}
