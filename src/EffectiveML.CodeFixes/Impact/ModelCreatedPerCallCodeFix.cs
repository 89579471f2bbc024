using System.Composition;
using System.Threading.Tasks;
using EffectiveML.Analyzers.Infrastructure;
using EffectiveML.Analyzers.Rules.Impact;
using EffectiveML.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace EffectiveML.CodeFixes.Impact
{
    /// <summary>EML2002: moves <c>var engine = ...CreatePredictionEngine(...);</c> from the loop body to just before the loop.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ModelCreatedPerCallCodeFix)), Shared]
    public sealed class ModelCreatedPerCallCodeFix : RuleCodeFix
    {
        protected override string RuleId => ModelCreatedPerCallRule.Id;

        public override string Summary => "hoist it out of the loop";

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return;
            }

            foreach (var diagnostic in OwnFindings(context))
            {
                if (!diagnostic.Properties.ContainsKey(ModelCreatedPerCallRule.HoistableProperty)
                    || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true)?.FirstAncestorOrSelf<LocalDeclarationStatementSyntax>() is not { Parent: BlockSyntax { Parent: StatementSyntax loop } } declaration
                    || loop is not (ForEachStatementSyntax or ForStatementSyntax or WhileStatementSyntax or DoStatementSyntax)
                    || loop.Parent is not BlockSyntax)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Create it once, before the loop",
                        _ =>
                        {
                            var tracked = root.TrackNodes(declaration, loop);
                            var withoutDeclaration = tracked.RemoveNode(tracked.GetCurrentNode(declaration)!, SyntaxRemoveOptions.KeepNoTrivia)!;
                            var currentLoop = withoutDeclaration.GetCurrentNode(loop)!;
                            var hoisted = declaration.WithLeadingTrivia(currentLoop.GetLeadingTrivia()).WithAdditionalAnnotations(Formatter.Annotation);
                            return Task.FromResult(context.Document.WithSyntaxRoot(withoutDeclaration.InsertNodesBefore(currentLoop, new[] { hoisted })));
                        },
                        equivalenceKey: ModelCreatedPerCallRule.Id),
                    diagnostic);
            }
        }
    }
}
