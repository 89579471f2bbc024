using System.Collections.Generic;
using System.Collections.Immutable;
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
    /// Reported at each save; a nested type is a type of its own.
    /// </summary>
    /// <remarks>
    /// The verdict is the type's, but only a member that saves without evaluating can lead to a
    /// finding, so the rest of the type is read only for such a member, from the type's
    /// declarations (<see cref="TypeMemberModels"/>), and once per type. Most members save nothing or
    /// evaluate where they save, and a type scope of the driver's would have made every member
    /// of every type pay for the few that do.
    /// </remarks>
    public sealed class ModelSavedWithoutEvaluationRule : Rule
    {
        public const string Id = "EML6001";

        internal static readonly DiagnosticDescriptor Descriptor = Descriptors.Create(
            Id,
            "Model saved without evaluation",
            "'{0}' saves a model that '{1}' trains, and nothing in this type evaluates it",
            DiagnosticSeverity.Warning,
            "Shipping a model nobody measured on held-out data is shipping an unknown. Evaluate it (Evaluate, CrossValidate, permutation feature importance) before it is saved for serving.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptor);

        internal override void Register(RuleRegistry registry)
        {
            var symbols = registry.Symbols;
            var api = symbols.Api;
            var verdicts = new System.Collections.Concurrent.ConcurrentDictionary<INamedTypeSymbol, TypeVerdict>(SymbolEqualityComparer.Default);
            registry.OnMember((member, model) =>
            {
                List<IInvocationOperation>? saves = null;
                var calls = model.MLInvocations;
                for (var i = 0; i < calls.Count; i++)
                {
                    var method = calls[i].TargetMethod;
                    if (api.IsEvaluation(method))
                    {
                        // The type evaluates: nothing to report here or anywhere in it.
                        return;
                    }

                    if (api.IsModelExport(method))
                    {
                        (saves ??= new List<IInvocationOperation>()).Add(calls[i]);
                    }
                }

                if (saves is not null)
                {
                    ReportUnlessTheTypeEvaluates(member, model, saves, verdicts, symbols);
                }
            });
        }

        /// <summary>Out of the member action: its captures would be allocated for every member, not only for one that saves.</summary>
        private static void ReportUnlessTheTypeEvaluates(
            OperationBlockAnalysisContext member,
            MemberModel model,
            List<IInvocationOperation> saves,
            System.Collections.Concurrent.ConcurrentDictionary<INamedTypeSymbol, TypeVerdict> verdicts,
            KnownSymbols symbols)
        {
            var owner = member.OwningSymbol;
            if ((owner as INamedTypeSymbol ?? owner.ContainingType) is not { } type)
            {
                return;
            }

            var verdict = verdicts.GetOrAdd(type, t => Judge(t, model, owner, symbols, member.CancellationToken));
            if (verdict.Trainer is not { } trainer)
            {
                return;
            }

            foreach (var save in saves)
            {
                member.ReportDiagnostic(Diagnostic.Create(
                    Descriptor, Describe.CallLocation(save.Syntax), save.TargetMethod.Name, trainer));
            }
        }

        /// <summary>
        /// Reads every member of the type: null trainer when it evaluates anywhere or trains
        /// nowhere; else the member of its first training fit in the source, which the message names.
        /// </summary>
        private static TypeVerdict Judge(INamedTypeSymbol type, MemberModel asking, ISymbol askingSymbol, KnownSymbols symbols, System.Threading.CancellationToken cancellationToken)
        {
            var api = symbols.Api;
            IInvocationOperation? firstFit = null;
            string? trainer = null;
            foreach (var (model, member) in TypeMemberModels.Of(type, asking, askingSymbol, symbols.Models, cancellationToken))
            {
                foreach (var call in model.MLInvocations)
                {
                    var method = call.TargetMethod;
                    if (api.IsEvaluation(method))
                    {
                        return default;
                    }

                    if (method.Name == "Fit" && model.Api.IsFit(method) && model.Sites.IsTrainingFit(call)
                        && (firstFit is null || InSourceOrder(call, firstFit) < 0))
                    {
                        firstFit = call;
                        trainer = member.Name;
                    }
                }
            }

            return new TypeVerdict(trainer);
        }

        private static int InSourceOrder(IOperation left, IOperation right)
        {
            var byPath = string.CompareOrdinal(left.Syntax.SyntaxTree.FilePath, right.Syntax.SyntaxTree.FilePath);
            return byPath != 0 ? byPath : left.Syntax.SpanStart.CompareTo(right.Syntax.SpanStart);
        }

        private readonly struct TypeVerdict
        {
            public TypeVerdict(string? trainer) => Trainer = trainer;

            /// <summary>The member that trains, when the type trains and evaluates nowhere.</summary>
            public string? Trainer { get; }
        }
    }
}
