using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace EffectiveML.CodeFixes.Infrastructure
{
    /// <summary>Statement edits the TorchSharp fixes share: insert before or first, wrap in a <c>using</c>.</summary>
    internal static class Statements
    {
        /// <summary>A statement parsed from text, formatted where it lands.</summary>
        public static StatementSyntax Parse(string text) =>
            SyntaxFactory.ParseStatement(text).WithAdditionalAnnotations(Formatter.Annotation);

        /// <summary><paramref name="body"/> with <paramref name="text"/> as its first statement; a body that is not a block becomes one.</summary>
        public static BlockSyntax InsertFirst(StatementSyntax body, string text)
        {
            var inserted = Parse(text);
            return body is BlockSyntax { Statements.Count: > 0 } block
                ? block.WithStatements(block.Statements.Insert(0, OnLineOf(inserted, block.Statements[0])))
                : body is BlockSyntax empty
                ? empty.WithStatements(empty.Statements.Add(inserted))
                : SyntaxFactory.Block(inserted, body.WithoutLeadingTrivia()).WithTriviaFrom(body).WithAdditionalAnnotations(Formatter.Annotation);
        }

        /// <summary>
        /// Inserts <paramref name="text"/> before <paramref name="statement"/>, in its block or
        /// switch section; a statement that is the body of an <c>if</c> or loop becomes a block.
        /// </summary>
        public static SyntaxNode InsertBefore(SyntaxNode root, StatementSyntax statement, string text)
        {
            var inserted = OnLineOf(Parse(text), statement);
            switch (statement.Parent)
            {
                case GlobalStatementSyntax global:
                    return root.ReplaceNode(global, new SyntaxNode[] { SyntaxFactory.GlobalStatement(inserted), global.WithLeadingTrivia(Indentation(global)) });
                case BlockSyntax:
                case SwitchSectionSyntax:
                    // The blank lines and comments above the statement now stand above the inserted one.
                    return root.ReplaceNode(statement, new SyntaxNode[] { inserted, statement.WithLeadingTrivia(Indentation(statement)) });
                default:
                    return root.ReplaceNode(statement, SyntaxFactory.Block(inserted, statement.WithoutLeadingTrivia()).WithTriviaFrom(statement).WithAdditionalAnnotations(Formatter.Annotation));
            }
        }

        /// <summary>The whitespace that indents a node's first line.</summary>
        private static SyntaxTriviaList Indentation(SyntaxNode node)
        {
            var leading = node.GetLeadingTrivia();
            return leading.Count > 0 && leading[leading.Count - 1].IsKind(SyntaxKind.WhitespaceTrivia)
                ? SyntaxFactory.TriviaList(leading[leading.Count - 1])
                : SyntaxFactory.TriviaList();
        }

        /// <summary>A statement with the indentation and line end of <paramref name="neighbour"/>.</summary>
        private static StatementSyntax OnLineOf(StatementSyntax inserted, StatementSyntax neighbour)
        {
            var lineEnd = SyntaxFactory.TriviaList();
            foreach (var trivia in neighbour.GetTrailingTrivia())
            {
                if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
                {
                    lineEnd = lineEnd.Add(trivia);
                }
            }

            return inserted.WithLeadingTrivia(neighbour.GetLeadingTrivia()).WithTrailingTrivia(lineEnd);
        }

        /// <summary>
        /// How to name TorchSharp's <c>torch</c> class at <paramref name="position"/>: <c>torch</c>
        /// where that name binds to it (<c>using TorchSharp;</c>), else <c>TorchSharp.torch</c>.
        /// </summary>
        public static string Torch(SemanticModel model, int position)
        {
            var torch = model.Compilation.GetTypeByMetadataName("TorchSharp.torch");
            foreach (var symbol in model.LookupNamespacesAndTypes(position, name: "torch"))
            {
                if (SymbolEqualityComparer.Default.Equals(symbol, torch))
                {
                    return "torch";
                }
            }

            return "TorchSharp.torch";
        }

        /// <summary><c>using (resource) { statement }</c> in place of <paramref name="statement"/>.</summary>
        public static StatementSyntax WrapInUsing(StatementSyntax statement, string resource)
        {
            var body = statement is BlockSyntax block ? block.WithoutTrivia() : SyntaxFactory.Block(statement.WithoutTrivia());
            return SyntaxFactory.UsingStatement(null, SyntaxFactory.ParseExpression(resource), body)
                .WithTriviaFrom(statement)
                .WithAdditionalAnnotations(Formatter.Annotation);
        }
    }
}
