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
