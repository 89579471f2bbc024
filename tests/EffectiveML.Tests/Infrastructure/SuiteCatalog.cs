using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using EffectiveML.Analyzers.Infrastructure;
using EffectiveML.CodeFixes.Reproducibility;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace EffectiveML.Tests.Infrastructure
{
    /// <summary>Every analyzer, rule, descriptor and code fix the two assemblies ship, found by reflection.</summary>
    internal static class SuiteCatalog
    {
        /// <summary>What the compiler loads: the analyzers marked [DiagnosticAnalyzer] (the suite, which hosts every rule).</summary>
        public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } = typeof(Rule).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t)
                && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), inherit: false).Length > 0)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

        /// <summary>Every rule (the suite hosts them all; the per-rule tests host one at a time).</summary>
        public static ImmutableArray<Rule> Rules { get; } = typeof(Rule).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(Rule).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (Rule)Activator.CreateInstance(t)!)
            .ToImmutableArray();

        /// <summary>The suite hosting only <paramref name="rules"/>.</summary>
        public static DiagnosticAnalyzer Hosting(params Rule[] rules) => new EffectiveMLSuiteAnalyzer(rules);

        public static ImmutableArray<CodeFixProvider> CodeFixes { get; } = typeof(MLContextWithoutSeedCodeFix).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
            .ToImmutableArray();

        public static ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = Rules
            .SelectMany(a => a.SupportedDiagnostics)
            .GroupBy(d => d.Id)
            .Select(g => g.First())
            .OrderBy(d => d.Id, StringComparer.Ordinal)
            .ToImmutableArray();

        public static ISet<string> FixableIds { get; } = CodeFixes.SelectMany(f => f.FixableDiagnosticIds).ToHashSet();
    }
}
