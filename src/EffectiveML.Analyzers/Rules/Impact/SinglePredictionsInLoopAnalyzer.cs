using System.Collections.Immutable;
using EffectiveML.Analyzers.Infrastructure;
using EffectiveML.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace EffectiveML.Analyzers.Rules.Impact
{
    /// <summary>
    /// EML2003: <c>PredictionEngine.Predict</c> once per item of a collection in memory: in a
    /// <c>foreach</c> over it, a <c>for</c> over its indexes, or a LINQ <c>Select</c>/<c>ForEach</c>
    /// lambda. Loops that wait for one input at a time (<c>while</c>, <c>await foreach</c>, a
    /// blocking collection's consuming enumerable) are left alone.
    /// </summary>
    public sealed class SinglePredictionsInLoopAnalyzer : EffectiveMLAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.SinglePredictionsInLoop);

        private static readonly string[] PredictCalls = { "Predict" };

        internal override void InitializeCompilation(CompilationStartAnalysisContext context, KnownSymbols symbols)
        {
            var api = symbols.Api;
            symbols.Models.RegisterCallAction(context, PredictCalls, (member, model, call) =>
            {
                if (call.TargetMethod.Name != "Predict" || !api.IsPredictionEngine(call.TargetMethod.ContainingType))
                {
                    return;
                }

                var collection = CallContexts.EnclosingLoop(call) switch
                {
                    IForEachLoopOperation { IsAsynchronous: false } loop when !IsConsumingQueue(loop.Collection) => Describe.Code(ValueTracker.Unwrap(loop.Collection).Syntax),
                    IForLoopOperation loop when IndexBound(loop) is { } bound => Describe.Code(bound.Syntax),
                    _ => null,
                };

                if (collection is null && CallContexts.EnclosingLinqCall(call, api) is { TargetMethod.Name: "Select" or "SelectMany" } linq
                    && ValueTracker.Receiver(linq) is { } source)
                {
                    collection = Describe.Code(source.Syntax);
                }

                if (collection is not null)
                {
                    member.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.SinglePredictionsInLoop, Describe.CallLocation(call.Syntax), $"'{collection}'"));
                }
            });
        }

        /// <summary><c>queue.GetConsumingEnumerable()</c> and friends yield items as they arrive, one at a time.</summary>
        private static bool IsConsumingQueue(IOperation collection) =>
            ValueTracker.Unwrap(collection) is IInvocationOperation { TargetMethod.Name: "GetConsumingEnumerable" or "ReadAllAsync" or "ToEnumerable" };

        /// <summary>The collection a <c>for (...; i &lt; items.Count; ...)</c> loop walks: the receiver of its Count or Length.</summary>
        private static IOperation? IndexBound(IForLoopOperation loop) =>
            loop.Condition is IBinaryOperation { OperatorKind: BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual } comparison
            && ValueTracker.Unwrap(comparison.RightOperand) is IPropertyReferenceOperation { Property.Name: "Count" or "Length", Instance: { } items }
                ? items
                : null;
    }
}
