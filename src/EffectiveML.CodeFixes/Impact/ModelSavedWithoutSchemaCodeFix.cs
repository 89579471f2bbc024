using System.Collections.Generic;
using System.Composition;
using EffectiveML.Analyzers.Infrastructure;
using EffectiveML.Analyzers.Rules.Impact;
using EffectiveML.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;

namespace EffectiveML.CodeFixes.Impact
{
    /// <summary>EML2004: <c>Model.Save(model, null, path)</c> becomes <c>Model.Save(model, trainSet.Schema, path)</c>.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ModelSavedWithoutSchemaCodeFix)), Shared]
    public sealed class ModelSavedWithoutSchemaCodeFix : SetArgumentCodeFix
    {
        protected override string RuleId => ModelSavedWithoutSchemaRule.Id;

        public override string Summary => "pass the training data's `Schema`";

        protected override bool CanFix(Diagnostic diagnostic) =>
            diagnostic.Properties.ContainsKey(ModelSavedWithoutSchemaRule.TrainingDataProperty);

        protected override IEnumerable<ArgumentChoice> Choices(Diagnostic diagnostic)
        {
            var data = diagnostic.Properties[ModelSavedWithoutSchemaRule.TrainingDataProperty]!;
            yield return new ArgumentChoice(
                $"Save the schema of '{data}'",
                RuleId,
                "inputSchema",
                SyntaxFactory.ParseExpression(data + ".Schema"));
        }
    }
}
