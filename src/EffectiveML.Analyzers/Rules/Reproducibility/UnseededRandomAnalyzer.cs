using System.Collections.Generic;
using System.Collections.Immutable;
using EffectiveML.Analyzers.Infrastructure;
using EffectiveML.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace EffectiveML.Analyzers.Rules.Reproducibility
{
    /// <summary>
    /// EML5003: <c>new Random()</c> or <c>Random.Shared</c> in a member that also works with ML.NET or
    /// TorchSharp types. Random numbers elsewhere (a retry jitter in a web handler) are not ML's business.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class UnseededRandomAnalyzer : EffectiveMLAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.UnseededRandom);

        internal override void InitializeCompilation(CompilationStartAnalysisContext context, KnownSymbols symbols)
        {
            if (symbols.Random is null)
            {
                return;
            }

            context.RegisterOperationBlockStartAction(block =>
            {
                var member = new MemberState(symbols, MLMembers.SignatureUsesMLTypes(block.OwningSymbol, symbols));
                block.RegisterOperationAction(
                    member.Inspect,
                    OperationKind.ObjectCreation,
                    OperationKind.PropertyReference,
                    OperationKind.FieldReference,
                    OperationKind.Invocation,
                    OperationKind.VariableDeclarator);
                block.RegisterOperationBlockEndAction(end => member.Report(end, block.OwningSymbol));
            });
        }

        private sealed class MemberState
        {
            private readonly KnownSymbols _symbols;
            private readonly List<IOperation> _unseeded = new();
            private bool _usesML;

            public MemberState(KnownSymbols symbols, bool usesML)
            {
                _symbols = symbols;
                _usesML = usesML;
            }

            public void Inspect(OperationAnalysisContext context)
            {
                var operation = context.Operation;
                if (IsUnseededRandom(operation))
                {
                    lock (_unseeded)
                    {
                        _unseeded.Add(operation);
                    }
                }
                else if (!_usesML && MLMembers.UsesMLType(operation, _symbols))
                {
                    _usesML = true;
                }
            }

            public void Report(OperationBlockAnalysisContext context, ISymbol owner)
            {
                if (!_usesML)
                {
                    return;
                }

                lock (_unseeded)
                {
                    foreach (var operation in _unseeded)
                    {
                        var isCreation = operation is IObjectCreationOperation;
                        var properties = isCreation
                            ? EffectiveMLOptions.SeedProperties(EffectiveMLOptions.RandomFixSeed, context.Options, operation.Syntax.SyntaxTree)
                            : ImmutableDictionary<string, string?>.Empty;

                        context.ReportDiagnostic(Diagnostic.Create(
                            Descriptors.UnseededRandom,
                            operation.Syntax.GetLocation(),
                            properties,
                            isCreation ? "new Random()" : "Random.Shared",
                            owner.Name));
                    }
                }
            }

            private bool IsUnseededRandom(IOperation operation) => operation switch
            {
                IObjectCreationOperation creation =>
                    _symbols.IsRandom(creation.Type) && creation.Constructor?.Parameters.Length == 0,
                IPropertyReferenceOperation reference =>
                    SymbolEqualityComparer.Default.Equals(reference.Property, _symbols.RandomShared),
                _ => false,
            };
        }
    }
}
