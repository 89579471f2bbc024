using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using EffectiveML.Analyzers.Infrastructure;
using EffectiveML.Analyzers.Rules.Assumptions;
using EffectiveML.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace EffectiveML.CodeFixes.Assumptions
{
    /// <summary>EML4006: two actions, <c>hasHeader: true</c> (the usual case, offered first) and <c>hasHeader: false</c>.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HeaderNotDeclaredCodeFix)), Shared]
    public sealed class HeaderNotDeclaredCodeFix : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIds.HeaderNotDeclared);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (!diagnostic.Properties.ContainsKey(HeaderNotDeclaredAnalyzer.FixableProperty)
                    || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true)?.FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { } invocation)
                {
                    continue;
                }

                foreach (var hasHeader in new[] { true, false })
                {
                    var value = SyntaxFactory.LiteralExpression(hasHeader ? SyntaxKind.TrueLiteralExpression : SyntaxKind.FalseLiteralExpression);
                    if (ArgumentEdits.WithArgument(model, invocation, "hasHeader", value, context.CancellationToken) is not { } fixedCall)
                    {
                        break;
                    }

                    var text = hasHeader ? "true" : "false";
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            $"Declare the header row: hasHeader: {text}",
                            _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(invocation, fixedCall))),
                            equivalenceKey: RuleIds.HeaderNotDeclared + ":" + text),
                        diagnostic);
                }
            }
        }
    }
}
