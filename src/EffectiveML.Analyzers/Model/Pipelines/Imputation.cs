using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace EffectiveML.Analyzers.Model.Pipelines
{
    /// <summary>How a <c>ReplaceMissingValues</c> call chooses its replacement.</summary>
    internal static class Imputation
    {
        public const string DefaultValue = "DefaultValue";
        public const string Mean = "Mean";

        /// <summary>
        /// The replacement mode's name ("Mean", "DefaultValue" …) when it is given as a constant or
        /// left to its default; null when it cannot be read.
        /// </summary>
        public static string? Mode(IInvocationOperation call, MLApi api, LocalValues values)
        {
            var argument = ValueReader.Argument(call, "replacementMode");
            if (argument is null)
            {
                return null;
            }

            if (argument.ArgumentKind == ArgumentKind.DefaultValue)
            {
                return DefaultValue;
            }

            var value = ValueReader.Resolve(argument.Value, values);
            if (value is IFieldReferenceOperation { Field: { } field } && MLApi.Is(field.ContainingType, api.ReplacementMode))
            {
                return field.Name;
            }

            var constant = ValueReader.Constant(argument.Value, values);
            if (constant is not null && api.ReplacementMode is { } modes)
            {
                foreach (var member in modes.GetMembers())
                {
                    if (member is IFieldSymbol { HasConstantValue: true } mode && Equals(mode.ConstantValue, constant))
                    {
                        return mode.Name;
                    }
                }
            }

            return null;
        }

        /// <summary>Every mode but DefaultValue is computed from the data the imputer is fitted on.</summary>
        public static bool LearnsFromData(string? mode) => mode is not null && mode != DefaultValue;
    }
}
