using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace EffectiveML.CodeFixes.Infrastructure
{
    /// <summary>
    /// The base of every EffectiveML fix: one rule's findings, and Fix All through
    /// <see cref="RuleFixAll"/>. Every rule runs inside one analyzer, so <c>dotnet format</c>,
    /// which asks a fix about the first finding of the analyzers that report the rule's ID, may
    /// hand it another rule's finding: a fix reads only its own rule's.
    /// </summary>
    public abstract class RuleCodeFix : CodeFixProvider
    {
        protected abstract string RuleId { get; }

        /// <summary>What the fix does, in a few words: the rule index in rules.md shows it.</summary>
        public abstract string Summary { get; }

        public sealed override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleId);

        public sealed override FixAllProvider GetFixAllProvider() => RuleFixAll.Around(FixAll);

        /// <summary>How Fix All applies the actions of many findings at once.</summary>
        protected virtual FixAllProvider FixAll => WellKnownFixAllProviders.BatchFixer;

        /// <summary>The node of type <typeparamref name="T"/> at one of a finding's additional locations, when it lies in <paramref name="root"/>'s file.</summary>
        protected static T? NodeAt<T>(SyntaxNode root, Diagnostic diagnostic, int index)
            where T : SyntaxNode =>
            index < diagnostic.AdditionalLocations.Count
            && diagnostic.AdditionalLocations[index].SourceTree == root.SyntaxTree
                ? root.FindNode(diagnostic.AdditionalLocations[index].SourceSpan, getInnermostNodeForTie: true) as T
                : null;

        /// <summary>The findings of this rule among those the context carries.</summary>
        protected IEnumerable<Diagnostic> OwnFindings(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                if (diagnostic.Id == RuleId)
                {
                    yield return diagnostic;
                }
            }
        }
    }
}
