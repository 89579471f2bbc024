using System.Collections.Generic;
using EffectiveML.Analyzers.Model.Provenance;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace EffectiveML.Analyzers.Model.Schemas
{
    /// <summary>
    /// The column types of one member's fitted pipelines: for each fit whose data comes from a
    /// load in view, the schema of that data (<see cref="SchemaClassColumns"/>, or the literal
    /// columns of a text loader) carried through the pipeline's steps.
    /// </summary>
    internal sealed class PipelineSchemas : ModelPart<PipelineSchemas>
    {
        private Dictionary<IOperation, PipelineSchema?>? _byFit;

        public PipelineSchemas(MemberModel member)
            : base(member)
        {
        }

        /// <summary>The pipeline's columns step by step; null when the schema of the data it is fitted on is not in view.</summary>
        public PipelineSchema? Of(FitSite fit) =>
            Cached(ref _byFit, fit.Call, (part, _) => part.InputSchemaOf(fit.Data) is { } input ? PipelineSchema.Flow(fit.Pipeline, input, part.Api, part.Values) : null);

        /// <summary>The schema of a data view: its load's, through splits and row selections; null for anything else.</summary>
        public DataSchema? InputSchemaOf(DataNode data)
        {
            foreach (var node in data.RowAncestorsOrSelf())
            {
                switch (node.Kind)
                {
                    case DataKind.Loaded:
                        return node.Anchor is IInvocationOperation load ? LoadedSchema(load, node.Loading) : null;
                    case DataKind.TrainSide or DataKind.TestSide or DataKind.Rows:
                        continue;
                    default:
                        return null;
                }
            }

            return null;
        }

        private DataSchema? LoadedSchema(IInvocationOperation load, TextLoading? loading)
        {
            var method = load.TargetMethod;
            if (loading is not null)
            {
                var loader = loading.Call.TargetMethod;
                if (loader.IsGenericMethod)
                {
                    return SchemaClass(loader.TypeArguments[0]) is { } textClass ? Api.ColumnTypes(textClass, SchemaSource.TextFile) : null;
                }

                return TextLoaderColumns.Read(loading, Api, Values);
            }

            if (method.Name == "LoadFromEnumerable" && method.IsGenericMethod && Api.Facts(method).Is(MethodKinds.DataOperation)
                && (ValueReader.Argument(load, "schemaDefinition") is not { } definition || definition.ArgumentKind == ArgumentKind.DefaultValue))
            {
                return SchemaClass(method.TypeArguments[0]) is { } rowClass ? Api.ColumnTypes(rowClass, SchemaSource.Enumerable) : null;
            }

            return null;
        }

        private INamedTypeSymbol? SchemaClass(ITypeSymbol type) =>
            type is INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } named && !Member.Symbols.IsMLSymbol(named) ? named : null;
    }
}
