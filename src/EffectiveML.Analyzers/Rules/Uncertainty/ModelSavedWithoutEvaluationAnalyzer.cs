using System.Collections.Generic;
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
                var found = new TypeFindings();

                start.RegisterOperationBlockAction(member =>
                {
                    // A type that evaluates anywhere has nothing to report: its other members need not be read.
                    if (found.Evaluates || !SymbolEqualityComparer.Default.Equals(member.OwningSymbol.ContainingType, type))
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
                                found.Evaluates = true;
                                return;
                            }
                            else if (api.IsModelExport(method, symbols))
                            {
                                found.AddSave(call);
                            }
                            else if (method.Name == "Fit" && model.IsFit(method) && model.IsTrainingFit(call))
                            {
                                found.AddFit(call, member.OwningSymbol.Name);
                            }
                        }
                    }
                });

                start.RegisterSymbolEndAction(end =>
                {
                    if (found.Evaluates || found.Saves is not { } saves || found.Fits is not { } fits)
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

        /// <summary>
        /// What one type's members showed. Most types save nothing and fit nothing, so the lists
        /// exist only once something is found; the end action reads them after every member.
        /// </summary>
        private sealed class TypeFindings
        {
            private volatile bool _evaluates;

            public bool Evaluates
            {
                get => _evaluates;
                set => _evaluates = value;
            }

            public List<IInvocationOperation>? Saves { get; private set; }

            public List<(IInvocationOperation Fit, string Member)>? Fits { get; private set; }

            public void AddSave(IInvocationOperation save)
            {
                lock (this)
                {
                    (Saves ??= new List<IInvocationOperation>()).Add(save);
                }
            }

            public void AddFit(IInvocationOperation fit, string member)
            {
                lock (this)
                {
                    (Fits ??= new List<(IInvocationOperation Fit, string Member)>()).Add((fit, member));
                }
            }
        }
    }
}
