using System.Collections.Generic;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EffectiveML.Analyzers.Infrastructure;
using EffectiveML.Analyzers.Rules.Versatility;
using EffectiveML.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace EffectiveML.CodeFixes.Versatility
{
    /// <summary>
    /// EML3001: moves the chain, as written, into <c>static IEstimator&lt;ITransformer&gt;
    /// BuildPipeline(MLContext mlContext, ...)</c> whose parameters are the locals the chain reads.
    /// For a class's Main the method joins the class; for top-level statements it goes into a
    /// <c>Pipelines</c> class, since a local function could not be called by a test. Fix All
    /// extracts each chain in turn, numbering the methods.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PipelineBuiltInEntryPointCodeFix)), Shared]
    public sealed class PipelineBuiltInEntryPointCodeFix : RuleCodeFix
    {
        private const string MethodName = "BuildPipeline";

        protected override string RuleId => PipelineBuiltInEntryPointRule.Id;

        public override string Summary => "extract `BuildPipeline(MLContext)`";

        private const string PipelinesClass = "Pipelines";

        /// <summary>Extracts every reported chain of a document in turn, numbering the methods (BuildPipeline, BuildPipeline2 …).</summary>
        protected override FixAllProvider FixAll { get; } = FixAllProvider.Create(async (fixAll, document, diagnostics) =>
        {
            var root = await document.GetSyntaxRootAsync(fixAll.CancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return document;
            }

            var chains = diagnostics
                .Where(d => !d.Properties.ContainsKey(PipelineBuiltInEntryPointRule.SpreadOverLocalsProperty))
                .Select(d => root.FindNode(d.Location.SourceSpan, getInnermostNodeForTie: true))
                .OfType<ExpressionSyntax>()
                .ToList();
            var marks = chains.Select(_ => new SyntaxAnnotation()).ToList();
            var marked = root.ReplaceNodes(chains, (original, rewritten) => rewritten.WithAdditionalAnnotations(marks[chains.IndexOf(original)]));
            var current = document.WithSyntaxRoot(marked);

            foreach (var mark in marks)
            {
                var currentRoot = await current.GetSyntaxRootAsync(fixAll.CancellationToken).ConfigureAwait(false);
                var model = await current.GetSemanticModelAsync(fixAll.CancellationToken).ConfigureAwait(false);
                if (currentRoot is not CompilationUnitSyntax unit
                    || model is null
                    || unit.GetAnnotatedNodes(mark).OfType<ExpressionSyntax>().FirstOrDefault() is not { } chain
                    || Captured(model, chain, fixAll.CancellationToken) is not { } captured)
                {
                    continue;
                }

                current = current.WithSyntaxRoot(Extract(unit, chain, captured));
            }

            return current;
        });

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is not CompilationUnitSyntax unit || model is null)
            {
                return;
            }

            foreach (var diagnostic in OwnFindings(context))
            {
                if (diagnostic.Properties.ContainsKey(PipelineBuiltInEntryPointRule.SpreadOverLocalsProperty)
                    || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax chain
                    || chain.Span != diagnostic.Location.SourceSpan
                    || Captured(model, chain, context.CancellationToken) is not { } captured)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Extract the pipeline into {MethodName}({string.Join(", ", captured.Select(c => c.Type.Name))})",
                        _ => Task.FromResult(context.Document.WithSyntaxRoot(Extract(unit, chain, captured))),
                        equivalenceKey: PipelineBuiltInEntryPointRule.Id),
                    diagnostic);
            }
        }

        /// <summary>The locals and parameters the chain reads, the MLContext first; null when the chain writes one or awaits.</summary>
        private static List<CapturedValue>? Captured(SemanticModel model, ExpressionSyntax chain, CancellationToken cancellationToken)
        {
            var flow = model.AnalyzeDataFlow(chain);
            if (flow is null || !flow.Succeeded || !flow.WrittenInside.IsEmpty || chain.DescendantNodes().OfType<AwaitExpressionSyntax>().Any())
            {
                return null;
            }

            var captured = new List<CapturedValue>();
            foreach (var symbol in flow.ReadInside)
            {
                switch (symbol)
                {
                    case ILocalSymbol local:
                        captured.Add(new CapturedValue(local.Name, local.Type));
                        break;
                    case IParameterSymbol parameter:
                        captured.Add(new CapturedValue(parameter.Name, parameter.Type));
                        break;
                    default:
                        return null;
                }
            }

            var mlContext = model.Compilation.GetTypeByMetadataName("Microsoft.ML.MLContext");
            return captured
                .OrderBy(c => SymbolEqualityComparer.Default.Equals(c.Type, mlContext) ? 0 : 1)
                .ToList();
        }

        private static SyntaxNode Extract(CompilationUnitSyntax unit, ExpressionSyntax chain, List<CapturedValue> captured)
        {
            var parameters = string.Join(", ", captured.Select(c => c.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + " " + c.Name));
            var arguments = SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(captured.Select(c => SyntaxFactory.Argument(SyntaxFactory.IdentifierName(c.Name)))));
            var containingType = chain.FirstAncestorOrSelf<TypeDeclarationSyntax>();
            if (containingType is not null)
            {
                var member = chain.FirstAncestorOrSelf<MemberDeclarationSyntax>(m => m.Parent == containingType)!;
                var name = UniqueName(containingType);
                var method = Method(IndentOf(member), name, parameters, chain);
                var index = containingType.Members.IndexOf(member);
                var call = SyntaxFactory.InvocationExpression(SyntaxFactory.IdentifierName(name), arguments).WithTriviaFrom(chain);
                var withCall = containingType.ReplaceNode(chain, call);
                return unit.ReplaceNode(containingType, withCall.WithMembers(withCall.Members.Insert(index + 1, method)));
            }

            // Top-level statements: a class of its own after the program (a local function could not
            // be called by a test); a second extraction joins the class the first one made.
            var existing = unit.Members.OfType<ClassDeclarationSyntax>().FirstOrDefault(c => c.Identifier.ValueText == PipelinesClass);
            var topLevelName = existing is null ? MethodName : UniqueName(existing);
            var qualifiedCall = SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, SyntaxFactory.IdentifierName(PipelinesClass), SyntaxFactory.IdentifierName(topLevelName)),
                arguments).WithTriviaFrom(chain);
            var extracted = Method("    ", topLevelName, parameters, chain);
            var replaced = unit.ReplaceNode(chain, qualifiedCall);
            if (existing is not null)
            {
                var pipelinesClass = replaced.Members.OfType<ClassDeclarationSyntax>().First(c => c.Identifier.ValueText == PipelinesClass);
                return replaced.ReplaceNode(pipelinesClass, pipelinesClass.AddMembers(extracted));
            }

            var pipelines = SyntaxFactory.ClassDeclaration(PipelinesClass)
                .WithModifiers(SyntaxFactory.TokenList(SyntaxFactory.Token(SyntaxKind.PublicKeyword), SyntaxFactory.Token(SyntaxKind.StaticKeyword)))
                .WithMembers(SyntaxFactory.SingletonList(extracted))
                .WithAdditionalAnnotations(Formatter.Annotation);
            return replaced.AddMembers(pipelines);
        }

        /// <summary>
        /// The method, written out so the chain keeps its text and line breaks: its continuation
        /// lines move by as much as the chain moves from its statement to the expression body.
        /// </summary>
        /// <summary>BuildPipeline, or BuildPipeline2, 3 … when the type already has one.</summary>
        private static string UniqueName(TypeDeclarationSyntax type)
        {
            var taken = new HashSet<string>(type.Members.OfType<MethodDeclarationSyntax>().Select(m => m.Identifier.ValueText));
            var name = MethodName;
            for (var i = 2; taken.Contains(name); i++)
            {
                name = MethodName + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return name;
        }

        private static MemberDeclarationSyntax Method(string memberIndent, string name, string parameters, ExpressionSyntax chain)
        {
            var bodyIndent = memberIndent + "    ";
            var shift = bodyIndent.Length - IndentOf(chain).Length;
            var lines = chain.WithoutTrivia().ToFullString().Split('\n');
            for (var i = 1; i < lines.Length; i++)
            {
                lines[i] = shift >= 0
                    ? new string(' ', shift) + lines[i]
                    : lines[i].Substring(System.Math.Min(-shift, lines[i].Length - lines[i].TrimStart(' ').Length));
            }

            var text = "\n" + memberIndent + "public static global::Microsoft.ML.IEstimator<global::Microsoft.ML.ITransformer> " + name + "(" + parameters + ") =>\n"
                + bodyIndent + string.Join("\n", lines) + ";\n";
            var method = (MethodDeclarationSyntax)SyntaxFactory.ParseMemberDeclaration(text)!;
            return method
                .ReplaceNodes(
                    method.DescendantNodes().OfType<QualifiedNameSyntax>().Where(n => n.Parent is not QualifiedNameSyntax and not TypeArgumentListSyntax || n.Parent is TypeArgumentListSyntax),
                    (_, rewritten) => rewritten.WithAdditionalAnnotations(Simplifier.Annotation))
                .WithReturnType(method.ReturnType.WithAdditionalAnnotations(Simplifier.Annotation));
        }

        /// <summary>The whitespace that starts the line on which <paramref name="node"/> starts.</summary>
        private static string IndentOf(SyntaxNode node)
        {
            var text = node.SyntaxTree.GetText();
            var line = text.Lines.GetLineFromPosition(node.SpanStart);
            var lineText = line.ToString();
            return lineText.Substring(0, lineText.Length - lineText.TrimStart(' ', '\t').Length);
        }

        private sealed class CapturedValue
        {
            public CapturedValue(string name, ITypeSymbol type)
            {
                Name = name;
                Type = type;
            }

            public string Name { get; }
            public ITypeSymbol Type { get; }
        }
    }
}
