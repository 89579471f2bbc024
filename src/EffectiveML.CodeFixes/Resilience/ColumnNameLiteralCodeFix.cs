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
    /// <summary>EML8001: <c>"Size"</c> becomes <c>nameof(HouseData.Size)</c>.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ColumnNameLiteralCodeFix)), Shared]
    public sealed class ColumnNameLiteralCodeFix : RuleCodeFix
    {
        protected override string RuleId => RuleIds.ColumnNameLiteral;

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
                if (!diagnostic.Properties.TryGetValue(ColumnNameLiteralAnalyzer.MemberProperty, out var documentationId)
                    || documentationId is null
                    || DocumentationCommentId.GetFirstSymbolForDeclarationId(documentationId, model.Compilation) is not { } member
                    || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not LiteralExpressionSyntax literal)
                {
                    continue;
                }

                // The shortest name of the schema type that binds at this position.
                var type = member.ContainingType.ToMinimalDisplayString(model, literal.SpanStart);
                var nameOf = SyntaxFactory.ParseExpression($"nameof({type}.{member.Name})").WithTriviaFrom(literal);
                var title = $"Use nameof({member.ContainingType.Name}.{member.Name})";
                context.RegisterCodeFix(
                    CodeAction.Create(
                        title,
                        _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(literal, nameOf))),
                        equivalenceKey: RuleIds.ColumnNameLiteral),
                    diagnostic);
            }
        }
    }
}
