using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis;

namespace EffectiveML.Analyzers.Infrastructure
{
    /// <summary>
    /// The one factory every rule builds its descriptor with, so that category, help link and tags
    /// follow one scheme: the category is the principle the ID's thousands digit names, the help
    /// link is the rule's section of rules.md.
    /// </summary>
    public static class Descriptors
    {
        /// <summary>Where rules.md lives; each descriptor links to its own section.</summary>
        public const string RulesDocument = "https://github.com/effective-ml/EffectiveML/blob/main/rules.md";

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

        /// <summary>The tag of a rule the Recommended analysis mode leaves at its default severity instead of raising to a warning.</summary>
        public const string NotInRecommendedTag = "NotInRecommended";

        /// <param name="enabledByDefault">False for a rule that runs only when configured on.</param>
        /// <param name="compilationEnd">The rule reports at compilation end (it needs the whole project in view).</param>
        /// <param name="inRecommended">
        /// False for a rule whose findings are often right but not always worth acting on: the
        /// Recommended mode leaves it at its default severity.
        /// </param>
        internal static DiagnosticDescriptor Create(
            string id,
            string title,
            string messageFormat,
            DiagnosticSeverity defaultSeverity,
            string description,
            bool enabledByDefault = true,
            bool compilationEnd = false,
            bool inRecommended = true)
        {
            var tags = new List<string> { "EffectiveML" };
            if (compilationEnd)
            {
                tags.Add(WellKnownDiagnosticTags.CompilationEnd);
            }

            if (!inRecommended)
            {
                tags.Add(NotInRecommendedTag);
            }

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
