using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using EffectiveML.Analyzers.Infrastructure;
using EffectiveML.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;

namespace EffectiveML.Docs
{
    /// <summary>One rule as the documents list it: its descriptor, the class that reports it and its fix, if any.</summary>
    public sealed record RuleEntry(DiagnosticDescriptor Descriptor, string RuleClass, string? FixSummary)
    {
        public string Id => Descriptor.Id;

        public string Title => Descriptor.Title.ToString();

        public Principle Principle => Descriptors.PrincipleOf(Id);

        /// <summary>The rule's section in rules.md.</summary>
        public string Anchor => Descriptors.Anchor(Id + ": " + Title);

        public bool InRecommended => !Descriptor.CustomTags.Contains(Descriptors.NotInRecommendedTag);
    }

    /// <summary>The rules the analyzer assembly ships and the fixes the code-fix assembly ships for them.</summary>
    public static class RuleCatalog
    {
        public static ImmutableArray<RuleEntry> Load()
        {
            var fixes = typeof(RuleCodeFix).Assembly.GetTypes()
                .Where(type => !type.IsAbstract && typeof(RuleCodeFix).IsAssignableFrom(type))
                .Select(type => (RuleCodeFix)Activator.CreateInstance(type)!)
                .SelectMany(fix => fix.FixableDiagnosticIds.Select(id => (id, fix.Summary)))
                .ToDictionary(pair => pair.id, pair => pair.Summary, StringComparer.Ordinal);

            var entries = new List<RuleEntry>();
            foreach (var rule in EffectiveMLSuiteAnalyzer.AllRules)
            {
                foreach (var descriptor in rule.SupportedDiagnostics)
                {
                    entries.Add(new RuleEntry(descriptor, rule.GetType().Name, fixes.TryGetValue(descriptor.Id, out var summary) ? summary : null));
                }
            }

            return entries.OrderBy(entry => entry.Id, StringComparer.Ordinal).ToImmutableArray();
        }
    }
}
