using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace EffectiveML.Analyzers.Model
{
    /// <summary>Answers "does this member work with ML.NET or TorchSharp types".</summary>
    internal static class MLUsage
    {
        /// <summary>A member whose parameters, return or own type are ML types.</summary>
        public static bool SignatureUsesMLTypes(ISymbol member, KnownSymbols symbols)
        {
            switch (member)
            {
                case IMethodSymbol method:
                    if (symbols.IsMLType(method.ReturnType))
                    {
                        return true;
                    }

                    foreach (var parameter in method.Parameters)
                    {
                        if (symbols.IsMLType(parameter.Type))
                        {
                            return true;
                        }
                    }

                    return false;
                case IFieldSymbol field:
                    return symbols.IsMLType(field.Type);
                case IPropertySymbol property:
                    return symbols.IsMLType(property.Type);
                default:
                    return false;
            }
        }

        /// <summary>
        /// The member an operation belongs to works with ML types: by its signature, or by any
        /// operation in its body. Walks the body, so callers ask only once they found something rare.
        /// </summary>
        public static bool MemberUsesMLTypes(IOperation operationInMember, ISymbol member, KnownSymbols symbols)
        {
            if (SignatureUsesMLTypes(member, symbols))
            {
                return true;
            }

            foreach (var operation in ValueTracker.MemberRoot(operationInMember).DescendantsAndSelf())
            {
                if (UsesMLType(operation, symbols))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>An operation that calls, creates, reads or declares something of ML.NET or TorchSharp.</summary>
        public static bool UsesMLType(IOperation operation, KnownSymbols symbols) => operation switch
        {
            IInvocationOperation invocation => symbols.IsMLSymbol(invocation.TargetMethod) || symbols.IsMLType(invocation.Type),
            IObjectCreationOperation creation => symbols.IsMLType(creation.Type),
            IMemberReferenceOperation reference => symbols.IsMLSymbol(reference.Member) || symbols.IsMLType(reference.Type),
            IVariableDeclaratorOperation declarator => symbols.IsMLType(declarator.Symbol.Type),
            _ => false,
        };
    }
}
