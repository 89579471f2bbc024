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
    /// <summary>EML4005: <c>separatorChar: ','</c>, added or replacing the tab.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CsvWithTabSeparatorCodeFix)), Shared]
    public sealed class CsvWithTabSeparatorCodeFix : SetArgumentCodeFix
    {
        protected override string RuleId => CsvWithTabSeparatorRule.Id;

        public override string Summary => "`separatorChar: ','`";

        protected override bool CanFix(Diagnostic diagnostic) =>
            diagnostic.Properties.ContainsKey(CsvWithTabSeparatorRule.FixableProperty);

        protected override IEnumerable<ArgumentChoice> Choices(Diagnostic diagnostic)
        {
            yield return new ArgumentChoice(
                "Read the file as comma-separated: separatorChar: ','",
                RuleId,
                "separatorChar",
                SyntaxFactory.LiteralExpression(SyntaxKind.CharacterLiteralExpression, SyntaxFactory.Literal(',')));
        }
    }
}
