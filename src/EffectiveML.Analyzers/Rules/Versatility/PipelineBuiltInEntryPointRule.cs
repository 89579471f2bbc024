using System.Collections.Generic;
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
    /// executable or a library: the trainer written in the chain, or held in a local and appended
    /// later. Reported once per chain expression, at the whole chain, naming its first trainer.
    /// </summary>
    public sealed class PipelineBuiltInEntryPointRule : Rule
    {
        public const string Id = "EML3001";

        internal static readonly DiagnosticDescriptor Descriptor = Descriptors.Create(
            Id,
            "Pipeline built inline in the entry point",
            "The pipeline with '{0}' is built inline in {1}; a pipeline no method returns cannot be unit-tested",
            DiagnosticSeverity.Info,
            "A pipeline built inside Main or top-level statements can only be exercised by running the whole program. Built by a method, it can be tested, reused and compared.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptor);

        internal override void Register(RuleRegistry registry)
        {
            var symbols = registry.Symbols;
            registry.OnMember((member, model) =>
            {
                // A property of the member: asked once, not for every call in it.
                if (member.OwningSymbol is not IMethodSymbol entryPoint
                    || !HasEntryPointSignature(entryPoint, symbols))
                {
                    return;
                }

                var api = model.Api;
                HashSet<SyntaxNode>? reported = null;
                foreach (var call in model.MLInvocations)
                {
                    if (!api.IsCatalogEstimator(call.TargetMethod) || !api.IsTrainer(call.TargetMethod))
                    {
                        continue;
                    }

                    // The chain as written around the trainer, or, for a trainer held in a local and
                    // appended later, the chain that appends it.
                    var chain = OutermostChain(call, api);
                    var inline = chain != call;
                    if (!inline)
                    {
                        foreach (var (pipeline, _) in model.Pipelines.ChainsContaining(call))
                        {
                            chain = pipeline.Value;
                            break;
                        }
                    }

                    if (chain == call || !(reported ??= new HashSet<SyntaxNode>()).Add(chain.Syntax))
                    {
                        continue;
                    }

                    var properties = inline
                        ? ImmutableDictionary<string, string?>.Empty
                        : ImmutableDictionary<string, string?>.Empty.Add(SpreadOverLocalsProperty, "true");
                    member.ReportDiagnostic(Diagnostic.Create(
                        Descriptor, chain.Syntax.GetLocation(), properties, call.TargetMethod.Name, Where(call, entryPoint)));
                }
            });
        }

        /// <summary>
        /// Present when the trainer reaches the chain through a local: the pipeline is built over
        /// several statements, which the fix (it extracts one expression) cannot move.
        /// </summary>
        public const string SpreadOverLocalsProperty = "SpreadOverLocals";

        /// <summary>"'Main'", "the top-level statements", or the local function of either that builds the chain.</summary>
        private static string Where(IOperation call, IMethodSymbol entryPoint)
        {
            var container = entryPoint.Name == WellKnownMemberNames.TopLevelStatementsEntryPointMethodName ? "the top-level statements" : $"'{entryPoint.Name}'";
            for (var parent = call.Parent; parent is not null; parent = parent.Parent)
            {
                if (parent is ILocalFunctionOperation localFunction)
                {
                    return $"the local function '{localFunction.Symbol.Name}' in {container}";
                }
            }

            return container;
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
        private static IOperation OutermostChain(IOperation trainer, MLApi api)
        {
            var chain = trainer;
            for (var parent = trainer.Parent; parent is not null; parent = parent.Parent)
            {
                if (parent is IInvocationOperation invocation && (api.IsAppend(invocation.TargetMethod) || api.IsAppendCacheCheckpoint(invocation.TargetMethod)))
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
    }
}
