using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace EffectiveML.Analyzers.Model
{
    /// <summary>Where a call runs, seen from the operations around it: once, per loop iteration, per item, per request.</summary>
    internal static class CallContexts
    {
        /// <summary>
        /// The innermost loop whose body contains the operation (not its collection or condition),
        /// within the same function: a lambda or local function in the loop is another function.
        /// </summary>
        public static ILoopOperation? EnclosingLoop(IOperation operation)
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

        /// <summary>The LINQ call (Enumerable, Queryable, ParallelEnumerable) whose lambda contains the operation.</summary>
        public static IInvocationOperation? EnclosingLinqCall(IOperation operation, MLApi api) =>
            EnclosingLambdaCall(operation) is { } call
            && (MLApi.Is(call.TargetMethod.ContainingType, api.Enumerable)
                || MLApi.Is(call.TargetMethod.ContainingType, api.Queryable)
                || MLApi.Is(call.TargetMethod.ContainingType, api.ParallelEnumerable))
                ? call
                : null;

        /// <summary>The minimal-API route (<c>MapGet</c>, <c>MapPost</c> …) whose handler lambda contains the operation.</summary>
        public static IInvocationOperation? EnclosingMinimalApiRoute(IOperation operation, MLApi api) =>
            EnclosingLambdaCall(operation) is { } call && MLApi.Is(call.TargetMethod.ContainingType, api.EndpointRouteBuilderExtensions) && call.TargetMethod.Name.StartsWith("Map", System.StringComparison.Ordinal)
                ? call
                : null;

        /// <summary>An action of an ASP.NET Core controller: a public instance method of a ControllerBase, or one with an [Http*] attribute.</summary>
        public static bool IsControllerAction(ISymbol? member, MLApi api)
        {
            if (member is not IMethodSymbol { MethodKind: MethodKind.Ordinary, IsStatic: false } method)
            {
                return false;
            }

            foreach (var attribute in method.GetAttributes())
            {
                if (KnownSymbols.InheritsFrom(attribute.AttributeClass, api.HttpMethodAttribute))
                {
                    return true;
                }
            }

            return method.DeclaredAccessibility == Accessibility.Public && KnownSymbols.InheritsFrom(method.ContainingType, api.ControllerBase);
        }

        /// <summary>The innermost lambda that contains the operation.</summary>
        public static IAnonymousFunctionOperation? EnclosingLambda(IOperation operation)
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
        private static IInvocationOperation? EnclosingLambdaCall(IOperation operation)
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
