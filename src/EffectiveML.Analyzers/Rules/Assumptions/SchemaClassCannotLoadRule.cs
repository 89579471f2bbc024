using System.Collections.Generic;
using System.Collections.Immutable;
using EffectiveML.Analyzers.Infrastructure;
using EffectiveML.Analyzers.Model;
using EffectiveML.Analyzers.Model.Schemas;
using Microsoft.CodeAnalysis;

namespace EffectiveML.Analyzers.Rules.Assumptions
{
    /// <summary>
    /// EML4106: a class written for the text loader (some member has <c>[LoadColumn]</c>) that
    /// ML.NET cannot load as written: a column member without <c>[LoadColumn]</c> (a
    /// <c>[NoColumn]</c> included), one index twice in one member, a range on a scalar member or
    /// one index on an array member; a range-loaded array without <c>[VectorType(n)]</c> used
    /// as a prediction engine's input; and, when the data file is an AdditionalFile, a header that
    /// does not fit the separator or the indexes (<see cref="DataFileHeader"/>).
    /// </summary>
    public sealed class SchemaClassCannotLoadRule : Rule
    {
        public const string Id = "EML4106";

        internal static readonly DiagnosticDescriptor Descriptor = Descriptors.Create(
            Id,
            "Schema class that cannot load as intended",
            "{0} ({1})",
            DiagnosticSeverity.Warning,
            "LoadFromTextFile<T> reads a class by its [LoadColumn] attributes only: every public field and readable property needs one ([NoColumn] and [VectorType] are not read there), an index may appear once per member, and the attribute decides whether a column is one value or a vector. A prediction engine reads the same class by its member types, so a range-loaded array needs [VectorType(n)] as well.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptor);

        /// <summary>The calls that load a schema class from a text file; the rule checks their catalog itself.</summary>
        private static readonly string[] TextLoadingMethods = { "LoadFromTextFile" };

        internal override void Register(RuleRegistry registry)
        {
            var api = registry.Symbols.Api;
            registry.OnDeclarations((findings, declaration) =>
            {
                // A class is read at its first member with [LoadColumn]: most types have none, and
                // the dispatch has read every member's attributes already.
                if (declaration.Symbol is not (IFieldSymbol or IPropertySymbol)
                    || !IsLoadedMember(declaration.Symbol)
                    || SchemaColumns.Attribute(declaration.Attributes, api.LoadColumnAttribute) is null
                    || declaration.Symbol.ContainingType is not { } type
                    || HasEarlierLoadColumn(type, declaration.Symbol, api))
                {
                    return;
                }

                foreach (var member in type.GetMembers())
                {
                    if (!IsLoadedMember(member))
                    {
                        continue;
                    }

                    var memberType = member is IPropertySymbol property ? property.Type : ((IFieldSymbol)member).Type;
                    var kind = member is IPropertySymbol ? "Property" : "Field";
                    var loadColumn = SchemaColumns.Attribute(member, api.LoadColumnAttribute);
                    if (loadColumn is null)
                    {
                        var noColumn = SchemaColumns.Attribute(member, api.NoColumnAttribute) is not null;
                        findings.ReportDiagnostic(Diagnostic.Create(
                            Descriptor,
                            member.Locations[0],
                            $"{kind} '{member.Name}' is missing the LoadColumnAttribute attribute",
                            noColumn
                                ? $"'{type.Name}' is loaded from text, and the text loader does not read [NoColumn]; move '{member.Name}' to another class"
                                : $"'{type.Name}' is loaded from text, where every public {kind.ToLowerInvariant()} must name its file column; give it [LoadColumn] or make it non-public"));
                        continue;
                    }

                    var arguments = loadColumn.ConstructorArguments;
                    var isArray = memberType is IArrayTypeSymbol;
                    if (arguments.Length == 1 && arguments[0].Kind == TypedConstantKind.Array && Duplicate(arguments[0].Values) is { } repeated)
                    {
                        findings.ReportDiagnostic(Diagnostic.Create(
                            Descriptor,
                            member.Locations[0],
                            $"Intervals specified for column '{SchemaColumns.ColumnName(member, api)}' overlap",
                            $"index {repeated} appears twice in its [LoadColumn]; LoadFromTextFile fails"));
                    }
                    else if (!isArray && IsVector(arguments))
                    {
                        findings.ReportDiagnostic(Diagnostic.Create(
                            Descriptor,
                            member.Locations[0],
                            $"'{member.Name}' is one value, but its [LoadColumn] loads a vector",
                            "the column becomes a vector that cannot be read back into the member; make it an array with [VectorType(n)], or load one index"));
                    }
                    else if (isArray && !IsVector(arguments))
                    {
                        findings.ReportDiagnostic(Diagnostic.Create(
                            Descriptor,
                            member.Locations[0],
                            $"'{member.Name}' is an array, but its [LoadColumn] loads one value",
                            "the text loader makes it a single value that cannot be read back into the array; load a range, [LoadColumn(start, end)]"));
                    }
                }
            });

            registry.OnCalls(TextLoadingMethods, (member, model, call) =>
            {
                var files = member.Options.AdditionalFiles;
                if (files.IsEmpty
                    || call.TargetMethod.TypeArguments.Length != 1
                    || call.TargetMethod.TypeArguments[0] is not INamedTypeSymbol schema
                    || !HasLoadColumn(schema, api)
                    || model.Provenance.TextLoadingOf(call) is not { } loading)
                {
                    return;
                }

                foreach (var (message, detail) in DataFileHeader.Findings(loading, schema, files, model, member.CancellationToken))
                {
                    member.ReportDiagnostic(Diagnostic.Create(Descriptor, Describe.CallLocation(call.Syntax), message, detail));
                }
            });

            registry.OnMember((member, model) =>
            {
                if (model.Sites.Fits.Count == 0)
                {
                    return;
                }

                foreach (var site in model.Schemas.Predictions)
                {
                    if (site.Kind != PredictionKind.Engine
                        || site.Call.TargetMethod.TypeArguments[0] is not INamedTypeSymbol input
                        || !HasLoadColumn(input, api))
                    {
                        continue;
                    }

                    foreach (var target in input.GetMembers())
                    {
                        if (!IsLoadedMember(target)
                            || (target is IPropertySymbol p ? p.Type : (target as IFieldSymbol)?.Type) is not IArrayTypeSymbol
                            || SchemaColumns.Attribute(target, api.LoadColumnAttribute) is not { } loadColumn
                            || !IsVector(loadColumn.ConstructorArguments)
                            || SchemaColumns.Attribute(target, api.VectorTypeAttribute) is not null
                            || !IsRead(site.Flow, SchemaColumns.ColumnName(target, api)))
                        {
                            continue;
                        }

                        var size = Size(loadColumn.ConstructorArguments);
                        member.ReportDiagnostic(Diagnostic.Create(
                            Descriptor,
                            Describe.CallLocation(site.Call.Syntax),
                            $"Incompatible features column type: 'Vector<Single>' vs 'Vector<Single, {size}>'",
                            $"the model was trained on '{input.Name}.{target.Name}' loaded from text as a vector of {size}, and the engine reads the same member as a vector of any size; give it [VectorType({size})]"));
                    }
                }
            });
        }

        /// <summary>A member declared before <paramref name="member"/> has <c>[LoadColumn]</c>: the class was read there.</summary>
        private static bool HasEarlierLoadColumn(INamedTypeSymbol type, ISymbol member, MLApi api)
        {
            foreach (var earlier in type.GetMembers())
            {
                if (SymbolEqualityComparer.Default.Equals(earlier, member))
                {
                    return false;
                }

                if (IsLoadedMember(earlier) && SchemaColumns.Attribute(earlier, api.LoadColumnAttribute) is not null)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Some member of the class has <c>[LoadColumn]</c>: it is written for the text loader.</summary>
        private static bool HasLoadColumn(INamedTypeSymbol type, MLApi api)
        {
            foreach (var member in type.GetMembers())
            {
                if (IsLoadedMember(member) && SchemaColumns.Attribute(member, api.LoadColumnAttribute) is not null)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>What the text loader reads: the column members of a schema class that can be read.</summary>
        private static bool IsLoadedMember(ISymbol member) =>
            SchemaColumns.IsColumnMember(member) && member is not IPropertySymbol { GetMethod: null };

        /// <summary><c>[LoadColumn(start, end)]</c>, or an index list of more than one.</summary>
        private static bool IsVector(ImmutableArray<TypedConstant> arguments) =>
            arguments.Length == 2 || (arguments.Length == 1 && arguments[0].Kind == TypedConstantKind.Array && arguments[0].Values.Length > 1);

        private static int Size(ImmutableArray<TypedConstant> arguments) =>
            arguments.Length == 2 && arguments[0].Value is int start && arguments[1].Value is int end ? end - start + 1
            : arguments.Length == 1 && arguments[0].Kind == TypedConstantKind.Array ? arguments[0].Values.Length
            : 0;

        private static int? Duplicate(ImmutableArray<TypedConstant> indexes)
        {
            var seen = new HashSet<int>();
            foreach (var index in indexes)
            {
                if (index.Value is int value && !seen.Add(value))
                {
                    return value;
                }
            }

            return null;
        }

        private static bool IsRead(PipelineSchema flow, string column)
        {
            foreach (var read in flow.Reads)
            {
                if (read.Column.Name == column && read.Found is { Producer: < 0 })
                {
                    return true;
                }
            }

            return false;
        }
    }
}
