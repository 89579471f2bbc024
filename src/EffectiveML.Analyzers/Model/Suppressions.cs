using System;
using Microsoft.CodeAnalysis;

namespace EffectiveML.Analyzers.Model
{
    /// <summary>A <c>[SuppressMessage]</c> for an EffectiveML rule, as written in source.</summary>
    internal readonly struct Suppression
    {
        public Suppression(AttributeData attribute, string ruleId, string? justification)
        {
            Attribute = attribute;
            RuleId = ruleId;
            Justification = justification;
        }

        public AttributeData Attribute { get; }

        public string RuleId { get; }

        public string? Justification { get; }

        public bool IsJustified => !string.IsNullOrWhiteSpace(Justification);
    }

    /// <summary>Reads <c>[SuppressMessage]</c> attributes: on a symbol, its containing types, and in the assembly with a target.</summary>
    internal static class Suppressions
    {
        /// <summary>The suppression an EffectiveML rule attribute makes, or null for any other attribute.</summary>
        public static Suppression? Read(AttributeData attribute, KnownSymbols symbols)
        {
            if (symbols.SuppressMessageAttribute is null
                || !SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, symbols.SuppressMessageAttribute)
                || attribute.ConstructorArguments.Length < 2
                || attribute.ConstructorArguments[1].Value is not string checkId)
            {
                return null;
            }

            var id = checkId.Split(':')[0].Trim();
            if (!id.StartsWith("EML", StringComparison.Ordinal))
            {
                return null;
            }

            string? justification = null;
            foreach (var named in attribute.NamedArguments)
            {
                if (named.Key == "Justification")
                {
                    justification = named.Value.Value as string;
                }
            }

            return new Suppression(attribute, id, justification);
        }

        /// <summary>
        /// The suppression of <paramref name="ruleId"/> that covers <paramref name="member"/>: on the
        /// member, on a containing type, or an assembly-level one whose Target names either.
        /// </summary>
        public static Suppression? Covering(ISymbol member, string ruleId, KnownSymbols symbols)
        {
            for (var symbol = member; symbol is not null && symbol is not INamespaceSymbol; symbol = symbol.ContainingSymbol)
            {
                foreach (var attribute in symbol.GetAttributes())
                {
                    if (Read(attribute, symbols) is { } suppression && suppression.RuleId == ruleId)
                    {
                        return suppression;
                    }
                }
            }

            foreach (var attribute in member.ContainingAssembly.GetAttributes())
            {
                if (Read(attribute, symbols) is not { } suppression || suppression.RuleId != ruleId)
                {
                    continue;
                }

                var target = Named(attribute, "Target")?.TrimStart('~');
                for (var symbol = member; symbol is not null && symbol is not INamespaceSymbol; symbol = symbol.ContainingSymbol)
                {
                    if (target is not null && target == symbol.GetDocumentationCommentId())
                    {
                        return suppression;
                    }
                }
            }

            return null;
        }

        private static string? Named(AttributeData attribute, string name)
        {
            foreach (var named in attribute.NamedArguments)
            {
                if (named.Key == name)
                {
                    return named.Value.Value as string;
                }
            }

            return null;
        }
    }
}
