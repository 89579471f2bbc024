using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace EffectiveML.Analyzers.Infrastructure
{
    /// <summary>How messages name things and where diagnostics point, the same way in every rule.</summary>
    internal static class Describe
    {
        private const int ShownNames = 3;

        /// <summary>"'Age'", "'Age' and 'Fare'", "'Age', 'Fare', 'Cabin' and 3 more".</summary>
        public static string Names(IReadOnlyList<string> names)
        {
            var builder = new StringBuilder();
            var shown = names.Count <= ShownNames + 1 ? names.Count : ShownNames;
            for (var i = 0; i < shown; i++)
            {
                if (i > 0)
                {
                    builder.Append(i == names.Count - 1 ? " and " : ", ");
                }

                builder.Append('\'').Append(names[i]).Append('\'');
            }

            if (shown < names.Count)
            {
                builder.Append(" and ").Append(names.Count - shown).Append(" more");
            }

            return builder.ToString();
        }

        /// <summary>The source text of an expression, shortened for a message.</summary>
        public static string Code(SyntaxNode node)
        {
            var text = node.ToString();
            return text.Length <= 60 ? text : text.Substring(0, 57) + "...";
        }

        /// <summary>From a call's method name to its closing parenthesis: <c>TrainTestSplit(data, 0.2)</c>.</summary>
        public static Location CallLocation(SyntaxNode invocation)
        {
            if (invocation is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access })
            {
                return Location.Create(invocation.SyntaxTree, TextSpan.FromBounds(access.Name.SpanStart, invocation.Span.End));
            }

            return invocation.GetLocation();
        }
    }
}
