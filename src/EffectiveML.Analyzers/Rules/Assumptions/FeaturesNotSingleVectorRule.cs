using System.Collections.Generic;
using System.Collections.Immutable;
using EffectiveML.Analyzers.Infrastructure;
using EffectiveML.Analyzers.Model.Pipelines;
using EffectiveML.Analyzers.Model.Schemas;
using Microsoft.CodeAnalysis;

namespace EffectiveML.Analyzers.Rules.Assumptions
{
    /// <summary>
    /// EML4103: a trainer's feature column is not a known-size vector of Single: a Concatenate over
    /// mixed item types, Double or integer inputs without <c>ConvertType</c>, an array member
    /// without <c>[VectorType(n)]</c>, or a scalar column used directly as the features.
    /// </summary>
    public sealed class FeaturesNotSingleVectorRule : Rule
    {
        public const string Id = "EML4103";

        internal static readonly DiagnosticDescriptor Descriptor = Descriptors.Create(
            Id,
            "Features column is not a vector of Single",
            "{0} ({1})",
            DiagnosticSeverity.Warning,
            "ML.NET's trainers read their features as one known-size vector of Single. A Double or integer column, a scalar, an array without a declared size, or a Concatenate of columns with different item types fails only when Fit runs. Convert the columns with ConvertType before concatenating them, and give array members [VectorType(n)].");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptor);

        private static readonly ColumnType SingleVector = ColumnType.VectorOf(ItemType.Single);

        internal override void Register(RuleRegistry registry)
        {
            registry.OnMember((member, model) =>
            {
                // Most members fit nothing: they need no column types.
                if (model.Sites.Fits.Count == 0)
                {
                    return;
                }

                HashSet<IOperation>? reported = null;
                foreach (var flow in model.Schemas.Flows)
                {
                    foreach (var read in flow.Reads)
                    {
                        if (read.Role != ColumnRole.Feature || read.Found is not { } features)
                        {
                            continue;
                        }

                        if (ConcatenationError(flow, features) is { } rejected)
                        {
                            var (input, quoted) = rejected;
                            var at = input.Column.Source ?? flow.Pipeline.Steps[input.Step].Operation;
                            if ((reported ??= new HashSet<IOperation>()).Add(at))
                            {
                                member.ReportDiagnostic(Diagnostic.Create(
                                    Descriptor,
                                    at.Syntax.GetLocation(),
                                    quoted,
                                    $"'{input.Column.Name}' is {ColumnOrigin.Describe(input.Found!.Value, flow)}; the trainer reads the concatenation '{features.Name}' as its features; {(input.Found.Value.Type!.Value.IsKey ? "encode it with OneHotEncoding instead" : "convert it with ConvertType first")}"));
                            }

                            continue;
                        }

                        if (features.Type is not { } type || type.SameShape(SingleVector))
                        {
                            continue;
                        }

                        var location = read.Column.Source ?? flow.Pipeline.Steps[read.Step].Operation;
                        if ((reported ??= new HashSet<IOperation>()).Add(location))
                        {
                            member.ReportDiagnostic(Diagnostic.Create(
                                Descriptor,
                                location.Syntax.GetLocation(),
                                $"Schema mismatch for feature column '{features.Name}': expected Vector<Single>, got {type}",
                                $"'{features.Name}' is {ColumnOrigin.Describe(features, flow)}{Advice(type)}"));
                        }
                    }
                }
            });
        }

        /// <summary>
        /// The input of the Concatenate that makes the features which ML.NET rejects, with ML.NET's
        /// message: the first key input, or the first input whose item type differs from the
        /// first input's. Null when the features are not such a Concatenate.
        /// </summary>
        private static (ColumnRead Input, string Quoted)? ConcatenationError(PipelineSchema flow, SchemaColumn features)
        {
            if (ConcatenationMaking(flow, features) is not { } concatenation)
            {
                return null;
            }

            ColumnType? expected = null;
            foreach (var input in flow.ReadsOf(concatenation))
            {
                if (input.Found?.Type is not { } type)
                {
                    return null;
                }

                if (type.IsKey)
                {
                    return (input, $"Column '{input.Column.Name}' is key. Concatenation of keys is unsupported");
                }

                if (expected is not { } first)
                {
                    expected = type;
                }
                else if (first.Item != type.Item)
                {
                    return (input, $"Concatenated columns should have the same type. Column '{input.Column.Name}' has type of {type.Item}, but expected column type is {first.Item}");
                }
            }

            return null;
        }

        /// <summary>
        /// The Concatenate step that made the features, through the steps that rewrite a column in
        /// place after it (<c>NormalizeMinMax("Features")</c>): ML.NET rejects the concatenation
        /// when it runs, whatever reads its output later. Null when the features come from elsewhere.
        /// </summary>
        private static int? ConcatenationMaking(PipelineSchema flow, SchemaColumn features)
        {
            var column = features;
            for (var hops = 0; hops < flow.Pipeline.Steps.Length && column.Producer >= 0; hops++)
            {
                if (flow.Pipeline.Steps[column.Producer].Kind == StepKind.Concatenate)
                {
                    return column.Producer;
                }

                SchemaColumn? rewritten = null;
                foreach (var input in flow.ReadsOf(column.Producer))
                {
                    if (input.Found is { } read && string.Equals(read.Name, column.Name, System.StringComparison.Ordinal))
                    {
                        rewritten = read;
                        break;
                    }
                }

                if (rewritten is not { } previous)
                {
                    return null;
                }

                column = previous;
            }

            return null;
        }

        private static string Advice(ColumnType type)
        {
            if (type.Shape == ColumnShape.VarVector && type.Item == ItemType.Single && !type.IsKey)
            {
                return "; its size varies by row: give the array member [VectorType(n)]";
            }

            if (type.Shape == ColumnShape.Scalar && type.Item == ItemType.Single && !type.IsKey)
            {
                return "; put it in a vector with Concatenate";
            }

            if (type.IsKey)
            {
                return "; encode it with OneHotEncoding instead of reading its key";
            }

            return type.Item == ItemType.String
                ? "; turn text into numbers with FeaturizeText or OneHotEncoding"
                : "; convert it with ConvertType to Single";
        }
    }
}
