using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace EffectiveML.Analyzers.Model
{
    /// <summary>
    /// What the calls in view pass for a parameter, and whether calls out of view may pass something else.
    /// </summary>
    internal readonly struct PassedValues
    {
        public PassedValues(IReadOnlyList<IOperation> arguments, bool alsoFromElsewhere)
        {
            Arguments = arguments;
            AlsoFromElsewhere = alsoFromElsewhere;
        }

        public IReadOnlyList<IOperation> Arguments { get; }

        /// <summary>The method may be called from code not in view (or not called in view at all).</summary>
        public bool AlsoFromElsewhere { get; }
    }

    /// <summary>
    /// Follows values backwards within a member: through locals, conversions, conditionals and
    /// receiver chains (<c>ml.Data.TrainTestSplit</c>, <c>pipeline.Fit</c>), through fields or
    /// properties whose assignments the caller can see (those of the type being analyzed), and
    /// from a parameter to the arguments of the calls the caller can see. Nothing else is followed
    /// into other methods: a call result is an origin of its own.
    /// </summary>
    internal sealed class ValueTracker
    {
        private readonly Func<IOperation, LocalValues> _valuesOf;
        private readonly Func<ISymbol, IReadOnlyList<IOperation>?> _assignmentsInView;
        private readonly Func<IParameterSymbol, PassedValues?> _argumentsInView;

        /// <param name="models">The shared member models, whose locals the tracker follows.</param>
        /// <param name="assignmentsInView">
        /// The values assigned to a field or property in view, or null when its assignments are not in view.
        /// </param>
        /// <param name="argumentsInView">
        /// What the calls in view pass for a parameter, or null when its method's calls are not in view.
        /// </param>
        public ValueTracker(
            MemberModelCache models,
            Func<ISymbol, IReadOnlyList<IOperation>?>? assignmentsInView = null,
            Func<IParameterSymbol, PassedValues?>? argumentsInView = null)
        {
            _valuesOf = operation => models.Of(operation).Values;
            _assignmentsInView = assignmentsInView ?? (_ => null);
            _argumentsInView = argumentsInView ?? (_ => null);
        }

        /// <summary>
        /// Walks from an operation back along receivers (and the locals holding them) to the first
        /// operations for which <paramref name="isRoot"/> holds; where the walk cannot go on, the
        /// operation reached is returned instead, so a caller always learns where tracking stopped.
        /// </summary>
        public List<IOperation> ReceiverRoots(IOperation start, Func<IOperation, bool> isRoot)
        {
            var roots = new List<IOperation>();
            var visited = new HashSet<IOperation>();
            var pending = new Stack<IOperation>();
            pending.Push(start);

            while (pending.Count > 0)
            {
                var operation = Unwrap(pending.Pop());
                if (!visited.Add(operation))
                {
                    continue;
                }

                if (isRoot(operation))
                {
                    roots.Add(operation);
                    continue;
                }

                switch (operation)
                {
                    case ILocalReferenceOperation local when _valuesOf(local).TryGetAssignedValues(local.Local, out var values):
                        foreach (var value in values)
                        {
                            pending.Push(value);
                        }

                        break;
                    case IInvocationOperation invocation when Receiver(invocation) is { } receiver:
                        pending.Push(receiver);
                        break;
                    case IInvocationOperation factory when RootArguments(factory, isRoot) is { Count: > 0 } arguments:
                        // A factory such as BuildPipeline(mlContext) builds its result from the root it is given.
                        foreach (var argument in arguments)
                        {
                            pending.Push(argument);
                        }

                        break;
                    case IMemberReferenceOperation { Instance: { } instance } when instance is not IInstanceReferenceOperation:
                        pending.Push(instance);
                        break;
                    default:
                        roots.Add(operation);
                        break;
                }
            }

            return roots;
        }

        /// <summary>Every origin a value may have.</summary>
        public List<ValueOrigin> Origins(IOperation value)
        {
            var origins = new List<ValueOrigin>();
            var visited = new HashSet<IOperation>();
            var visitedMembers = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            var pending = new Stack<IOperation>();
            pending.Push(value);

            while (pending.Count > 0)
            {
                var operation = Unwrap(pending.Pop());
                if (!visited.Add(operation))
                {
                    continue;
                }

                switch (operation)
                {
                    case IObjectCreationOperation:
                        origins.Add(new ValueOrigin(OriginKind.Created, operation, null));
                        break;
                    case ILocalReferenceOperation local:
                        if (_valuesOf(local).TryGetAssignedValues(local.Local, out var values))
                        {
                            foreach (var assigned in values)
                            {
                                pending.Push(assigned);
                            }
                        }
                        else
                        {
                            origins.Add(new ValueOrigin(OriginKind.Unknown, operation, local.Local));
                        }

                        break;
                    case IParameterReferenceOperation parameter:
                        if (!visitedMembers.Add(parameter.Parameter))
                        {
                            break;
                        }

                        // A parameter the method assigns holds more than what its callers pass.
                        if (!_valuesOf(parameter).IsReassigned(parameter.Parameter) && _argumentsInView(parameter.Parameter) is { } passed)
                        {
                            foreach (var argument in passed.Arguments)
                            {
                                pending.Push(argument);
                            }

                            if (!passed.AlsoFromElsewhere)
                            {
                                break;
                            }
                        }

                        origins.Add(new ValueOrigin(OriginKind.Parameter, operation, parameter.Parameter));
                        break;
                    case IMemberReferenceOperation { Member: IFieldSymbol or IPropertySymbol } reference:
                        if (!visitedMembers.Add(reference.Member))
                        {
                            break;
                        }

                        if (_assignmentsInView(reference.Member) is { Count: > 0 } inView)
                        {
                            foreach (var assigned in inView)
                            {
                                pending.Push(assigned);
                            }
                        }
                        else
                        {
                            var kind = reference.Member is IFieldSymbol ? OriginKind.Field : OriginKind.Property;
                            origins.Add(new ValueOrigin(kind, operation, reference.Member));
                        }

                        break;
                    case ICoalesceOperation coalesce:
                        pending.Push(coalesce.Value);
                        pending.Push(coalesce.WhenNull);
                        break;
                    case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                        pending.Push(conditional.WhenTrue);
                        pending.Push(whenFalse);
                        break;
                    case IInvocationOperation invocation:
                        origins.Add(new ValueOrigin(OriginKind.MethodResult, operation, invocation.TargetMethod));
                        break;
                    default:
                        origins.Add(new ValueOrigin(OriginKind.Unknown, operation, null));
                        break;
                }
            }

            return origins;
        }

        /// <summary>
        /// The values an expression is built from, following locals within the member: used to ask
        /// "does anything this value is computed from come from X".
        /// </summary>
        public IEnumerable<IOperation> Contributors(IOperation value)
        {
            var visited = new HashSet<IOperation>();
            var pending = new Stack<IOperation>();
            pending.Push(value);

            while (pending.Count > 0)
            {
                var current = pending.Pop();
                if (!visited.Add(current))
                {
                    continue;
                }

                foreach (var operation in current.DescendantsAndSelf())
                {
                    yield return operation;
                    if (operation is ILocalReferenceOperation local && _valuesOf(local).TryGetAssignedValues(local.Local, out var values))
                    {
                        foreach (var assigned in values)
                        {
                            pending.Push(assigned);
                        }
                    }
                }
            }
        }

        private static List<IOperation>? RootArguments(IInvocationOperation invocation, Func<IOperation, bool> isRoot)
        {
            List<IOperation>? roots = null;
            foreach (var argument in invocation.Arguments)
            {
                if (argument.ArgumentKind != ArgumentKind.DefaultValue && isRoot(Unwrap(argument.Value)))
                {
                    (roots ??= new List<IOperation>()).Add(argument.Value);
                }
            }

            return roots;
        }

        /// <summary>
        /// The MLContext a catalog call hangs off (<c>ml</c> in <c>ml.Regression.Trainers.Sdca()</c>),
        /// when it is a plain reference a code fix can repeat; null otherwise.
        /// </summary>
        public static IOperation? CatalogContext(IInvocationOperation call, KnownSymbols symbols)
        {
            var receiver = Receiver(call);
            while (receiver is IPropertyReferenceOperation { Instance: { } instance })
            {
                receiver = instance;
            }

            return receiver is ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation
                && MLApi.Is(receiver.Type, symbols.MLContext)
                    ? receiver
                    : null;
        }

        /// <summary>The receiver of a call: its instance, or the first argument of an extension method.</summary>
        public static IOperation? Receiver(IInvocationOperation invocation)
        {
            if (invocation.Instance is { } instance)
            {
                return instance;
            }

            if (invocation.TargetMethod.IsExtensionMethod)
            {
                foreach (var argument in invocation.Arguments)
                {
                    if (argument.Parameter?.Ordinal == 0)
                    {
                        return argument.Value;
                    }
                }
            }

            return null;
        }

        /// <summary>The top of the operation tree a member's operation belongs to (its body or initializer).</summary>
        public static IOperation MemberRoot(IOperation operation)
        {
            while (operation.Parent is not null)
            {
                operation = operation.Parent;
            }

            return operation;
        }

        /// <summary>
        /// The variable an expression reads: a local, a parameter, or a field or property (not an
        /// indexer) that is static or of this instance. Null for anything else, a member of another
        /// object included: two objects' fields of one symbol are two variables.
        /// </summary>
        public static ISymbol? Variable(IOperation operation) => Unwrap(operation) switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            IMemberReferenceOperation { Member: IFieldSymbol or IPropertySymbol { IsIndexer: false }, Instance: null or IInstanceReferenceOperation } member => member.Member,
            _ => null,
        };

        /// <summary>Conversions and parentheses say nothing about where a value comes from.</summary>
        public static IOperation Unwrap(IOperation operation)
        {
            while (true)
            {
                switch (operation)
                {
                    case IConversionOperation conversion:
                        operation = conversion.Operand;
                        break;
                    case IParenthesizedOperation parenthesized:
                        operation = parenthesized.Operand;
                        break;
                    default:
                        return operation;
                }
            }
        }
    }
}
