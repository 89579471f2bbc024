using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace EffectiveML.Benchmarks
{
#pragma warning disable RS1001, RS1025, RS1026, RS1036, RS1038, RS1041, RS2008 // Measuring aids run directly by CompilationWithAnalyzers, never loaded by a compiler.
    /// <summary>
    /// Diagnosis (--report-cost): what the driver charges a finding inside a method body, by where
    /// it is reported. Each variant finds every object creation that initializes a local and
    /// either reports it from the operation callback, reports it at the end of its type, or only
    /// counts it.
    /// </summary>
    public sealed class ReportAtLocalCreations : DiagnosticAnalyzer
    {
        public enum Where { Nowhere, InMemberCallback, AtTypeEnd, AtMemberName, OnStatement }

        private static readonly DiagnosticDescriptor Finding = new("BENCH4", "finding", "finding", "Benchmark", DiagnosticSeverity.Warning, true);
        private readonly Where _where;

        public ReportAtLocalCreations(Where where) => _where = where;

        public int Found;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Finding);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterSymbolStartAction(start =>
            {
                var found = new ConcurrentQueue<Location>();
                start.RegisterOperationAction(operation =>
                {
                    if (operation.Operation.Syntax.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent.Parent: LocalDeclarationStatementSyntax } })
                    {
                        System.Threading.Interlocked.Increment(ref Found);
                        if (_where == Where.InMemberCallback)
                        {
                            operation.ReportDiagnostic(Diagnostic.Create(Finding, operation.Operation.Syntax.GetLocation()));
                        }
                        else if (_where == Where.AtMemberName)
                        {
                            operation.ReportDiagnostic(Diagnostic.Create(Finding, operation.ContainingSymbol.Locations[0]));
                        }
                        else if (_where == Where.OnStatement)
                        {
                            // The whole statement: its ancestors are statements and blocks, no declarator.
                            operation.ReportDiagnostic(Diagnostic.Create(Finding, operation.Operation.Syntax.Parent!.Parent!.Parent!.Parent!.GetLocation()));
                        }
                        else
                        {
                            found.Enqueue(operation.Operation.Syntax.GetLocation());
                        }
                    }
                }, OperationKind.ObjectCreation);
                start.RegisterSymbolEndAction(end =>
                {
                    if (_where == Where.AtTypeEnd)
                    {
                        foreach (var location in found)
                        {
                            end.ReportDiagnostic(Diagnostic.Create(Finding, location));
                        }
                    }
                });
            }, SymbolKind.NamedType);
        }
    }

#pragma warning restore RS1001, RS1025, RS1026, RS1036, RS1038, RS1041, RS2008
}
