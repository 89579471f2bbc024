using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace EffectiveML.Analyzers.Model.Pipelines
{
    /// <summary>Reads the steps of an estimator chain within one member.</summary>
    internal sealed class PipelineBuilder
    {
        private const string DefaultLabel = "Label";
        private const string DefaultFeatures = "Features";

        private readonly KnownSymbols _symbols;
        private readonly LocalValues _values;

        public PipelineBuilder(KnownSymbols symbols, LocalValues values)
        {
            _symbols = symbols;
            _values = values;
        }

        public Pipeline Build(IOperation estimatorValue)
        {
            var steps = ImmutableArray.CreateBuilder<PipelineStep>();
            // A list, not a hash set: chains are a few steps long, and hashing an operation the first
            // time costs more than comparing references along the list.
            Collect(estimatorValue, steps, new List<IOperation>());
            return new Pipeline(estimatorValue, steps.ToImmutable());
        }

        private bool IsAppend(IMethodSymbol method) => _symbols.Api.IsAppend(method);

        private bool IsAppendCacheCheckpoint(IMethodSymbol method) => _symbols.Api.IsAppendCacheCheckpoint(method);

        private bool IsCatalogEstimator(IMethodSymbol method) => _symbols.Api.IsCatalogEstimator(method);

        private bool IsTrainer(IMethodSymbol method) => _symbols.Api.IsTrainer(method);

        private void Collect(IOperation value, ImmutableArray<PipelineStep>.Builder steps, List<IOperation> visited)
        {
            var operation = ValueReader.Resolve(value, _values);
            if (visited.Contains(operation))
            {
                steps.Add(Unknown(operation));
                return;
            }

            visited.Add(operation);
            switch (operation)
            {
                case IInvocationOperation invocation when IsAppend(invocation.TargetMethod):
                    if (ValueTracker.Receiver(invocation) is { } chain && ValueReader.Argument(invocation, "estimator") is { } appended)
                    {
                        Collect(chain, steps, visited);
                        Collect(appended.Value, steps, visited);
                    }
                    else
                    {
                        steps.Add(Unknown(operation));
                    }

                    break;
                case IInvocationOperation invocation when IsAppendCacheCheckpoint(invocation.TargetMethod):
                    if (ValueTracker.Receiver(invocation) is { } cached)
                    {
                        Collect(cached, steps, visited);
                    }

                    steps.Add(new PipelineStep(StepKind.CacheCheckpoint, invocation, ImmutableArray<ColumnFlow>.Empty, columnsKnown: true));
                    break;
                case IInvocationOperation invocation when IsCatalogEstimator(invocation.TargetMethod):
                    steps.Add(CatalogStep(invocation));
                    break;
                case IObjectCreationOperation { Arguments.Length: 0, Initializer: null } creation
                    when MLApi.Is(creation.Type, _symbols.Api.EstimatorChain):
                    // An empty chain: the start of a pipeline built step by step.
                    break;
                default:
                    steps.Add(Unknown(operation));
                    break;
            }
        }

        private static PipelineStep Unknown(IOperation operation) =>
            new(StepKind.Unknown, operation, ImmutableArray<ColumnFlow>.Empty, columnsKnown: false);

        private PipelineStep CatalogStep(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            if (IsTrainer(method))
            {
                var trainer = new TrainerColumns(
                    TrainerColumn(invocation, "labelColumnName", "LabelColumnName", DefaultLabel),
                    TrainerColumn(invocation, "featureColumnName", "FeatureColumnName", DefaultFeatures),
                    TrainerTable.Find(method.Name));
                return new PipelineStep(StepKind.Trainer, invocation, ImmutableArray<ColumnFlow>.Empty, columnsKnown: true, trainer: trainer);
            }

            var entry = _symbols.Api.FindTransform(method);
            var kind = entry?.Kind ?? StepKind.OtherTransform;
            var known = TryReadFlows(invocation, out var flows);
            if (kind == StepKind.ColumnSelection)
            {
                // Dropping or keeping columns writes none.
                known = true;
                flows = ImmutableArray<ColumnFlow>.Empty;
            }

            return new PipelineStep(kind, invocation, flows, known, entry);
        }

        /// <summary>A trainer's column: its parameter, its options object's property, or the default.</summary>
        private Column TrainerColumn(IInvocationOperation invocation, string parameter, string optionsMember, string defaultName)
        {
            if (ValueReader.Argument(invocation, parameter) is { } argument)
            {
                return new Column(ValueReader.String(argument.Value, _values), argument.ArgumentKind == ArgumentKind.DefaultValue ? null : argument.Value);
            }

            if (ValueReader.Argument(invocation, "options") is { } options)
            {
                var setting = ValueReader.Member(options.Value, optionsMember, _values);
                return setting.State switch
                {
                    SettingState.Default => new Column(defaultName, null),
                    SettingState.Given => new Column(ValueReader.String(setting.Value!, _values), setting.Value),
                    _ => new Column(null, null),
                };
            }

            return new Column(null, null);
        }

        private bool TryReadFlows(IInvocationOperation invocation, out ImmutableArray<ColumnFlow> flows)
        {
            if (ValueReader.Argument(invocation, "columns") is { } pairs)
            {
                return TryReadPairs(pairs.Value, out flows);
            }

            flows = ImmutableArray<ColumnFlow>.Empty;
            if (ValueReader.Argument(invocation, "outputColumnName") is not { } outputArgument)
            {
                return false;
            }

            var output = new Column(ValueReader.String(outputArgument.Value, _values), outputArgument.Value);
            ImmutableArray<Column> inputs;
            if (ValueReader.Argument(invocation, "inputColumnNames") is { } many)
            {
                inputs = new ColumnList(_symbols, _values).Read(many.Value);
                if (inputs.IsDefault)
                {
                    flows = ImmutableArray.Create(new ColumnFlow(output, ImmutableArray<Column>.Empty));
                    return false;
                }
            }
            else if (ValueReader.Argument(invocation, "inputColumnName") is { } single)
            {
                inputs = ImmutableArray.Create(InputOrOutput(single, output));
            }
            else
            {
                inputs = ImmutableArray<Column>.Empty;
            }

            flows = ImmutableArray.Create(new ColumnFlow(output, inputs));
            return output.IsKnown && AllKnown(inputs);
        }

        private bool TryReadPairs(IOperation value, out ImmutableArray<ColumnFlow> flows)
        {
            flows = ImmutableArray<ColumnFlow>.Empty;
            var elements = ValueReader.ArrayElements(value, _values);
            if (elements.IsDefault)
            {
                return false;
            }

            var builder = ImmutableArray.CreateBuilder<ColumnFlow>(elements.Length);
            var known = true;
            foreach (var element in elements)
            {
                if (ValueReader.Resolve(element, _values) is IObjectCreationOperation creation
                    && MLApi.Is(creation.Type, _symbols.Api.InputOutputColumnPair)
                    && ValueReader.Argument(creation.Arguments, "outputColumnName") is { } outputArgument)
                {
                    var output = new Column(ValueReader.String(outputArgument.Value, _values), outputArgument.Value);
                    var input = ValueReader.Argument(creation.Arguments, "inputColumnName") is { } inputArgument
                        ? InputOrOutput(inputArgument, output)
                        : output;
                    builder.Add(new ColumnFlow(output, ImmutableArray.Create(input)));
                    known &= output.IsKnown && input.IsKnown;
                }
                else
                {
                    known = false;
                }
            }

            flows = builder.ToImmutable();
            return known;
        }

        /// <summary>An input column left null (or to its default) means "the output column itself".</summary>
        private Column InputOrOutput(IArgumentOperation argument, Column output)
        {
            if (argument.ArgumentKind == ArgumentKind.DefaultValue || ValueReader.RuntimeNull(argument.Value, _values))
            {
                return new Column(output.Name, output.Source);
            }

            return new Column(ValueReader.String(argument.Value, _values), argument.Value);
        }

        private static bool AllKnown(ImmutableArray<Column> columns)
        {
            foreach (var column in columns)
            {
                if (!column.IsKnown)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
