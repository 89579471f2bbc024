using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using EffectiveML.Analyzers.Infrastructure;
using EffectiveML.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace EffectiveML.CodeFixes.Assumptions
{
    /// <summary>EML4002: one action per replacement mode, each writing <c>replacementMode: ...ReplacementMode.X</c>.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ImplicitImputationModeCodeFix)), Shared]
    public sealed class ImplicitImputationModeCodeFix : CodeFixProvider
    {
        /// <summary>DefaultValue first: it keeps today's behaviour and only makes it visible.</summary>
        private static readonly ImmutableArray<string> Modes = ImmutableArray.Create("DefaultValue", "Mean", "Minimum", "Maximum", "Mode");

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIds.ImplicitImputationMode);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public static string Title(string mode) => $"Use replacement mode {mode}";

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
                if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true)?.FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { } invocation)
                {
                    continue;
                }

                foreach (var mode in Modes)
                {
                    var value = SyntaxFactory.ParseExpression("global::Microsoft.ML.Transforms.MissingValueReplacingEstimator.ReplacementMode." + mode)
                        .WithAdditionalAnnotations(Simplifier.Annotation);
                    if (ArgumentEdits.WithArgument(model, invocation, "replacementMode", value, context.CancellationToken) is not { } fixedCall)
                    {
                        break;
                    }

                    var title = Title(mode);
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            title,
                            _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(invocation, fixedCall))),
                            equivalenceKey: RuleIds.ImplicitImputationMode + ":" + mode),
                        diagnostic);
                }
            }
        }
    }
}
