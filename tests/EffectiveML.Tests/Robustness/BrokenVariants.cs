using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace EffectiveML.Tests.Robustness
{
    /// <summary>One broken program and how it was made, so a failure can be reproduced.</summary>
    internal sealed record BrokenVariant(int Source, string Kind, int Position, string Text);

    /// <summary>
    /// Breaks a program the ways an editor sees it while someone types: cut off after a token,
    /// one token deleted or doubled, an identifier renamed to something that does not exist.
    /// Deterministic for a given seed.
    /// </summary>
    internal static class BrokenVariants
    {
        public static IEnumerable<BrokenVariant> Of(int sourceIndex, string source, int count, int seed)
        {
            var tokens = CSharpSyntaxTree.ParseText(source).GetRoot().DescendantTokens().Where(t => t.Span.Length > 0).ToArray();
            if (tokens.Length == 0)
            {
                yield break;
            }

            var random = new Random(seed);
            var perKind = Math.Max(1, count / 4);

            // (a) Prefixes at token boundaries, evenly spread.
            var step = Math.Max(1, tokens.Length / perKind);
            for (var i = 0; i < tokens.Length; i += step)
            {
                yield return new BrokenVariant(sourceIndex, "prefix", tokens[i].Span.End, source.Substring(0, tokens[i].Span.End));
            }

            // (b) One token deleted, (c) one token doubled, at seeded positions.
            for (var i = 0; i < perKind; i++)
            {
                var token = tokens[random.Next(tokens.Length)];
                yield return new BrokenVariant(sourceIndex, "delete", token.SpanStart, source.Remove(token.SpanStart, token.Span.Length));
                var other = tokens[random.Next(tokens.Length)];
                yield return new BrokenVariant(sourceIndex, "duplicate", other.SpanStart, source.Insert(other.Span.End, " " + other.Text));
            }

            // (d) An identifier renamed to an unknown symbol: unresolved types and members everywhere.
            var identifiers = tokens.Where(t => t.IsKind(SyntaxKind.IdentifierToken)).ToArray();
            for (var i = 0; i < perKind && identifiers.Length > 0; i++)
            {
                var identifier = identifiers[random.Next(identifiers.Length)];
                var renamed = new StringBuilder(source).Remove(identifier.SpanStart, identifier.Span.Length).Insert(identifier.SpanStart, identifier.Text + "Unknown" + i).ToString();
                yield return new BrokenVariant(sourceIndex, "rename", identifier.SpanStart, renamed);
            }
        }
    }
}
