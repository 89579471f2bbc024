using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;

namespace EffectiveML.CodeFixes.Infrastructure
{
    /// <summary>Sets one parameter of a call, whether it was passed by position, by name, or not at all.</summary>
    internal static class ArgumentEdits
    {
        /// <summary>
        /// The call with <paramref name="value"/> for <paramref name="parameterName"/>: an argument
        /// that binds to the parameter gets the new value; otherwise <c>name: value</c> is appended.
        /// Null when the call has no such parameter.
        /// </summary>
        public static InvocationExpressionSyntax? WithArgument(
            SemanticModel model,
            InvocationExpressionSyntax invocation,
            string parameterName,
            ExpressionSyntax value,
            CancellationToken cancellationToken)
        {
            if (model.GetOperation(invocation, cancellationToken) is not IInvocationOperation operation)
            {
                return null;
            }

            foreach (var argument in operation.Arguments)
            {
                if (argument.Parameter?.Name != parameterName)
                {
                    continue;
                }

                if (argument.ArgumentKind == ArgumentKind.Explicit && argument.Syntax is ArgumentSyntax written)
                {
                    return invocation.ReplaceNode(written.Expression, value.WithTriviaFrom(written.Expression));
                }

                if (argument.ArgumentKind != ArgumentKind.DefaultValue)
                {
                    return null;
                }

                var named = SyntaxFactory.Argument(
                    SyntaxFactory.NameColon(SyntaxFactory.IdentifierName(parameterName)).WithTrailingTrivia(SyntaxFactory.Space),
                    default,
                    value);
                return invocation.WithArgumentList(invocation.ArgumentList.AddArguments(named.WithAdditionalAnnotations(Formatter.Annotation)));
            }

            return null;
        }
    }
}
