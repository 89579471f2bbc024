using System.Collections.Generic;
using System.Composition;
using System.Threading.Tasks;
using EffectiveML.Analyzers.Infrastructure;
using EffectiveML.Analyzers.Rules.Resilience;
using EffectiveML.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace EffectiveML.CodeFixes.Resilience
{
    /// <summary>EML8001: each reported literal of a call, <c>"Size"</c>, becomes <c>nameof(HouseData.Size)</c>.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ColumnNameLiteralCodeFix)), Shared]
    public sealed class ColumnNameLiteralCodeFix : RuleCodeFix
    {
        protected override string RuleId => ColumnNameLiteralRule.Id;

        public override string Summary => "`nameof(Type.Property)`";

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return;
            }

            foreach (var diagnostic in OwnFindings(context))
            {
                var replacements = new Dictionary<SyntaxNode, SyntaxNode>();
                ISymbol? single = null;
                for (var i = 0; i < diagnostic.AdditionalLocations.Count; i++)
                {
                    if (!diagnostic.Properties.TryGetValue(ColumnNameLiteralRule.MemberProperty + i, out var documentationId)
                        || documentationId is null
                        || DocumentationCommentId.GetFirstSymbolForDeclarationId(documentationId, model.Compilation) is not { } member
                        || root.FindNode(diagnostic.AdditionalLocations[i].SourceSpan, getInnermostNodeForTie: true) is not LiteralExpressionSyntax literal)
                    {
                        replacements.Clear();
                        break;
                    }

                    // The shortest name of the schema type that binds at this position.
                    var type = member.ContainingType.ToMinimalDisplayString(model, literal.SpanStart);
                    replacements[literal] = SyntaxFactory.ParseExpression($"nameof({type}.{member.Name})").WithTriviaFrom(literal);
                    single = member;
                }

                if (replacements.Count == 0)
                {
                    continue;
                }

                var title = replacements.Count == 1
                    ? $"Use nameof({single!.ContainingType.Name}.{single.Name})"
                    : $"Use nameof for the {replacements.Count} column names";
                context.RegisterCodeFix(
                    CodeAction.Create(
                        title,
                        _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNodes(replacements.Keys, (original, _) => replacements[original]))),
                        equivalenceKey: ColumnNameLiteralRule.Id),
                    diagnostic);
            }
        }
    }
}
