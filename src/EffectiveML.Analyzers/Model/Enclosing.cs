using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace EffectiveML.Analyzers.Model
{
    /// <summary>What encloses an operation within its member: a loop body, a lambda, the LINQ call a lambda is given to.</summary>
    internal static class Enclosing
    {
        /// <summary>
        /// The innermost loop whose body contains the operation (not its collection or condition),
        /// within the same function: a lambda or local function in the loop is another function.
        /// </summary>
        public static ILoopOperation? Loop(IOperation operation)
        {
            var child = operation;
            for (var parent = operation.Parent; parent is not null; child = parent, parent = parent.Parent)
            {
                switch (parent)
                {
                    case IAnonymousFunctionOperation:
                    case ILocalFunctionOperation:
                        return null;
                    case ILoopOperation loop when loop.Body == child:
                        return loop;
                }
            }

            return null;
        }

        /// <summary>Whether <paramref name="ancestor"/> holds <paramref name="operation"/> (or is it).</summary>
        public static bool IsWithin(IOperation operation, IOperation ancestor)
        {
            for (var current = operation; current is not null; current = current.Parent)
            {
                if (current == ancestor)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The lambda or local function that holds the operation; null for the member's own body.</summary>
        public static IOperation? Function(IOperation operation)
        {
            for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
            {
                if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    return parent;
                }
            }

            return null;
        }

        /// <summary>Both operations run in the same function: the member's body, or one lambda or local function.</summary>
        public static bool SameFunction(IOperation first, IOperation second) => Function(first) == Function(second);

        /// <summary>
        /// The resources of a <c>using</c> that <paramref name="parent"/> holds open over its child
        /// <paramref name="child"/> and that <paramref name="holds"/> accepts: a <c>using</c>
        /// statement whose body is the child, or a <c>using var</c> declared earlier in the block
        /// the child is a statement of. Null for anything else.
        /// </summary>
        public static IOperation? UsingOver<TState>(IOperation parent, IOperation child, TState state, System.Func<IOperation, TState, bool> holds)
        {
            switch (parent)
            {
                case IUsingOperation @using when @using.Body == child && holds(@using.Resources, state):
                    return @using.Resources;
                case IBlockOperation block:
                    foreach (var statement in block.Operations)
                    {
                        if (statement == child)
                        {
                            return null;
                        }

                        if (statement is IUsingDeclarationOperation declaration && holds(declaration.DeclarationGroup, state))
                        {
                            return declaration.DeclarationGroup;
                        }
                    }

                    return null;
                default:
                    return null;
            }
        }

        /// <summary>The LINQ call (Enumerable, Queryable, ParallelEnumerable) whose lambda contains the operation.</summary>
        public static IInvocationOperation? LinqCall(IOperation operation, KnownSymbols symbols) =>
            LambdaCall(operation) is { } call
            && (MLApi.Is(call.TargetMethod.ContainingType, symbols.Enumerable)
                || MLApi.Is(call.TargetMethod.ContainingType, symbols.Queryable)
                || MLApi.Is(call.TargetMethod.ContainingType, symbols.ParallelEnumerable))
                ? call
                : null;

        /// <summary>The innermost lambda that contains the operation.</summary>
        public static IAnonymousFunctionOperation? Lambda(IOperation operation)
        {
            for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
            {
                if (parent is IAnonymousFunctionOperation lambda)
                {
                    return lambda;
                }
            }

            return null;
        }

        /// <summary>The call a lambda containing the operation is passed to, directly.</summary>
        public static IInvocationOperation? LambdaCall(IOperation operation)
        {
            for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
            {
                if (parent is ILocalFunctionOperation)
                {
                    return null;
                }

                if (parent is IAnonymousFunctionOperation lambda)
                {
                    var up = lambda.Parent;
                    while (up is IDelegateCreationOperation or IConversionOperation)
                    {
                        up = up.Parent;
                    }

                    return up is IArgumentOperation { Parent: IInvocationOperation call } ? call : null;
                }
            }

            return null;
        }
    }
}
