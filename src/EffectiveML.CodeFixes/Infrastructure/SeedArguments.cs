using System.Globalization;
using System.Linq;
using EffectiveML.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace EffectiveML.CodeFixes.Infrastructure
{
    /// <summary>Writes a seed into an argument list: replaces an explicit null seed, or appends one.</summary>
    internal static class SeedArguments
    {
        public static int SeedFrom(Diagnostic diagnostic) =>
            diagnostic.Properties.TryGetValue(EffectiveMLOptions.SeedValueProperty, out var text)
            && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed)
                ? seed
                : 0;

        public static ExpressionSyntax Literal(int seed) => seed switch
        {
            int.MinValue => SyntaxFactory.ParseExpression("int.MinValue"),
            < 0 => SyntaxFactory.PrefixUnaryExpression(
                SyntaxKind.UnaryMinusExpression,
                SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(-seed))),
            _ => SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(seed)),
        };

        /// <summary>
        /// The list with <c>seed: N</c>: an argument named <c>seed</c>, or the positional argument
        /// that binds to the seed parameter at <paramref name="seedOrdinal"/>, gets the value;
        /// otherwise <c>seed: N</c> (or, when <paramref name="named"/> is false, <c>N</c>) is appended.
        /// </summary>
        public static ArgumentListSyntax WithSeed(ArgumentListSyntax? list, int seed, int seedOrdinal, bool named)
        {
            list ??= SyntaxFactory.ArgumentList();
            var value = Literal(seed);

            var existing = list.Arguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText == "seed");
            if (existing is null && seedOrdinal >= 0 && seedOrdinal < list.Arguments.Count
                && list.Arguments.Take(seedOrdinal + 1).All(a => a.NameColon is null))
            {
                existing = list.Arguments[seedOrdinal];
            }

            if (existing is not null)
            {
                return list.ReplaceNode(existing, existing.WithExpression(value.WithTriviaFrom(existing.Expression)));
            }

            var argument = named
                ? SyntaxFactory.Argument(
                    SyntaxFactory.NameColon(SyntaxFactory.IdentifierName("seed")).WithTrailingTrivia(SyntaxFactory.Space),
                    default,
                    value)
                : SyntaxFactory.Argument(value);

            return list.AddArguments(argument.WithAdditionalAnnotations(Formatter.Annotation));
        }
    }
}
