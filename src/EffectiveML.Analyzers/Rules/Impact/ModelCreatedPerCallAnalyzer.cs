using System.Collections.Immutable;
using EffectiveML.Analyzers.Infrastructure;
using EffectiveML.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace EffectiveML.Analyzers.Rules.Impact
{
    /// <summary>
    /// EML2002: <c>CreatePredictionEngine</c> or <c>Model.Load</c> inside a loop body, a LINQ
    /// lambda, a minimal-API handler lambda or a controller action. <c>CreateTimeSeriesEngine</c>
    /// is a different call and is not matched.
    /// </summary>
    public sealed class ModelCreatedPerCallAnalyzer : EffectiveMLAnalyzer
    {
        /// <summary>Present when the call is a local's initializer directly in a loop body and reads nothing the loop declares.</summary>
        public const string HoistableProperty = "Hoistable";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.ModelCreatedPerCall);

        /// <summary>The calls that create a model or engine; the rule checks their catalog itself.</summary>
        private static readonly string[] ModelCreatingMethods = { "CreatePredictionEngine", "Load" };

        internal override void InitializeCompilation(CompilationStartAnalysisContext context, KnownSymbols symbols)
        {
            var api = symbols.Api;
            symbols.Models.RegisterCallAction(context, ModelCreatingMethods, (member, model, call) =>
            {
                var method = call.TargetMethod;
                if (!(api.IsModelOperation(method, "CreatePredictionEngine") || api.IsModelOperation(method, "Load")))
                {
                    return;
                }

                string where;
                var properties = ImmutableDictionary<string, string?>.Empty;
                if (CallContexts.EnclosingLoop(call) is { } loop)
                {
                    where = "in every iteration of a loop";
                    if (IsHoistable(call, loop))
                    {
                        properties = properties.Add(HoistableProperty, "true");
                    }
                }
                else if (CallContexts.EnclosingLinqCall(call, api) is { } linq)
                {
                    where = $"for every item of a LINQ '{linq.TargetMethod.Name}'";
                }
                else if (CallContexts.EnclosingMinimalApiRoute(call, api) is { } route)
                {
                    where = $"on every request of a '{route.TargetMethod.Name}' handler";
                }
                else if (CallContexts.IsControllerAction(member.OwningSymbol, api))
                {
                    where = $"on every request to the controller action '{member.OwningSymbol.Name}'";
                }
                else
                {
                    return;
                }

                member.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.ModelCreatedPerCall, Describe.CallLocation(call.Syntax), properties, method.Name, where));
            });
        }

        /// <summary>
        /// <c>var engine = ...;</c> directly in the loop's body, reading no variable the loop
        /// declares or writes: moving it before the loop changes nothing but the cost.
        /// </summary>
        private static bool IsHoistable(IInvocationOperation call, ILoopOperation loop)
        {
            if (call.Parent is not IVariableInitializerOperation { Parent: IVariableDeclaratorOperation { Parent: IVariableDeclarationOperation { Parent: IVariableDeclarationGroupOperation group } } }
                || group.Parent != loop.Body)
            {
                return false;
            }

            var semanticModel = call.SemanticModel;
            if (semanticModel is null)
            {
                return false;
            }

            var flow = semanticModel.AnalyzeDataFlow(call.Syntax);
            var loopFlow = semanticModel.AnalyzeDataFlow(loop.Body.Syntax);
            if (flow is null || loopFlow is null || !flow.Succeeded || !loopFlow.Succeeded)
            {
                return false;
            }

            foreach (var read in flow.ReadInside)
            {
                if (loopFlow.VariablesDeclared.Contains(read) || loopFlow.WrittenInside.Contains(read) || (read is ILocalSymbol local && loop.Locals.Contains(local)))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
