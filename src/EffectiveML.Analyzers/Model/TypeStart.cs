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
    /// tracks the members' actions for it; README, "What it costs a build"), so nothing is
    /// registered for a type that needs nothing: what a declaration rule finds is reported at the
    /// type's end only when it found something, and a scope is opened only on a type that asks
    /// for one. Generated code is skipped as the driver skips it: a type all of whose parts are
    /// generated is never started, and of a partial type only the members declared in user code
    /// are read. Symbol actions per member kind, the usual way to read declarations, made the
    /// driver call back for every member of every type, for rules that find something on very few.
    /// </remarks>
    internal sealed class TypeStart
    {
        private readonly List<Action<DeclarationContext, ISymbol, ImmutableArray<AttributeData>>> _declarationReaders = new();
        private readonly List<Action<SymbolStartAnalysisContext, ImmutableArray<ISymbol>>> _scopeOpeners = new();
        private readonly GeneratedCode _generated;

        private TypeStart(GeneratedCode generated) => _generated = generated;

        /// <summary>
        /// Runs <paramref name="reader"/> for each type and member declared in user code, with its
        /// attributes; what it reports is reported when the type is done.
        /// </summary>
        public static void RegisterDeclarationReader(
            CompilationStartAnalysisContext context,
            KnownSymbols symbols,
            Action<DeclarationContext, ISymbol, ImmutableArray<AttributeData>> reader) =>
            For(context, symbols, out var timed)._declarationReaders.Add(timed(reader));

        /// <summary>Runs <paramref name="opener"/> as each type starts, with the members the type declares.</summary>
        public static void RegisterScopeOpener(
            CompilationStartAnalysisContext context,
            KnownSymbols symbols,
            Action<SymbolStartAnalysisContext, ImmutableArray<ISymbol>> opener) =>
            For(context, symbols, out _)._scopeOpeners.Add(opener);

        /// <summary>
        /// The registration the rules of a suite share, or a registration of one rule's own when it
        /// runs alone; <paramref name="timed"/> charges a reader's time to the rule registering it.
        /// </summary>
        private static TypeStart For(
            CompilationStartAnalysisContext context,
            KnownSymbols symbols,
            out Func<Action<DeclarationContext, ISymbol, ImmutableArray<AttributeData>>, Action<DeclarationContext, ISymbol, ImmutableArray<AttributeData>>> timed)
        {
            if (context is RuleHostContext host)
            {
                timed = host.Timed;
                return host.Shared(inner => RegisterOn(inner, symbols));
            }

            timed = static reader => reader;
            return RegisterOn(context, symbols);
        }

        private static TypeStart RegisterOn(CompilationStartAnalysisContext context, KnownSymbols symbols)
        {
            var typeStart = new TypeStart(new GeneratedCode(context.Options, symbols));
            context.RegisterSymbolStartAction(typeStart.Start, SymbolKind.NamedType);
            return typeStart;
        }

        private void Start(SymbolStartAnalysisContext start)
        {
            var type = (INamedTypeSymbol)start.Symbol;
            var members = type.GetMembers();
            if (_declarationReaders.Count > 0)
            {
                var findings = ReadDeclarations(type, members, start.CancellationToken);
                if (findings is not null)
                {
                    start.RegisterSymbolEndAction(end =>
                    {
                        foreach (var finding in findings)
                        {
                            end.ReportDiagnostic(finding);
                        }
                    });
                }
            }

            foreach (var opener in _scopeOpeners)
            {
                opener(start, members);
            }
        }

        private List<Diagnostic>? ReadDeclarations(INamedTypeSymbol type, ImmutableArray<ISymbol> members, System.Threading.CancellationToken cancellationToken)
        {
            var context = new DeclarationContext(cancellationToken);
            Hand(context, type, type.GetAttributes());

            // A partial type may have parts in generated files: each member is then checked for its own files.
            var partial = type.DeclaringSyntaxReferences.Length > 1;
            foreach (var member in members)
            {
                if (member is INamedTypeSymbol || member.IsImplicitlyDeclared)
                {
                    continue;
                }

                cancellationToken.ThrowIfCancellationRequested();
                var attributes = member.GetAttributes();
                if (_generated.HasGeneratedCodeAttribute(attributes) || (partial && _generated.IsDeclaredOnlyInGeneratedCode(member)))
                {
                    continue;
                }

                Hand(context, member, attributes);
            }

            return context.Findings;
        }

        private void Hand(DeclarationContext context, ISymbol symbol, ImmutableArray<AttributeData> attributes)
        {
            foreach (var reader in _declarationReaders)
            {
                reader(context, symbol, attributes);
            }
        }
    }

    /// <summary>Where a declaration rule reports: its findings are reported when the type is done.</summary>
    internal sealed class DeclarationContext
    {
        public DeclarationContext(System.Threading.CancellationToken cancellationToken) => CancellationToken = cancellationToken;

        public System.Threading.CancellationToken CancellationToken { get; }

        /// <summary>Null until something is found: most types have nothing to report.</summary>
        public List<Diagnostic>? Findings { get; private set; }

        public void ReportDiagnostic(Diagnostic diagnostic) => (Findings ??= new List<Diagnostic>()).Add(diagnostic);
    }
}
