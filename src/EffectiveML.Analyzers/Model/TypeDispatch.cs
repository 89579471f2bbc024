using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using EffectiveML.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace EffectiveML.Analyzers.Model
{
    /// <summary>
    /// What is done once for each type, when the driver starts it, for every rule that needs it:
    /// one symbol start per type in the suite. It reads the type's declarations (the type and each
    /// member it declares, with their attributes) for the rules that judge declarations rather
    /// than code, and lets a rule that must see a whole type open a scope for it (MLContextScope).
    /// </summary>
    /// <remarks>
    /// A scope of the driver's is costly for every member of a type it is opened on (the driver
    /// tracks the members' actions for it), so nothing is
    /// registered for a type that needs nothing: what a declaration rule finds is reported at the
    /// type's end only when it found something, and a scope is opened only on a type that asks
    /// for one. Generated code is skipped as the driver skips it: a type all of whose parts are
    /// generated is never started, and of a partial type only the members declared in user code
    /// are read. Symbol actions per member kind, the usual way to read declarations, made the
    /// driver call back for every member of every type, for rules that find something on very few.
    /// </remarks>
    internal sealed class TypeDispatch
    {
        private readonly List<Action<DeclarationFindings, Declaration>> _declarationReaders = new();
        private readonly List<(Func<ITypeSymbol, bool> Wants, Action<SymbolStartAnalysisContext> Open)> _scopeOpeners = new();
        private readonly GeneratedCode _generated;

        public TypeDispatch(GeneratedCode generated) => _generated = generated;

        /// <summary>
        /// Runs <paramref name="reader"/> for each type and member declared in user code, with its
        /// attributes; what it reports is reported when the type is done.
        /// </summary>
        public void AddDeclarationReader(Action<DeclarationFindings, Declaration> reader) => _declarationReaders.Add(reader);

        /// <summary>
        /// Runs <paramref name="open"/> as a type starts whose fields, properties or method
        /// parameters include one of a type that <paramref name="wants"/> accepts.
        /// </summary>
        public void AddScopeOpener(Func<ITypeSymbol, bool> wants, Action<SymbolStartAnalysisContext> open) => _scopeOpeners.Add((wants, open));

        /// <summary>The one symbol start of the compilation's types, for every reader and scope.</summary>
        public void RegisterOn(CompilationStartAnalysisContext context) => context.RegisterSymbolStartAction(Start, SymbolKind.NamedType);

        /// <summary>
        /// One pass over the type's members for every rule: each field's and property's type is
        /// read once, and attributes only when a rule reads declarations.
        /// </summary>
        private void Start(SymbolStartAnalysisContext start)
        {
            var type = (INamedTypeSymbol)start.Symbol;
            var cancellationToken = start.CancellationToken;
            var readsDeclarations = _declarationReaders.Count > 0;
            var context = readsDeclarations ? new DeclarationFindings(cancellationToken) : null;
            if (context is not null)
            {
                Hand(context, new Declaration(type, null, type.GetAttributes()));
            }

            // A partial type may have parts in generated files: each member is then checked for its own files.
            var partial = readsDeclarations && type.DeclaringSyntaxReferences.Length > 1;
            var opened = 0UL;
            foreach (var member in type.GetMembers())
            {
                ITypeSymbol? memberType;
                switch (member)
                {
                    case IFieldSymbol field:
                        // Backing fields of auto-properties: the property stands for them.
                        if (field.IsImplicitlyDeclared)
                        {
                            continue;
                        }

                        memberType = field.Type;
                        break;
                    case IPropertySymbol property:
                        memberType = property.Type;
                        break;
                    case INamedTypeSymbol:
                        // A nested type is started on its own.
                        continue;
                    default:
                        memberType = null;
                        break;
                }

                if (memberType is not null)
                {
                    opened = Wanted(memberType, opened);
                }
                else if (_scopeOpeners.Count > 0 && member is IMethodSymbol { MethodKind: MethodKind.Ordinary } method)
                {
                    foreach (var parameter in method.Parameters)
                    {
                        opened = Wanted(parameter.Type, opened);
                    }
                }

                if (context is null)
                {
                    continue;
                }

                cancellationToken.ThrowIfCancellationRequested();
                var attributes = member.GetAttributes();
                if (_generated.HasGeneratedCodeAttribute(attributes) || (partial && _generated.IsDeclaredOnlyInGeneratedCode(member)))
                {
                    continue;
                }

                Hand(context, new Declaration(member, memberType, attributes));
            }

            if (context?.Findings is { } findings)
            {
                start.RegisterSymbolEndAction(end =>
                {
                    foreach (var finding in findings)
                    {
                        end.ReportDiagnostic(finding);
                    }
                });
            }

            for (var i = 0; i < _scopeOpeners.Count && i < 64; i++)
            {
                if ((opened & (1UL << i)) != 0)
                {
                    _scopeOpeners[i].Open(start);
                }
            }
        }

        /// <summary><paramref name="opened"/> with the bit of each scope opener that wants <paramref name="type"/> set.</summary>
        private ulong Wanted(ITypeSymbol type, ulong opened)
        {
            for (var i = 0; i < _scopeOpeners.Count && i < 64; i++)
            {
                if ((opened & (1UL << i)) == 0 && _scopeOpeners[i].Wants(type))
                {
                    opened |= 1UL << i;
                }
            }

            return opened;
        }

        private void Hand(DeclarationFindings context, Declaration declaration)
        {
            foreach (var reader in _declarationReaders)
            {
                reader(context, declaration);
            }
        }
    }

    /// <summary>A type or member as declared: its symbol, the type of a field or property, its attributes.</summary>
    internal readonly struct Declaration
    {
        public Declaration(ISymbol symbol, ITypeSymbol? type, ImmutableArray<AttributeData> attributes)
        {
            Symbol = symbol;
            Type = type;
            Attributes = attributes;
        }

        public ISymbol Symbol { get; }

        /// <summary>The type of a field or property; null for anything else.</summary>
        public ITypeSymbol? Type { get; }

        public ImmutableArray<AttributeData> Attributes { get; }
    }

    /// <summary>Where a declaration rule reports: its findings are reported when the type is done.</summary>
    internal sealed class DeclarationFindings
    {
        public DeclarationFindings(System.Threading.CancellationToken cancellationToken) => CancellationToken = cancellationToken;

        public System.Threading.CancellationToken CancellationToken { get; }

        /// <summary>Null until something is found: most types have nothing to report.</summary>
        public List<Diagnostic>? Findings { get; private set; }

        public void ReportDiagnostic(Diagnostic diagnostic) => (Findings ??= new List<Diagnostic>()).Add(diagnostic);
    }
}
