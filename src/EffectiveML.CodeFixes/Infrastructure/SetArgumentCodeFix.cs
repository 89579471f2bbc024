using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace EffectiveML.CodeFixes.Infrastructure
{
    /// <summary>One way to fix a call: a title, an equivalence key and the value for one parameter.</summary>
    public sealed class ArgumentChoice
    {
        public ArgumentChoice(string title, string equivalenceKey, string parameter, ExpressionSyntax value)
        {
            Title = title;
            EquivalenceKey = equivalenceKey;
            Parameter = parameter;
            Value = value;
        }

        public string Title { get; }
        public string EquivalenceKey { get; }
        public string Parameter { get; }
        public ExpressionSyntax Value { get; }
    }

    /// <summary>
    /// The fixes that set one argument of the reported call (a mode, a separator, a header flag):
    /// one code action per choice, each replacing the argument that binds to the parameter or
    /// adding it by name.
    /// </summary>
    public abstract class SetArgumentCodeFix : RuleCodeFix
    {
        public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return;
            }

            foreach (var diagnostic in OwnFindings(context))
            {
                if (!CanFix(diagnostic)
                    || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true)?.FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { } invocation)
                {
                    continue;
                }

                foreach (var choice in Choices(diagnostic))
                {
                    if (ArgumentEdits.WithArgument(model, invocation, choice.Parameter, choice.Value, context.CancellationToken) is not { } fixedCall)
                    {
                        break;
                    }

                    context.RegisterCodeFix(
                        CodeAction.Create(
                            choice.Title,
                            _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(invocation, fixedCall))),
                            equivalenceKey: choice.EquivalenceKey),
                        diagnostic);
                }
            }
        }

        /// <summary>Whether the analyzer marked this diagnostic as fixable (for instance, not an options-object overload).</summary>
        protected virtual bool CanFix(Diagnostic diagnostic) => true;

        /// <summary>The actions to offer, the recommended one first.</summary>
        protected abstract IEnumerable<ArgumentChoice> Choices(Diagnostic diagnostic);
    }
}
