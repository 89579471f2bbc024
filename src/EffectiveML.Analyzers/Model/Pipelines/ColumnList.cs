using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace EffectiveML.Analyzers.Model.Pipelines
{
    /// <summary>
    /// Reads a list of column names built in view: an array of names (literals, constants,
    /// <c>nameof</c>), an array of <c>TextLoader.Column</c>s, and either of them run through
    /// <c>Select(c =&gt; c.Name)</c>, <c>Where(...)</c>, <c>Except(...)</c>, <c>ToArray()</c> or
    /// <c>ToList()</c> within the member. A <c>Where</c> whose condition compares names or data
    /// kinds with constants is evaluated per element; any other condition, projection or source
    /// makes the list unknown.
    /// </summary>
    internal sealed class ColumnList
    {
        private const int MaxDepth = 8;

        private readonly MLApi _api;
        private readonly INamedTypeSymbol? _enumerable;
        private readonly LocalValues _values;

        // Lists read in one call, however they nest (a Where that tests membership in another
        // list): code that does not compile can nest without end, and a list this long is not read.
        private int _listsLeft = 256;

        public ColumnList(KnownSymbols symbols, LocalValues values)
        {
            _api = symbols.Api;
            _enumerable = symbols.Enumerable;
            _values = values;
        }

        /// <summary>
        /// The columns a list names, each with the operation it was read from: the element itself
        /// for an array written in the call, the whole expression for a list computed from one.
        /// Default when the list cannot be read.
        /// </summary>
        public ImmutableArray<Column> Read(IOperation value)
        {
            var resolved = ValueReader.Resolve(value, _values);
            if (resolved is IArrayCreationOperation { Initializer: { } initializer })
            {
                var direct = ImmutableArray.CreateBuilder<Column>(initializer.ElementValues.Length);
                foreach (var element in initializer.ElementValues)
                {
                    direct.Add(new Column(ValueReader.String(element, _values), element));
                }

                return direct.MoveToImmutable();
            }

            if (Elements(resolved, depth: 0) is not { } computed)
            {
                return default;
            }

            var columns = ImmutableArray.CreateBuilder<Column>(computed.Count);
            foreach (var element in computed)
            {
                if (NameOf(element) is not { } name)
                {
                    return default;
                }

                columns.Add(new Column(name, value));
            }

            return columns.MoveToImmutable();
        }

        /// <summary>The elements of a list: name expressions or <c>TextLoader.Column</c> creations; null when not in view.</summary>
        private List<IOperation>? Elements(IOperation value, int depth)
        {
            if (depth > MaxDepth || --_listsLeft < 0)
            {
                return null;
            }

            var resolved = ValueReader.Resolve(value, _values);
            if (resolved is IArrayCreationOperation { Initializer: { } initializer })
            {
                var elements = new List<IOperation>(initializer.ElementValues.Length);
                foreach (var element in initializer.ElementValues)
                {
                    elements.Add(ValueReader.Resolve(element, _values));
                }

                return elements;
            }

            if (resolved is not IInvocationOperation { TargetMethod: { } method } call
                || !MLApi.Is(method.ContainingType, _enumerable)
                || ValueTracker.Receiver(call) is not { } source
                || Elements(source, depth + 1) is not { } items)
            {
                return null;
            }

            switch (method.Name)
            {
                case "ToArray":
                case "ToList":
                case "AsEnumerable":
                    return items;
                case "Select" when Lambda(call) is { } projection:
                    var projected = new List<IOperation>(items.Count);
                    foreach (var item in items)
                    {
                        if (Project(projection, item) is not { } name)
                        {
                            return null;
                        }

                        projected.Add(name);
                    }

                    return projected;
                case "Where" when Lambda(call) is { } condition:
                    var kept = new List<IOperation>(items.Count);
                    foreach (var item in items)
                    {
                        switch (Evaluate(condition, item, depth))
                        {
                            case true:
                                kept.Add(item);
                                break;
                            case null:
                                return null;
                        }
                    }

                    return kept;
                case "Except" when ValueReader.Argument(call, "second") is { } second && Elements(second.Value, depth + 1) is { } removed:
                    var removedNames = new HashSet<string>(StringComparer.Ordinal);
                    foreach (var item in removed)
                    {
                        if (NameOf(item) is not { } name)
                        {
                            return null;
                        }

                        removedNames.Add(name);
                    }

                    var remaining = new List<IOperation>(items.Count);
                    foreach (var item in items)
                    {
                        if (NameOf(item) is not { } name)
                        {
                            return null;
                        }

                        if (!removedNames.Contains(name))
                        {
                            remaining.Add(item);
                        }
                    }

                    return remaining;
                default:
                    return null;
            }
        }

        /// <summary>A column's name: a constant string, or the name a <c>TextLoader.Column</c> is created with.</summary>
        private string? NameOf(IOperation element)
        {
            if (ValueReader.String(element, _values) is { } name)
            {
                return name;
            }

            return ColumnCreation(element) is { } creation && ValueReader.Argument(creation.Arguments, "name") is { } argument
                ? ValueReader.String(argument.Value, _values)
                : null;
        }

        private IObjectCreationOperation? ColumnCreation(IOperation element) =>
            ValueReader.Resolve(element, _values) is IObjectCreationOperation creation && MLApi.Is(creation.Type, _api.TextLoaderColumn)
                ? creation
                : null;

        private static IAnonymousFunctionOperation? Lambda(IInvocationOperation call)
        {
            foreach (var argument in call.Arguments)
            {
                if (ValueTracker.Unwrap(argument.Value) is IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda }
                    && lambda.Symbol.Parameters.Length == 1)
                {
                    return lambda;
                }
            }

            return null;
        }

        /// <summary>The one expression a lambda returns.</summary>
        private static IOperation? Result(IAnonymousFunctionOperation lambda) =>
            lambda.Body.Operations.Length == 1 && lambda.Body.Operations[0] is IReturnOperation { ReturnedValue: { } returned } ? returned : null;

        /// <summary><c>c =&gt; c.Name</c> of a column, or <c>c =&gt; c</c>: the element's name as an operation of its own.</summary>
        private IOperation? Project(IAnonymousFunctionOperation projection, IOperation item)
        {
            switch (Result(projection) is { } result ? ValueTracker.Unwrap(result) : null)
            {
                case IParameterReferenceOperation:
                    return item;
                case IPropertyReferenceOperation { Property.Name: "Name", Instance: IParameterReferenceOperation }:
                case IFieldReferenceOperation { Field.Name: "Name", Instance: IParameterReferenceOperation }:
                    return ColumnCreation(item) is { } creation && ValueReader.Argument(creation.Arguments, "name") is { } name ? name.Value : null;
                default:
                    return null;
            }
        }

        /// <summary>Whether a <c>Where</c> condition holds for an element; null when it cannot be told.</summary>
        private bool? Evaluate(IAnonymousFunctionOperation condition, IOperation item, int depth) =>
            Result(condition) is { } result ? Truth(result, item, depth) : null;

        private bool? Truth(IOperation operation, IOperation item, int depth)
        {
            switch (ValueTracker.Unwrap(operation))
            {
                case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                    return Truth(not.Operand, item, depth) is { } inner ? !inner : null;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.And } and:
                    return Truth(and.LeftOperand, item, depth) is { } left && Truth(and.RightOperand, item, depth) is { } right ? left && right : null;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr or BinaryOperatorKind.Or } or:
                    return Truth(or.LeftOperand, item, depth) is { } either && Truth(or.RightOperand, item, depth) is { } other ? either || other : null;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison:
                    if (Value(comparison.LeftOperand, item) is not { } a || Value(comparison.RightOperand, item) is not { } b)
                    {
                        return null;
                    }

                    return Equals(a, b) == (comparison.OperatorKind == BinaryOperatorKind.Equals);
                case IInvocationOperation { TargetMethod.Name: "Equals" } equals when equals.Arguments.Length >= 1:
                    var first = equals.Instance is { } instance ? instance : equals.Arguments[0].Value;
                    var second = equals.Instance is not null ? equals.Arguments[0].Value : equals.Arguments.Length > 1 ? equals.Arguments[1].Value : null;
                    return second is not null && Value(first, item) is { } x && Value(second, item) is { } y ? Equals(x, y) : null;
                case IInvocationOperation { TargetMethod.Name: "Contains", Instance: null } contains when contains.Arguments.Length == 2:
                    return Elements(contains.Arguments[0].Value, depth + 1) is { } set && Value(contains.Arguments[1].Value, item) is string sought
                        ? ContainsName(set, sought)
                        : null;
                default:
                    return null;
            }
        }

        private bool? ContainsName(List<IOperation> set, string sought)
        {
            foreach (var element in set)
            {
                if (NameOf(element) is not { } name)
                {
                    return null;
                }

                if (name == sought)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The value an operand of a condition has for an element: the element's name (the
        /// parameter itself, or <c>c.Name</c>), its data kind (<c>c.DataKind</c>), or a constant.
        /// </summary>
        private object? Value(IOperation operand, IOperation item)
        {
            switch (ValueTracker.Unwrap(operand))
            {
                case IParameterReferenceOperation:
                    return NameOf(item);
                case IMemberReferenceOperation { Member.Name: "Name", Instance: IParameterReferenceOperation }:
                    return NameOf(item);
                case IMemberReferenceOperation { Member.Name: "DataKind", Instance: IParameterReferenceOperation }:
                    return ColumnCreation(item) is { } creation && ValueReader.Argument(creation.Arguments, "dataKind") is { } kind
                        ? ValueReader.Constant(kind.Value, _values)
                        : null;
                default:
                    return ValueReader.Constant(operand, _values);
            }
        }
    }
}
