using System.Collections.Immutable;
using EffectiveML.Analyzers.Infrastructure;
using EffectiveML.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace EffectiveML.Analyzers.Rules.Impact
{
    /// <summary>
    /// EML2005: a model fitted with a trainer whose only uses are its own members (Transform, the
    /// output schema): never saved, returned, stored, passed on or turned into an engine. Quiet in
    /// test methods, where fitting and discarding is the point.
    /// </summary>
    public sealed class ModelNeverLeavesAnalyzer : EffectiveMLAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.ModelNeverLeaves);

        private static readonly string[] FitCalls = { "Fit" };

        internal override void InitializeCompilation(CompilationStartAnalysisContext context, KnownSymbols symbols)
        {
            symbols.Models.RegisterCallAction(context, FitCalls, (member, model, call) =>
            {
                if (TestFrameworks.IsTestMethod(member.OwningSymbol))
                {
                    return;
                }

                if (!model.IsFit(call.TargetMethod) || !model.IsTrainingFit(call) || Leaves(call, model))
                {
                    return;
                }

                member.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.ModelNeverLeaves, Describe.CallLocation(call.Syntax), call.TargetMethod.Name));
            });
        }

        /// <summary>The model goes somewhere: anything but a call of its own members counts, as does a reassigned local.</summary>
        private static bool Leaves(IInvocationOperation fit, MemberModel model)
        {
            var parent = Outer(fit);
            if (parent is IExpressionStatementOperation)
            {
                return false;
            }

            if (parent is not IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator })
            {
                return !IsOwnMemberUse(fit);
            }

            if (model.Values.SingleValue(declarator.Symbol) is null)
            {
                return true;
            }

            foreach (var local in model.ReferencesTo(declarator.Symbol))
            {
                if (!IsOwnMemberUse(local))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary><c>model.Transform(...)</c>, <c>model.GetOutputSchema(...)</c>: the model is the receiver, not a value handed on.</summary>
        private static bool IsOwnMemberUse(IOperation model) =>
            Outer(model) is IInvocationOperation { Instance: { } instance } && ValueTracker.Unwrap(instance) == model
            || Outer(model) is IPropertyReferenceOperation;

        private static IOperation? Outer(IOperation operation)
        {
            var parent = operation.Parent;
            while (parent is IConversionOperation or IParenthesizedOperation)
            {
                parent = parent.Parent;
            }

            return parent;
        }
    }
}
