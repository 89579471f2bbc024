using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace EffectiveML.Analyzers.Model.Provenance
{
    /// <summary>What can be known about a file path at compile time.</summary>
    internal static class DataPaths
    {
        /// <summary>
        /// The end of a path as written: a constant, the last text of an interpolation, or the last
        /// part given to <c>Path.Combine</c>/<c>Path.Join</c>; null when it is not in the source.
        /// </summary>
        public static string? Ending(IOperation path, LocalValues values, MLApi api)
        {
            if (ValueReader.Constant(path, values) is string constant)
            {
                return constant;
            }

            switch (ValueReader.Resolve(path, values))
            {
                case IInterpolatedStringOperation interpolated when interpolated.Parts.Length > 0:
                    return interpolated.Parts[interpolated.Parts.Length - 1] is IInterpolatedStringTextOperation { Text: { } text }
                        ? ValueReader.Constant(text, values) as string
                        : null;
                case IInvocationOperation { TargetMethod: { Name: "Combine" or "Join" } method } combine
                    when MLApi.Is(method.ContainingType, api.Path) && combine.Arguments.Length > 0:
                    var last = combine.Arguments[combine.Arguments.Length - 1];
                    if (last.ArgumentKind == ArgumentKind.ParamArray)
                    {
                        var parts = ValueReader.ArrayElements(last.Value, values);
                        return parts.IsDefaultOrEmpty ? null : Ending(parts[parts.Length - 1], values, api);
                    }

                    return Ending(last.Value, values, api);
                default:
                    return null;
            }
        }

        public static bool IsCsv(IOperation path, LocalValues values, MLApi api) =>
            Ending(path, values, api) is { } ending && ending.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);
    }
}
