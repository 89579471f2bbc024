using System.Collections.Generic;
using EffectiveML.Analyzers.Model.Pipelines;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace EffectiveML.Analyzers.Model.Schemas
{
    /// <summary>What a step reads a column as.</summary>
    internal enum ColumnRole
    {
        /// <summary>A transform's input column.</summary>
        Input,
        Label,
        Feature,
    }

    /// <summary>One column a pipeline step reads, and what the data holds under that name at that step.</summary>
    internal sealed class ColumnRead
    {
        public ColumnRead(int step, ColumnRole role, Column column, SchemaColumn? found, DataSchema? missingFrom)
        {
            Step = step;
            Role = role;
            Column = column;
            Found = found;
            MissingFrom = missingFrom;
        }

        public int Step { get; }

        public ColumnRole Role { get; }

        public Column Column { get; }

        /// <summary>The column read; null when the data lacks it or when it cannot be told.</summary>
        public SchemaColumn? Found { get; }

        /// <summary>When the data is known to lack the column: the complete schema it is missing from.</summary>
        public DataSchema? MissingFrom { get; }

        public bool IsMissing => MissingFrom is not null;
    }

    /// <summary>
    /// The columns of a pipeline's data step by step, from the schema of the data it is fitted on
    /// through each step's output types (<see cref="TransformTable"/>, <see cref="TaskTable"/>):
    /// every column each step reads, as found or missing, and the columns that come out. Where a
    /// step cannot be followed (a value from elsewhere, a transform whose columns cannot be read,
    /// a custom mapping), the flow stops: what comes after is never reported.
    /// </summary>
    internal sealed class PipelineSchema
    {
        private readonly List<ColumnRead> _reads = new();

        // Scratch lists of the step being applied, lent to each step in turn.
        private readonly List<SchemaColumn?> _stepInputs = new();
        private readonly List<SchemaColumn> _stepOutputs = new();

        private PipelineSchema(Pipeline pipeline)
        {
            Pipeline = pipeline;
        }

        public Pipeline Pipeline { get; }

        /// <summary>Every column the steps read, in step order, up to where the flow stopped.</summary>
        public IReadOnlyList<ColumnRead> Reads => _reads;

        /// <summary>The columns after the last step; null when the flow stopped before it.</summary>
        public DataSchema? Output { get; private set; }

        /// <summary>The reads of one step.</summary>
        public IEnumerable<ColumnRead> ReadsOf(int step)
        {
            foreach (var read in _reads)
            {
                if (read.Step == step)
                {
                    yield return read;
                }
            }
        }

        public static PipelineSchema Flow(Pipeline pipeline, DataSchema input, MLApi api, LocalValues values)
        {
            var result = new PipelineSchema(pipeline);
            // Each step adds a column or a few (a trainer its score, predicted label and probability).
            var schema = input.Copy(pipeline.Steps.Length + 3);
            for (var index = 0; index < pipeline.Steps.Length; index++)
            {
                if (!result.Apply(index, pipeline.Steps[index], schema, api, values))
                {
                    return result;
                }
            }

            result.Output = schema;
            return result;
        }

        private bool Apply(int index, PipelineStep step, DataSchema schema, MLApi api, LocalValues values)
        {
            switch (step.Kind)
            {
                case StepKind.Unknown:
                    return false;
                case StepKind.CacheCheckpoint:
                    return true;
                case StepKind.Trainer:
                    return ApplyTrainer(index, step, schema, api);
                case StepKind.ColumnSelection:
                    ApplySelection(index, step, schema, values);
                    return true;
            }

            if (!step.ColumnsKnown)
            {
                return false;
            }

            var outputs = _stepOutputs;
            outputs.Clear();
            foreach (var flow in step.Flows)
            {
                var inputs = _stepInputs;
                inputs.Clear();
                foreach (var input in flow.Inputs)
                {
                    inputs.Add(Read(index, ColumnRole.Input, input, schema));
                }

                var type = step.Transform is { } transform ? OutputType(transform.Output, step, inputs, api, values) : null;
                var keyValues = step.Kind == StepKind.KeyMapping && inputs.Count == 1 ? inputs[0]?.Type : null;
                outputs.Add(new SchemaColumn(flow.Output.Name!, type, index, keyValues: keyValues));
            }

            foreach (var output in outputs)
            {
                schema.Set(output);
            }

            return true;
        }

        private SchemaColumn? Read(int index, ColumnRole role, Column column, DataSchema schema)
        {
            if (column.Name is not { } name)
            {
                return null;
            }

            if (schema.TryGet(name, out var found))
            {
                _reads.Add(new ColumnRead(index, role, column, found, null));
                return found;
            }

            _reads.Add(new ColumnRead(index, role, column, null, schema.IsComplete ? schema.Copy() : null));
            return null;
        }

        private bool ApplyTrainer(int index, PipelineStep step, DataSchema schema, MLApi api)
        {
            if (step.Trainer is not { } trainer
                || step.Method is not { } method
                || TaskTable.TaskOf(method, api) is not { } task
                || TaskTable.HasOwnInputs(method.Name))
            {
                return false;
            }

            var entry = TaskTable.Of(task);
            SchemaColumn? label = null;
            if (entry.ExpectedLabel is not null)
            {
                label = Read(index, ColumnRole.Label, trainer.Label, schema);
            }

            Read(index, ColumnRole.Feature, trainer.Features, schema);
            foreach (var (name, type) in entry.Adds)
            {
                var keyValues = task == MLTask.MulticlassClassification && name == "PredictedLabel" ? label?.KeyValues : null;
                schema.Set(new SchemaColumn(name, type, index, keyValues: keyValues));
            }

            if (task == MLTask.BinaryClassification)
            {
                switch (TaskTable.IsCalibrated(method.Name))
                {
                    case true:
                        schema.Set(new SchemaColumn("Probability", ColumnType.Scalar(ItemType.Single), index));
                        break;
                    case false:
                        schema.Remove("Probability");
                        break;
                    default:
                        schema.Remove("Probability");
                        schema.MarkIncomplete();
                        break;
                }
            }

            return true;
        }

        /// <summary><c>DropColumns</c> removes the columns it names, <c>SelectColumns</c> keeps only those; names that cannot be read leave the schema as it is (it then lists more columns than the data has, which only hides findings).</summary>
        private static void ApplySelection(int index, PipelineStep step, DataSchema schema, LocalValues values)
        {
            if (step.Invocation is not { } call || ValueReader.Argument(call, "columnNames") is not { } argument)
            {
                return;
            }

            var elements = ValueReader.ArrayElements(argument.Value, values);
            if (elements.IsDefault)
            {
                return;
            }

            var names = new List<string>();
            foreach (var element in elements)
            {
                if (ValueReader.String(element, values) is not { } name)
                {
                    return;
                }

                names.Add(name);
            }

            if (names.Count == 0)
            {
                return;
            }

            if (call.TargetMethod.Name == "DropColumns")
            {
                foreach (var name in names)
                {
                    schema.Remove(name, index);
                }

                return;
            }

            var dropped = new List<string>();
            foreach (var name in schema.Names)
            {
                if (!names.Contains(name))
                {
                    dropped.Add(name);
                }
            }

            foreach (var name in dropped)
            {
                schema.Remove(name, index);
            }
        }

        private static ColumnType? OutputType(TransformTable.OutputType rule, PipelineStep step, List<SchemaColumn?> inputs, MLApi api, LocalValues values)
        {
            var first = inputs.Count > 0 ? inputs[0]?.Type : null;
            switch (rule)
            {
                case TransformTable.OutputType.SameAsInput:
                    return first;
                case TransformTable.OutputType.Concatenated:
                    return Concatenated(inputs);
                case TransformTable.OutputType.Converted:
                    return first is { } converted && OutputKind(step, api, values) is { } kind ? converted.WithItem(kind) : null;
                case TransformTable.OutputType.KeyOfInputShape:
                    return first is { } keyed ? new ColumnType(keyed.Shape, ItemType.UInt32, isKey: true, keyed.Size) : null;
                case TransformTable.OutputType.ValueOfKey:
                    return inputs.Count == 1 && inputs[0] is { Type.IsKey: true } key ? key.KeyValues : null;
                case TransformTable.OutputType.BooleanOfInputShape:
                    return first?.WithItem(ItemType.Boolean);
                case TransformTable.OutputType.SingleVector:
                    return ColumnType.VectorOf(ItemType.Single);
                case TransformTable.OutputType.OneHot:
                    return OneHotKind(step, values) switch
                    {
                        "Indicator" or "Bag" or "Binary" => ColumnType.VectorOf(ItemType.Single),
                        "Key" => first is { } encoded ? new ColumnType(encoded.Shape, ItemType.UInt32, isKey: true, encoded.Size) : null,
                        _ => null,
                    };
                case TransformTable.OutputType.SelectedSlots:
                    return first is { IsVector: true } slots ? new ColumnType(slots.Shape, slots.Item, slots.IsKey) : null;
                case TransformTable.OutputType.Projection:
                    return ColumnType.VectorOf(ItemType.Single, Rank(step, values));
                default:
                    return null;
            }
        }

        /// <summary>A vector of the inputs' common item type; null when an input's type is unknown, an input is a key, or the item types differ (ML.NET rejects the last two, EML4103).</summary>
        private static ColumnType? Concatenated(List<SchemaColumn?> inputs)
        {
            if (inputs.Count == 0)
            {
                return null;
            }

            ColumnType? first = null;
            var size = 0;
            var variable = false;
            foreach (var input in inputs)
            {
                if (input?.Type is not { } type || type.IsKey)
                {
                    return null;
                }

                if (first is { } expected && (expected.Item != type.Item || expected.IsKey != type.IsKey))
                {
                    return null;
                }

                first ??= type;
                variable |= type.Shape == ColumnShape.VarVector;
                size = size < 0 ? -1 : type.Shape == ColumnShape.Scalar ? size + 1 : type.Size > 0 ? size + type.Size : -1;
            }

            return variable
                ? new ColumnType(ColumnShape.VarVector, first!.Value.Item, first.Value.IsKey)
                : new ColumnType(ColumnShape.Vector, first!.Value.Item, first.Value.IsKey, size > 0 ? size : 0);
        }

        private static ItemType? OutputKind(PipelineStep step, MLApi api, LocalValues values)
        {
            if (step.Invocation is not { } call || ValueReader.Argument(call, "outputKind") is not { } argument || argument.ArgumentKind == ArgumentKind.DefaultValue)
            {
                return ItemType.Single;
            }

            return EnumName(argument.Value, values) is { } name && System.Enum.TryParse<ItemType>(name, out var item) ? item : null;
        }

        /// <summary>The one-hot encoders' <c>outputKind</c> (Indicator by default); null when it cannot be read.</summary>
        private static string? OneHotKind(PipelineStep step, LocalValues values) =>
            step.Invocation is { } call && ValueReader.Argument(call, "outputKind") is { ArgumentKind: not ArgumentKind.DefaultValue } argument
                ? EnumName(argument.Value, values)
                : "Indicator";

        private static int Rank(PipelineStep step, LocalValues values) =>
            step.Invocation is { } call && ValueReader.Argument(call, "rank") is { } argument
                ? argument.ArgumentKind == ArgumentKind.DefaultValue ? 20 : ValueReader.Constant(argument.Value, values) is int rank && rank > 0 ? rank : 0
                : 0;

        /// <summary>The name of the enum member a constant argument stands for.</summary>
        private static string? EnumName(IOperation value, LocalValues values)
        {
            var operation = ValueReader.Resolve(value, values);
            if (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }

            if (operation is IFieldReferenceOperation { Field: { IsConst: true, ContainingType.TypeKind: TypeKind.Enum } field })
            {
                return field.Name;
            }

            if (operation.Type is INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType && operation.ConstantValue is { HasValue: true, Value: { } constant })
            {
                foreach (var member in enumType.GetMembers())
                {
                    if (member is IFieldSymbol { HasConstantValue: true } candidate && Equals(candidate.ConstantValue, constant))
                    {
                        return candidate.Name;
                    }
                }
            }

            return null;
        }
    }
}
