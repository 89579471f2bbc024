using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace EffectiveML.Analyzers.Model.Provenance
{
    /// <summary>
    /// Where the data and models of one member come from: which load, split side, row selection or
    /// transform makes a data view, which fit makes a model, and how a text loader reads its file.
    /// </summary>
    internal sealed class ProvenanceModel : ModelPart<ProvenanceModel>
    {
        /// <summary>The methods whose settings <see cref="TextLoadingOf"/> reads.</summary>
        public static readonly string[] TextLoadingMethods = { "LoadFromTextFile", "CreateTextLoader" };

        private Dictionary<IOperation, DataNode>? _dataByValue;
        private Dictionary<IOperation, ModelNode>? _modelByValue;
        private IInvocationOperation[]? _loaderLoads;

        public ProvenanceModel(MemberModel member)
            : base(member)
        {
        }

        public DataNode DataOf(IOperation dataValue) =>
            Cached(ref _dataByValue, ValueTracker.Unwrap(dataValue), static (part, value) => part.BuildData(value));

        public ModelNode ModelOf(IOperation modelValue) =>
            Cached(ref _modelByValue, ValueTracker.Unwrap(modelValue), static (part, value) => part.BuildModel(value));

        /// <summary>The settings of a <c>LoadFromTextFile</c> or <c>CreateTextLoader</c> call; null for any other call.</summary>
        public TextLoading? TextLoadingOf(IInvocationOperation call)
        {
            if (!Api.Facts(call.TargetMethod).Is(MethodKinds.TextLoading))
            {
                return null;
            }

            if (ValueReader.Argument(call, "options") is { } options)
            {
                var optionsValue = options.ArgumentKind == ArgumentKind.DefaultValue ? null : options.Value;
                if (optionsValue is null || ValueReader.RuntimeNull(optionsValue, Values))
                {
                    return new TextLoading(call, options.Value, Setting.Default, Setting.Default, Setting.Default);
                }

                return new TextLoading(
                    call,
                    optionsValue,
                    ValueReader.Member(optionsValue, "Separators", Values),
                    ValueReader.Member(optionsValue, "HasHeader", Values),
                    ValueReader.Member(optionsValue, "MissingRealsAsNaNs", Values));
            }

            return new TextLoading(
                call,
                null,
                ValueReader.Parameter(call, "separatorChar"),
                ValueReader.Parameter(call, "hasHeader"),
                Setting.Default);
        }

        /// <summary>The <c>loader.Load(path)</c> calls in the member on the loader a <c>CreateTextLoader</c> call makes.</summary>
        public IEnumerable<IInvocationOperation> LoadsFrom(IInvocationOperation createTextLoader)
        {
            foreach (var load in Once(ref _loaderLoads, static part => part.MLCallsWhere(static (member, method) => IsLoaderLoad(member.Api, method))))
            {
                if (ValueTracker.Receiver(load) is { } receiver && ValueReader.Resolve(receiver, Values) == createTextLoader)
                {
                    yield return load;
                }
            }
        }

        /// <summary>The path argument of a load call, when it has one.</summary>
        public static IOperation? PathArgument(IInvocationOperation load)
        {
            var argument = ValueReader.Argument(load, "path") ?? ValueReader.Argument(load, "filePath");
            if (argument is null || argument.ArgumentKind == ArgumentKind.DefaultValue)
            {
                return null;
            }

            if (argument.ArgumentKind == ArgumentKind.ParamArray)
            {
                return argument.Value is IArrayCreationOperation { Initializer.ElementValues: { Length: 1 } single } ? single[0] : null;
            }

            return argument.Value;
        }

        private static bool IsLoaderLoad(MLApi api, IMethodSymbol method) =>
            method.Name == "Load" && api.Facts(method).Is(MethodKinds.OfLoader);

        private DataNode BuildData(IOperation value)
        {
            var operation = ValueReader.Resolve(value, Values);
            switch (operation)
            {
                case IInvocationOperation invocation when Member.Symbols.IsMLSymbol(invocation.TargetMethod):
                    return DataFromCall(invocation);
                // TrainTestData is a struct whose TrainSet and TestSet are fields.
                case IMemberReferenceOperation { Instance: { } instance, Member.Name: "TrainSet" or "TestSet" } side
                    when MLApi.Is(side.Member.ContainingType, Api.TrainTestData):
                    if (ValueReader.Resolve(instance, Values) is IInvocationOperation { TargetMethod.Name: "TrainTestSplit" } split
                        && ValueReader.Argument(split, "data") is { } source)
                    {
                        var kind = side.Member.Name == "TrainSet" ? DataKind.TrainSide : DataKind.TestSide;
                        return new DataNode(kind, side, DataOf(source.Value), split: split);
                    }

                    return new DataNode(DataKind.Unknown, operation);
                case IParameterReferenceOperation parameter:
                    return new DataNode(DataKind.Unknown, operation, stableSymbol: Values.IsReassigned(parameter.Parameter) ? null : parameter.Parameter);
                default:
                    return new DataNode(DataKind.Unknown, operation);
            }
        }

        private DataNode DataFromCall(IInvocationOperation call)
        {
            var method = call.TargetMethod;
            var facts = Api.Facts(method);
            if (method.Name == "Transform" && facts.Is(MethodKinds.OfTransformer) && ValueTracker.Receiver(call) is { } model
                && ValueReader.Argument(call, "input") is { } input)
            {
                return new DataNode(DataKind.Transformed, call, DataOf(input.Value), ModelOf(model));
            }

            if (TextLoadingOf(call) is { } loading && method.Name == "LoadFromTextFile")
            {
                return new DataNode(DataKind.Loaded, call, loading: loading);
            }

            if (IsLoaderLoad(Api, method))
            {
                var loader = ValueTracker.Receiver(call) is { } receiver ? ValueReader.Resolve(receiver, Values) : null;
                var createdBy = loader is IInvocationOperation create ? TextLoadingOf(create) : null;
                return new DataNode(DataKind.Loaded, call, loading: createdBy);
            }

            if (facts.Is(MethodKinds.DataOperation) && Api.IsDataView(method.ReturnType))
            {
                if (method.Name.StartsWith("Load", StringComparison.Ordinal))
                {
                    return new DataNode(DataKind.Loaded, call);
                }

                var source = ValueReader.Argument(call, "input") ?? ValueReader.Argument(call, "data");
                if (source is not null)
                {
                    // ShuffleRows, TakeRows, SkipRows, FilterRows*, BootstrapSample, Cache: a selection of the source's rows.
                    return new DataNode(DataKind.Rows, call, DataOf(source.Value));
                }
            }

            return new DataNode(DataKind.Unknown, call);
        }

        private ModelNode BuildModel(IOperation value)
        {
            var operation = ValueReader.Resolve(value, Values);
            switch (operation)
            {
                case IInvocationOperation invocation when Api.IsFit(invocation.TargetMethod)
                    && ValueTracker.Receiver(invocation) is { } estimator
                    && ValueReader.Argument(invocation, "input") is { } data:
                    return new ModelNode(ModelKind.Fitted, invocation, estimator, DataOf(data.Value));
                case IParameterReferenceOperation parameter:
                    return new ModelNode(ModelKind.Unknown, operation, stableSymbol: Values.IsReassigned(parameter.Parameter) ? null : parameter.Parameter);
                default:
                    return new ModelNode(ModelKind.Unknown, operation);
            }
        }
    }
}
