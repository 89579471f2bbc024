using System.Collections.Immutable;
using EffectiveML.Analyzers.Infrastructure;
using EffectiveML.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace EffectiveML.Analyzers.Rules.Versatility
{
    /// <summary>
    /// EML3001: an estimator chain with a trainer built directly in top-level statements or in a
    /// method with an entry-point signature (<c>static void/int/Task Main(string[]?)</c>), in an
    /// executable or a library. Reported once per chain expression, at the whole chain.
    /// </summary>
    public sealed class PipelineBuiltInEntryPointAnalyzer : EffectiveMLAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.PipelineBuiltInEntryPoint);

        internal override void InitializeCompilation(CompilationStartAnalysisContext context, KnownSymbols symbols)
        {
            symbols.Models.RegisterMemberAction(context, (member, model) =>
            {
                // A property of the member: asked once, not for every call in it.
                if (member.OwningSymbol is not IMethodSymbol entryPoint
                    || !HasEntryPointSignature(entryPoint, symbols))
                {
                    return;
                }

                var pipelines = model.Pipelines;
                foreach (var call in model.MLInvocations)
                {
                    if (!pipelines.IsCatalogEstimator(call.TargetMethod) || !pipelines.IsTrainer(call.TargetMethod))
                    {
                        continue;
                    }

                    var chain = OutermostChain(call, pipelines);
                    if (chain == call || FirstTrainerIn(chain, pipelines) != call)
                    {
                        continue;
                    }

                    var name = entryPoint.Name == WellKnownMemberNames.TopLevelStatementsEntryPointMethodName ? "top-level statements" : entryPoint.Name;
                    member.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.PipelineBuiltInEntryPoint, chain.Syntax.GetLocation(), call.TargetMethod.Name, name));
                }
            });
        }

        /// <summary>static, named Main (or the top-level program), returning void, int, Task or Task&lt;int&gt;, taking nothing or string[].</summary>
        private static bool HasEntryPointSignature(IMethodSymbol method, KnownSymbols symbols)
        {
            if (!method.IsStatic
                || (method.Name != WellKnownMemberNames.EntryPointMethodName && method.Name != WellKnownMemberNames.TopLevelStatementsEntryPointMethodName))
            {
                return false;
            }

            var parameters = method.Parameters;
            if (parameters.Length > 1
                || (parameters.Length == 1 && parameters[0].Type is not IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_String }))
            {
                return false;
            }

            var returnType = method.ReturnType;
            if (returnType.SpecialType is SpecialType.System_Void or SpecialType.System_Int32)
            {
                return true;
            }

            return SymbolEqualityComparer.Default.Equals(returnType, symbols.Task)
                || (SymbolEqualityComparer.Default.Equals(returnType.OriginalDefinition, symbols.TaskOfT)
                    && returnType is INamedTypeSymbol { TypeArguments.Length: 1 } generic
                    && generic.TypeArguments[0].SpecialType == SpecialType.System_Int32);
        }

        /// <summary>The largest <c>Append</c> expression the trainer is part of: the chain as written.</summary>
        private static IOperation OutermostChain(IOperation trainer, Model.Pipelines.PipelineBuilder pipelines)
        {
            var chain = trainer;
            for (var parent = trainer.Parent; parent is not null; parent = parent.Parent)
            {
                if (parent is IInvocationOperation invocation && (pipelines.IsAppend(invocation.TargetMethod) || pipelines.IsAppendCacheCheckpoint(invocation.TargetMethod)))
                {
                    chain = invocation;
                }
                else if (parent is not (IArgumentOperation or IConversionOperation or IParenthesizedOperation))
                {
                    break;
                }
            }

            return chain;
        }

        private static IInvocationOperation? FirstTrainerIn(IOperation chain, Model.Pipelines.PipelineBuilder pipelines)
        {
            IInvocationOperation? first = null;
            foreach (var operation in chain.DescendantsAndSelf())
            {
                if (operation is IInvocationOperation invocation
                    && pipelines.IsCatalogEstimator(invocation.TargetMethod)
                    && pipelines.IsTrainer(invocation.TargetMethod)
                    && (first is null || invocation.Syntax.SpanStart < first.Syntax.SpanStart))
                {
                    first = invocation;
                }
            }

            return first;
        }
    }
}
