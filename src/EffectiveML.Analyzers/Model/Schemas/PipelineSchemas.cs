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
        private IReadOnlyList<PredictionSite>? _predictions;
        private IReadOnlyList<PipelineSchema>? _flows;

        public PipelineSchemas(MemberModel member)
            : base(member)
        {
        }

        /// <summary>The columns, step by step, of every pipeline the member fits whose data and first step are in view.</summary>
        public IReadOnlyList<PipelineSchema> Flows => Once(ref _flows, static part => part.CollectFlows());

        private IReadOnlyList<PipelineSchema> CollectFlows()
        {
            List<PipelineSchema>? flows = null;
            foreach (var fit in Member.Sites.Fits)
            {
                if (Of(fit) is { } flow)
                {
                    (flows ??= new List<PipelineSchema>()).Add(flow);
                }
            }

            return flows ?? (IReadOnlyList<PipelineSchema>)System.Array.Empty<PipelineSchema>();
        }

        /// <summary>The pipeline's columns step by step; null when the schema of the data it is fitted on is not in view.</summary>
        public PipelineSchema? Of(FitSite fit)
        {
            // A pipeline that starts with a step out of view (a factory's result, a parameter) has no column to follow.
            if (fit.Pipeline.Steps.IsDefaultOrEmpty || fit.Pipeline.Steps[0].IsUnknown)
            {
                return null;
            }

            return Cached(ref _byFit, fit.Call, (part, _) => part.InputSchemaOf(fit.Data) is { } input ? PipelineSchema.Flow(fit.Pipeline, input, part.Api, part.Values) : null);
        }

        /// <summary>
        /// The member's reads of a pipeline fitted in view: <c>CreatePredictionEngine&lt;TIn, TOut&gt;</c>,
        /// <c>CreateEnumerable&lt;TOut&gt;</c> of its transformed data, and binary
        /// <c>Evaluate</c> of its transformed data; only those whose pipeline's columns are known to the end.
        /// </summary>
        public IReadOnlyList<PredictionSite> Predictions => Once(ref _predictions, static part => part.CollectPredictions());

        private IReadOnlyList<PredictionSite> CollectPredictions()
        {
            List<PredictionSite>? sites = null;
            foreach (var call in Member.MLInvocations)
            {
                var method = call.TargetMethod;
                PredictionSite? site = null;
                if (method.Name == "CreatePredictionEngine" && method.TypeArguments.Length == 2 && Api.IsModelOperation(method, "CreatePredictionEngine"))
                {
                    if (ValueReader.Argument(call, "transformer") is { } model && FlowOfModel(model.Value) is { } flow
                        && method.TypeArguments[1] is INamedTypeSymbol output
                        && SchemaClass(method.TypeArguments[0]) is { } input)
                    {
                        var strict = ValueReader.Argument(call, "ignoreMissingColumns") is { ArgumentKind: not ArgumentKind.DefaultValue } ignore
                            && ValueReader.Constant(ignore.Value, Values) is false;
                        site = new PredictionSite(call, PredictionKind.Engine, output, flow, Api.ColumnTypes(input, SchemaSource.Enumerable), strict);
                    }
                }
                else if (method.Name == "CreateEnumerable" && method.TypeArguments.Length == 1 && Api.Facts(method).Is(MethodKinds.DataOperation))
                {
                    if (ValueReader.Argument(call, "data") is { } data && Transformed(data.Value) is var (flow, input) && flow is not null
                        && method.TypeArguments[0] is INamedTypeSymbol output)
                    {
                        site = new PredictionSite(call, PredictionKind.Enumerable, output, flow, input, strictColumns: true);
                    }
                }
                else if (method.Name == "Evaluate" && MLApi.Is(MLApi.ReceiverType(method), Api.BinaryClassificationCatalog))
                {
                    if (ValueReader.Argument(call, "data") is { } data && Transformed(data.Value) is var (flow, input) && flow is not null)
                    {
                        site = new PredictionSite(call, PredictionKind.Evaluation, null, flow, input, strictColumns: true);
                    }
                }

                if (site is not null)
                {
                    (sites ??= new List<PredictionSite>()).Add(site);
                }
            }

            return sites ?? (IReadOnlyList<PredictionSite>)System.Array.Empty<PredictionSite>();
        }

        /// <summary>The columns of a pipeline fitted in view whose flow reaches its end; null otherwise.</summary>
        private PipelineSchema? FlowOfModel(IOperation modelValue) => FlowOf(Member.Provenance.ModelOf(modelValue));

        private PipelineSchema? FlowOf(ModelNode model)
        {
            if (model.Kind != ModelKind.Fitted)
            {
                return null;
            }

            foreach (var fit in Member.Sites.Fits)
            {
                if (fit.Call == model.Anchor)
                {
                    return Of(fit) is { Output: not null } flow ? flow : null;
                }
            }

            return null;
        }

        /// <summary>For <c>model.Transform(data)</c> in view: the model's columns and the columns of the data it is applied to.</summary>
        private (PipelineSchema? Flow, DataSchema? Input) Transformed(IOperation dataValue)
        {
            var data = Member.Provenance.DataOf(dataValue);
            if (data.Kind != DataKind.Transformed || data.Model is not { Kind: ModelKind.Fitted } model)
            {
                return (null, null);
            }

            return (FlowOf(model), data.Source is { } source ? InputSchemaOf(source) : null);
        }

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
