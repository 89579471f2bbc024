using System.Collections.Immutable;
using EffectiveML.Analyzers.Infrastructure;
using EffectiveML.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace EffectiveML.Analyzers.Rules.Impact
{
    /// <summary>
    /// EML2001: a PredictionEngine in a static field or property (directly or in a Lazy), or
    /// registered as a DI singleton. <c>ThreadLocal</c>, <c>[ThreadStatic]</c>, locals, instance
    /// fields and PredictionEnginePool are fine.
    /// </summary>
    public sealed class PredictionEngineSharedAnalyzer : EffectiveMLAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.PredictionEngineShared);

        internal override void InitializeCompilation(CompilationStartAnalysisContext context, KnownSymbols symbols)
        {
            var api = symbols.Api;
            if (api.PredictionEngineBase is null)
            {
                return;
            }

            TypeStart.RegisterDeclarationReader(context, symbols, (declarations, declaration) =>
            {
                var symbol = declaration.Symbol;
                var isStatic = symbol switch
                {
                    IFieldSymbol field => field.IsStatic || field.IsConst,
                    IPropertySymbol property => property.IsStatic,
                    _ => false,
                };

                if (!isStatic || !HoldsEngine(declaration.Type, api) || HasThreadStatic(declaration.Attributes, api))
                {
                    return;
                }

                var kind = symbol is IFieldSymbol ? "The static field" : "The static property";
                declarations.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.PredictionEngineShared, symbol.Locations[0], $"{kind} '{symbol.Name}'"));
            });

            symbols.Models.RegisterCallAction(context, static model => model.Invocations, (member, model, call) =>
            {
                var method = call.TargetMethod;
                if (method.Name is not ("AddSingleton" or "TryAddSingleton")
                    || !(MLApi.Is(method.ContainingType, api.ServiceCollectionServiceExtensions) || MLApi.Is(method.ContainingType, api.ServiceCollectionDescriptorExtensions))
                    || !RegistersEngine(call, api))
                {
                    return;
                }

                member.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.PredictionEngineShared, Describe.CallLocation(call.Syntax), $"'{method.Name}'"));
            });
        }

        /// <summary>An engine, or a Lazy of one.</summary>
        private static bool HoldsEngine(ITypeSymbol? type, MLApi api) =>
            api.IsPredictionEngine(type)
            || (type is INamedTypeSymbol { TypeArguments.Length: 1 } lazy && MLApi.Is(lazy, api.Lazy) && api.IsPredictionEngine(lazy.TypeArguments[0]));

        private static bool HasThreadStatic(System.Collections.Immutable.ImmutableArray<AttributeData> attributes, MLApi api)
        {
            foreach (var attribute in attributes)
            {
                if (MLApi.Is(attribute.AttributeClass, api.ThreadStaticAttribute))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The service type (a type argument, a typeof argument, or the factory's result) is an engine.</summary>
        private static bool RegistersEngine(IInvocationOperation call, MLApi api)
        {
            foreach (var typeArgument in call.TargetMethod.TypeArguments)
            {
                if (api.IsPredictionEngine(typeArgument))
                {
                    return true;
                }
            }

            foreach (var argument in call.Arguments)
            {
                if (ValueTracker.Unwrap(argument.Value) is ITypeOfOperation typeOf && api.IsPredictionEngine(typeOf.TypeOperand))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
