using System;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;

namespace EffectiveML.Analyzers.Infrastructure
{
    /// <summary>
    /// Every descriptor of the suite, built by one factory so that category, help link, severity
    /// and tags follow one scheme.
    /// </summary>
    public static class Descriptors
    {
        /// <summary>Where rules.md lives; each descriptor links to its own section.</summary>
        public const string RulesDocument = "https://github.com/effective-ml/EffectiveML/blob/main/rules.md";

        public static readonly DiagnosticDescriptor InvalidOption = Create(
            RuleIds.InvalidOption,
            "Invalid EffectiveML option",
            "'{0} = {1}' is not valid: expected {2}; the default {3} is used",
            DiagnosticSeverity.Warning,
            "An effective_ml.* option in .editorconfig has a value the rule cannot read. The rule falls back to its default, so the setting you wrote has no effect.",
            compilationEnd: true);

        public static readonly DiagnosticDescriptor MLContextWithoutSeed = Create(
            RuleIds.MLContextWithoutSeed,
            "MLContext created without a seed",
            "MLContext created without a seed is used for {0}; results change from run to run",
            DiagnosticSeverity.Warning,
            "An MLContext without a seed draws its randomness from the environment, so splits, shuffles and trainers give different results on every run and no result can be reproduced.");

        public static readonly DiagnosticDescriptor SplitWithoutSeed = Create(
            RuleIds.SplitWithoutSeed,
            "Split or shuffle without a seed on a context of unknown seed",
            "'{0}' has no seed and its MLContext comes from {1}, whose seed is not in view",
            DiagnosticSeverity.Warning,
            "When the MLContext is created elsewhere, a split or shuffle without its own seed is reproducible only if every caller remembered to seed the context. Pass the seed where the randomness happens.");

        public static readonly DiagnosticDescriptor UnseededRandom = Create(
            RuleIds.UnseededRandom,
            "Unseeded System.Random in ML code",
            "{0} is unseeded in '{1}', which works with ML types; its numbers differ on every run",
            DiagnosticSeverity.Warning,
            "Random numbers that feed sampling, augmentation or initialization in ML code must come from a seeded generator, or the experiment cannot be repeated.");

        public static readonly DiagnosticDescriptor NonReproducibleSeed = Create(
            RuleIds.NonReproducibleSeed,
            "Seed taken from a non-reproducible source",
            "The seed for '{0}' is computed from {1}, which differs on every run",
            DiagnosticSeverity.Warning,
            "A seed computed from the clock, a GUID or another random source is no seed at all: every run differs and the value that produced a result is lost.");

        /// <summary>The GitHub anchor of a rule's section heading "### {id}: {title}" in rules.md.</summary>
        public static string HelpLink(string id, string title) => RulesDocument + "#" + Anchor(id + ": " + title);

        /// <summary>Reproduces the anchor GitHub derives from a heading: lower case, punctuation dropped, spaces to hyphens.</summary>
        public static string Anchor(string heading)
        {
            var builder = new StringBuilder(heading.Length);
            foreach (var c in heading.Trim().ToLowerInvariant())
            {
                if (char.IsLetterOrDigit(c) || c == '-' || c == '_')
                {
                    builder.Append(c);
                }
                else if (c == ' ')
                {
                    builder.Append('-');
                }
            }

            return builder.ToString();
        }

        public static Principle PrincipleOf(string id) => (Principle)(id[3] - '0');

        private static DiagnosticDescriptor Create(
            string id,
            string title,
            string messageFormat,
            DiagnosticSeverity defaultSeverity,
            string description,
            bool enabledByDefault = true,
            bool compilationEnd = false)
        {
            var tags = compilationEnd
                ? new[] { "EffectiveML", WellKnownDiagnosticTags.CompilationEnd }
                : new[] { "EffectiveML" };

            return new DiagnosticDescriptor(
                id,
                title,
                messageFormat,
                PrincipleOf(id).ToString(),
                defaultSeverity,
                enabledByDefault,
                description,
                HelpLink(id, title),
                tags.ToArray());
        }
    }
}
