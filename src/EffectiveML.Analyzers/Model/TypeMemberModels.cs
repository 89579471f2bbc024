using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace EffectiveML.Analyzers.Model
{
    /// <summary>
    /// The models of a type's members, read from its declarations when a rule needs the whole type
    /// to decide about one member: the other members' operation trees come from the semantic model
    /// of their file (the driver's own, so a tree the driver has built is not built again, and one
    /// built here is the one the driver will analyze). Nested types are types of their own.
    /// Only for the rare member that asks: reading a type this way binds the members the driver
    /// has not reached yet.
    /// </summary>
    internal static class TypeMemberModels
    {
        /// <summary>Each member with code (a body, an expression body, an initializer) and its model, the asking member first.</summary>
        /// <param name="asking">The member that asks, whose semantic model serves the members in its file.</param>
        /// <param name="askingSymbol">The symbol <paramref name="asking"/> belongs to.</param>
        public static IEnumerable<(MemberModel Model, ISymbol Member)> Of(
            INamedTypeSymbol type, MemberModel asking, ISymbol askingSymbol, MemberModelCache models, CancellationToken cancellationToken)
        {
            var seen = new HashSet<IOperation> { asking.Root };
            yield return (asking, askingSymbol);
            foreach (var member in type.GetMembers())
            {
                if (member is INamedTypeSymbol || member.IsImplicitlyDeclared)
                {
                    continue;
                }

                foreach (var reference in member.DeclaringSyntaxReferences)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var semanticModel = SemanticModelOf(reference.SyntaxTree, asking);
                    if (semanticModel is null || CodeOf(reference.GetSyntax(cancellationToken)) is not { } code
                        || semanticModel.GetOperation(code, cancellationToken) is not { } operation)
                    {
                        continue;
                    }

                    var root = ValueTracker.MemberRoot(operation);
                    if (seen.Add(root))
                    {
                        yield return (models.Of(root), member);
                    }
                }
            }
        }

        /// <summary>The node whose operation is the member's code: the declaration, or the initializer of a field or property.</summary>
        private static SyntaxNode? CodeOf(SyntaxNode declaration) => declaration switch
        {
            VariableDeclaratorSyntax { Initializer: { } initializer } => initializer,
            VariableDeclaratorSyntax => null,
            PropertyDeclarationSyntax { Initializer: { } initializer } => initializer,
            PropertyDeclarationSyntax => null,
            EnumMemberDeclarationSyntax { EqualsValue: { } value } => value,
            EnumMemberDeclarationSyntax => null,
            _ => declaration,
        };

        private static SemanticModel? SemanticModelOf(SyntaxTree tree, MemberModel asking)
        {
            var semanticModel = asking.Root.SemanticModel;
            if (semanticModel is null || semanticModel.SyntaxTree == tree)
            {
                return semanticModel;
            }

            // Another part of a partial type. Inside the analyzer driver the compilation hands out
            // the driver's cached model of the file, not a new one.
#pragma warning disable RS1030 // The driver's compilation caches semantic models; the analysis context offers none for another file.
            return semanticModel.Compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
        }
    }
}
