using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using EffectiveML.Analyzers.Infrastructure;
using EffectiveML.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace EffectiveML.Analyzers.Rules.Uncertainty
{
    /// <summary>
    /// EML6001: a type that trains (a Fit with a trainer) and saves a model (Model.Save, ONNX
    /// export) but evaluates nothing (Evaluate*, CrossValidate*, PermutationFeatureImportance*).
    /// Reported at each save once the type is complete; a nested type is a type of its own.
    /// </summary>
    public sealed class ModelSavedWithoutEvaluationAnalyzer : EffectiveMLAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.ModelSavedWithoutEvaluation);

        internal override void InitializeCompilation(CompilationStartAnalysisContext context, KnownSymbols symbols)
        {
            var models = symbols.Models;
            var api = symbols.Api;
            context.RegisterSymbolStartAction(start =>
            {
                var type = (INamedTypeSymbol)start.Symbol;
                var saves = new ConcurrentQueue<IInvocationOperation>();
                var fits = new ConcurrentQueue<(IInvocationOperation Fit, string Member)>();
                var evaluated = 0;

                start.RegisterOperationBlockAction(member =>
                {
                    // A type that evaluates anywhere has nothing to report: its other members need not be read.
                    if (System.Threading.Volatile.Read(ref evaluated) != 0
                        || !SymbolEqualityComparer.Default.Equals(member.OwningSymbol.ContainingType, type))
                    {
                        return;
                    }

                    foreach (var model in models.Of(member))
                    {
                        foreach (var call in model.MLInvocations)
                        {
                            var method = call.TargetMethod;
                            if (api.IsEvaluation(method, symbols))
                            {
                                System.Threading.Volatile.Write(ref evaluated, 1);
                                return;
                            }
                            else if (api.IsModelExport(method, symbols))
                            {
                                saves.Enqueue(call);
                            }
                            else if (method.Name == "Fit" && model.IsFit(method) && model.IsTrainingFit(call))
                            {
                                fits.Enqueue((call, member.OwningSymbol.Name));
                            }
                        }
                    }
                });

                start.RegisterSymbolEndAction(end =>
                {
                    if (evaluated != 0 || saves.IsEmpty || fits.IsEmpty)
                    {
                        return;
                    }

                    // Members arrive in any order under concurrent execution: name the first fit in the source.
                    var trainer = fits
                        .OrderBy(f => f.Fit.Syntax.SyntaxTree.FilePath, System.StringComparer.Ordinal)
                        .ThenBy(f => f.Fit.Syntax.SpanStart)
                        .First()
                        .Member;
                    foreach (var save in saves)
                    {
                        end.ReportDiagnostic(Diagnostic.Create(
                            Descriptors.ModelSavedWithoutEvaluation, Describe.CallLocation(save.Syntax), save.TargetMethod.Name, trainer));
                    }
                });
            }, SymbolKind.NamedType);
        }
    }
}
