using System.Collections.Generic;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EffectiveML.Analyzers.Infrastructure;
using EffectiveML.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;
using EffectiveML.Analyzers.Rules.Reproducibility;

namespace EffectiveML.CodeFixes.Reproducibility
{
    /// <summary>
    /// EML5007: the trainer's options get <c>NumberOfThreads = 1</c>. Options created in the call
    /// or in a local of the member are edited where they are created; a call of the overload
    /// without options switches to the options overload, each argument becoming the option of the
    /// same name (<c>Sdca(labelColumnName: "Price")</c> becomes
    /// <c>Sdca(new SdcaRegressionTrainer.Options { LabelColumnName = "Price", NumberOfThreads = 1 })</c>).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SchedulingDependentTrainerCodeFix)), Shared]
    public sealed class SchedulingDependentTrainerCodeFix : RuleCodeFix
    {
        private const string Title = "Train on one thread: NumberOfThreads = 1";
        private const string ThreadsOption = "NumberOfThreads";

        protected override string RuleId => SchedulingDependentTrainerRule.Id;

        public override string Summary => "set `NumberOfThreads = 1`";

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
                if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true)?.FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { } invocation
                    || model.GetOperation(invocation, context.CancellationToken) is not IInvocationOperation call
                    || Edit(call, invocation, context.CancellationToken) is not { } edit)
                {
                    continue;
                }

                var document = context.Document;
                context.RegisterCodeFix(
                    CodeAction.Create(
                        Title,
                        cancellationToken => ApplyAsync(document, root, edit.Node, edit.Replacement, cancellationToken),
                        equivalenceKey: SchedulingDependentTrainerRule.Id),
                    diagnostic);
            }
        }

        private static async Task<Document> ApplyAsync(Document document, SyntaxNode root, SyntaxNode node, SyntaxNode replacement, CancellationToken cancellationToken)
        {
            var edited = document.WithSyntaxRoot(root.ReplaceNode(node, replacement));
            edited = await ImportAdder.AddImportsAsync(edited, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
            edited = await Simplifier.ReduceAsync(edited, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
            return await Formatter.FormatAsync(edited, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        /// <summary>The node to replace and what replaces it; null when the options cannot be edited here.</summary>
        private static (SyntaxNode Node, SyntaxNode Replacement)? Edit(IInvocationOperation call, InvocationExpressionSyntax invocation, CancellationToken cancellationToken)
        {
            var options = call.Arguments.FirstOrDefault(a => a.Parameter?.Name == "options");
            if (options is null)
            {
                return WithOptionsOverload(call, invocation);
            }

            if (options.ArgumentKind != ArgumentKind.Explicit)
            {
                return null;
            }

            var creation = Unwrap(options.Value) switch
            {
                IObjectCreationOperation created => created.Syntax as BaseObjectCreationExpressionSyntax,
                ILocalReferenceOperation local => SingleCreation(local.Local, cancellationToken),
                _ => null,
            };
            if (creation is null)
            {
                return null;
            }

            // A later "options.NumberOfThreads = n;" would override the initializer: edit it instead.
            if (Unwrap(options.Value) is ILocalReferenceOperation optionsLocal
                && ThreadsAssignment(optionsLocal.Local, call, cancellationToken) is { } assignment)
            {
                return (assignment.Right, One().WithTriviaFrom(assignment.Right));
            }

            return (creation, WithThreads(creation));
        }

        private static IOperation Unwrap(IOperation operation)
        {
            while (operation is IConversionOperation or IParenthesizedOperation)
            {
                operation = operation is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)operation).Operand;
            }

            return operation;
        }

        /// <summary>The creation a local's one declaration initializes it with, when that is all that is written to it.</summary>
        private static BaseObjectCreationExpressionSyntax? SingleCreation(ILocalSymbol local, CancellationToken cancellationToken)
        {
            if (local.DeclaringSyntaxReferences.Length != 1
                || local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer.Value: var value })
            {
                return null;
            }

            return value as BaseObjectCreationExpressionSyntax;
        }

        /// <summary>An assignment <c>local.NumberOfThreads = …</c> in the member of the call.</summary>
        private static AssignmentExpressionSyntax? ThreadsAssignment(ILocalSymbol local, IInvocationOperation call, CancellationToken cancellationToken)
        {
            var member = call.Syntax.FirstAncestorOrSelf<MemberDeclarationSyntax>() ?? (SyntaxNode?)call.Syntax.FirstAncestorOrSelf<CompilationUnitSyntax>();
            if (member is null || call.SemanticModel is not { } model)
            {
                return null;
            }

            foreach (var assignment in member.DescendantNodes().OfType<AssignmentExpressionSyntax>())
            {
                if (assignment.Left is MemberAccessExpressionSyntax { Name.Identifier.ValueText: ThreadsOption, Expression: IdentifierNameSyntax owner }
                    && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(owner, cancellationToken).Symbol, local))
                {
                    return assignment;
                }
            }

            return null;
        }

        private static ExpressionSyntax One() => SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(1));

        /// <summary>The creation with <c>NumberOfThreads = 1</c> in its initializer, replacing a value set there.</summary>
        private static BaseObjectCreationExpressionSyntax WithThreads(BaseObjectCreationExpressionSyntax creation)
        {
            var initializer = creation.Initializer;
            if (initializer is not null)
            {
                foreach (var expression in initializer.Expressions)
                {
                    if (expression is AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: ThreadsOption } } set)
                    {
                        return creation.ReplaceNode(set.Right, One().WithTriviaFrom(set.Right));
                    }
                }

                return creation.WithInitializer(initializer.AddExpressions(ThreadsAssignment()));
            }

            var withInitializer = creation.WithInitializer(
                SyntaxFactory.InitializerExpression(SyntaxKind.ObjectInitializerExpression, SyntaxFactory.SingletonSeparatedList<ExpressionSyntax>(ThreadsAssignment())));
            return withInitializer.WithAdditionalAnnotations(Formatter.Annotation);
        }

        private static ExpressionSyntax ThreadsAssignment() =>
            SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, SyntaxFactory.IdentifierName(ThreadsOption), One());

        /// <summary>
        /// The call rewritten to the overload that takes the trainer's options: every argument
        /// passed becomes the option of the same name. Null when the catalog has no such overload
        /// or an argument has no option of its name.
        /// </summary>
        private static (SyntaxNode Node, SyntaxNode Replacement)? WithOptionsOverload(IInvocationOperation call, InvocationExpressionSyntax invocation)
        {
            var method = call.TargetMethod.ReducedFrom ?? call.TargetMethod;
            var receiverType = method.IsExtensionMethod && method.Parameters.Length > 0 ? method.Parameters[0].Type : null;
            var overload = method.ContainingType.GetMembers(method.Name).OfType<IMethodSymbol>().FirstOrDefault(candidate =>
                method.IsExtensionMethod
                    ? candidate.IsExtensionMethod && candidate.Parameters.Length == 2 && candidate.Parameters[1].Name == "options"
                        && SymbolEqualityComparer.Default.Equals(candidate.Parameters[0].Type, receiverType)
                    : candidate.Parameters.Length == 1 && candidate.Parameters[0].Name == "options");
            if (overload?.Parameters.Last().Type is not INamedTypeSymbol optionsType)
            {
                return null;
            }

            var assignments = new List<ExpressionSyntax>();
            foreach (var argument in call.Arguments)
            {
                if (argument.ArgumentKind == ArgumentKind.DefaultValue || argument.Parameter is not { } parameter || (method.IsExtensionMethod && parameter.Ordinal == 0))
                {
                    continue;
                }

                var option = char.ToUpperInvariant(parameter.Name[0]) + parameter.Name.Substring(1);
                if (argument.ArgumentKind != ArgumentKind.Explicit || argument.Syntax is not ArgumentSyntax written || !HasSettableMember(optionsType, option))
                {
                    return null;
                }

                assignments.Add(SyntaxFactory.AssignmentExpression(
                    SyntaxKind.SimpleAssignmentExpression, SyntaxFactory.IdentifierName(option), written.Expression.WithoutTrivia()));
            }

            assignments.Add(ThreadsAssignment());
            var typeName = SyntaxFactory.ParseTypeName(optionsType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat))
                .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
            var creation = SyntaxFactory.ObjectCreationExpression(typeName)
                .WithArgumentList(null)
                .WithInitializer(SyntaxFactory.InitializerExpression(SyntaxKind.ObjectInitializerExpression, SyntaxFactory.SeparatedList(assignments)))
                .WithAdditionalAnnotations(Formatter.Annotation);
            var arguments = SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(creation)))
                .WithTriviaFrom(invocation.ArgumentList);
            return (invocation, invocation.WithArgumentList(arguments));
        }

        private static bool HasSettableMember(INamedTypeSymbol type, string name)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                foreach (var member in current.GetMembers(name))
                {
                    if (member is IFieldSymbol { IsReadOnly: false, IsConst: false, DeclaredAccessibility: Accessibility.Public }
                        || member is IPropertySymbol { SetMethod.DeclaredAccessibility: Accessibility.Public })
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
