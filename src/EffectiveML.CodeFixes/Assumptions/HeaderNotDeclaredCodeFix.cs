using System.Collections.Generic;
using System.Composition;
using EffectiveML.Analyzers.Infrastructure;
using EffectiveML.Analyzers.Rules.Assumptions;
using EffectiveML.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;

namespace EffectiveML.CodeFixes.Assumptions
{
    /// <summary>EML4006: two actions, <c>hasHeader: true</c> (the usual case, offered first) and <c>hasHeader: false</c>.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HeaderNotDeclaredCodeFix)), Shared]
    public sealed class HeaderNotDeclaredCodeFix : SetArgumentCodeFix
    {
        protected override string RuleId => HeaderNotDeclaredRule.Id;

        public override string Summary => "`hasHeader: true` or `hasHeader: false`";

        protected override bool CanFix(Diagnostic diagnostic) =>
            diagnostic.Properties.ContainsKey(HeaderNotDeclaredRule.FixableProperty);

        protected override IEnumerable<ArgumentChoice> Choices(Diagnostic diagnostic)
        {
            yield return new ArgumentChoice(
                "Declare the header row: hasHeader: true", RuleId + ":true", "hasHeader", SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression));
            yield return new ArgumentChoice(
                "Declare the header row: hasHeader: false", RuleId + ":false", "hasHeader", SyntaxFactory.LiteralExpression(SyntaxKind.FalseLiteralExpression));
        }
    }
}
