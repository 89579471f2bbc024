using System.Collections.Immutable;
using EffectiveML.Analyzers.Infrastructure;
using EffectiveML.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace EffectiveML.Analyzers.Rules.Resilience
{
    /// <summary>
    /// EML8002: the <c>Probability</c> or <c>Score</c> column of a prediction compared with a numeric
    /// literal. A prediction is a value returned by <c>PredictionEngine.Predict</c> in the member, or
    /// an instance of a class that declares the <c>PredictedLabel</c> column.
    /// </summary>
    public sealed class HardCodedThresholdAnalyzer : EffectiveMLAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.HardCodedThreshold);

        internal override void InitializeCompilation(CompilationStartAnalysisContext context, KnownSymbols symbols)
        {
            var models = symbols.Models;
            models.RegisterMemberAction(context, (member, model) =>
            {
                foreach (var comparison in model.Comparisons)
                {
                    var left = ValueTracker.Unwrap(comparison.LeftOperand);
                    var right = ValueTracker.Unwrap(comparison.RightOperand);
                    var (column, literal) = left is ILiteralOperation ? (right, left) : (left, right);
                    if (literal is not ILiteralOperation { ConstantValue.HasValue: true }
                        || column is not IMemberReferenceOperation { Member: IPropertySymbol or IFieldSymbol } read
                        || !IsScoreColumn(read.Member, symbols.Api)
                        || !IsPrediction(read, model, symbols.Api))
                    {
                        continue;
                    }

                    member.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.HardCodedThreshold, comparison.Syntax.GetLocation(), Describe.Code(read.Syntax), literal.Syntax.ToString()));
                }
            });
        }

        private static bool IsScoreColumn(ISymbol member, MLApi api) =>
            member.ContainingType is { } type && api.Schema(type).ColumnOf(member) is "Probability" or "Score";

        private static bool IsPrediction(IMemberReferenceOperation read, MemberModel model, MLApi api)
        {
            if (api.Schema(read.Member.ContainingType).HasColumn("PredictedLabel"))
            {
                return true;
            }

            return read.Instance is { } instance
                && ValueReader.Resolve(instance, model.Values) is IInvocationOperation { TargetMethod.Name: "Predict" } predict
                && KnownSymbols.InheritsFrom(predict.TargetMethod.ContainingType, api.PredictionEngineBase);
        }
    }
}
