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
    /// is a different call and is not matched, and neither is a call that reads what the iteration
    /// declares or writes: a loop over model files loads a different model each time.
    /// </summary>
    public sealed class ModelCreatedPerCallRule : Rule
    {
        /// <summary>Present when the call is a local's initializer directly in a loop body (it reads nothing the loop declares, or it would not be reported).</summary>
        public const string HoistableProperty = "Hoistable";

        public const string Id = "EML2002";

        internal static readonly DiagnosticDescriptor Descriptor = Descriptors.Create(
            Id,
            "Model or engine created per call",
            "'{0}' runs {1}: the model is loaded or the engine built again every time",
            DiagnosticSeverity.Warning,
            "Loading a model and building a prediction engine take milliseconds to seconds and allocate heavily. Done per loop iteration or per request, they dominate latency and memory; create them once and reuse them (a pool for web requests).");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptor);

        /// <summary>The calls that create a model or engine; the rule checks their catalog itself.</summary>
        private static readonly string[] ModelCreatingMethods = { "CreatePredictionEngine", "Load" };

        internal override void Register(RuleRegistry registry)
        {
            var symbols = registry.Symbols;
            var api = symbols.Api;
            var web = new WebSymbols(registry.Compilation);
            registry.OnCalls(ModelCreatingMethods, (member, model, call) =>
            {
                var method = call.TargetMethod;
                if (!(api.IsModelOperation(method, "CreatePredictionEngine") || api.IsModelOperation(method, "Load")))
                {
                    return;
                }

                string where;
                var properties = ImmutableDictionary<string, string?>.Empty;
                if (Enclosing.Loop(call) is { } loop)
                {
                    // A loop that loads a different model in each iteration (its path or model comes from the loop) is not a repeat.
                    if (VariesPerIteration(call, loop, loop.Locals))
                    {
                        return;
                    }

                    where = "in every iteration of a loop";
                    if (IsLocalInitializerInBody(call, loop))
                    {
                        properties = properties.Add(HoistableProperty, "true");
                    }
                }
                else if (Enclosing.LinqCall(call, symbols) is { } linq)
                {
                    if (Enclosing.Lambda(call) is { } lambda && VariesPerIteration(call, lambda.Body, lambda.Symbol.Parameters))
                    {
                        return;
                    }

                    where = $"for every item of a LINQ '{linq.TargetMethod.Name}'";
                }
                else if (MinimalApiRoute(call, web) is { } route)
                {
                    where = $"on every request of a '{route.TargetMethod.Name}' handler";
                }
                else if (IsControllerAction(member.OwningSymbol, web))
                {
                    where = $"on every request to the controller action '{member.OwningSymbol.Name}'";
                }
                else
                {
                    return;
                }

                member.ReportDiagnostic(Diagnostic.Create(
                    Descriptor, Describe.CallLocation(call.Syntax), properties, method.Name, where));
            });
        }

        /// <summary><c>var engine = ...;</c> directly in the loop's body: a statement the fix can move before the loop.</summary>
        private static bool IsLocalInitializerInBody(IInvocationOperation call, ILoopOperation loop) =>
            call.Parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation { Parent: IVariableDeclarationOperation { Parent: IVariableDeclarationGroupOperation group } } }
            && group.Parent == loop.Body;

        /// <summary>
        /// The call reads a variable the iteration declares or writes (the loop's variable, a local
        /// of its body, one its condition assigns, a lambda's parameter): each iteration may load or
        /// build a different model. The call's reads are the locals and parameters its operation
        /// tree references (a call that is the receiver of another, as in
        /// <c>CreatePredictionEngine(model).Predict(row)</c>, is not a region data-flow analysis
        /// accepts). The scope's data flow is analyzed only for a call that reads a local or
        /// parameter; when it cannot be analyzed (code that does not compile), such a call counts
        /// as varying and nothing is reported.
        /// </summary>
        /// <param name="scope">The loop (its condition and increments included), or the lambda's body.</param>
        private static bool VariesPerIteration<TSymbol>(IInvocationOperation call, IOperation scope, System.Collections.Immutable.ImmutableArray<TSymbol> iterationVariables)
            where TSymbol : ISymbol
        {
            if (call.SemanticModel is not { } semanticModel)
            {
                return true;
            }

            DataFlowAnalysis? bodyFlow = null;
            foreach (var operation in call.DescendantsAndSelf())
            {
                ISymbol? read = operation switch
                {
                    ILocalReferenceOperation local => local.Local,
                    IParameterReferenceOperation parameter => parameter.Parameter,
                    _ => null,
                };
                if (read is null)
                {
                    continue;
                }

                foreach (var variable in iterationVariables)
                {
                    if (SymbolEqualityComparer.Default.Equals(variable, read))
                    {
                        return true;
                    }
                }

                // The scope's data flow only once the call reads a local or parameter: a call on fields alone reads nothing that varies.
                bodyFlow ??= scope.Syntax is Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionSyntax expression
                    ? semanticModel.AnalyzeDataFlow(expression)
                    : semanticModel.AnalyzeDataFlow(scope.Syntax);
                if (bodyFlow is null || !bodyFlow.Succeeded
                    || bodyFlow.VariablesDeclared.Contains(read) || bodyFlow.WrittenInside.Contains(read))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>ASP.NET Core's request handlers: minimal-API routes and controller actions.</summary>
        private sealed class WebSymbols
        {
            public WebSymbols(Compilation compilation)
            {
                EndpointRouteBuilderExtensions = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions");
                ControllerBase = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.ControllerBase");
                HttpMethodAttribute = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.Routing.HttpMethodAttribute");
            }

            public INamedTypeSymbol? EndpointRouteBuilderExtensions { get; }
            public INamedTypeSymbol? ControllerBase { get; }
            public INamedTypeSymbol? HttpMethodAttribute { get; }
        }

        /// <summary>The minimal-API route (<c>MapGet</c>, <c>MapPost</c> …) whose handler lambda contains the operation.</summary>
        private static IInvocationOperation? MinimalApiRoute(IOperation operation, WebSymbols web) =>
            Enclosing.LambdaCall(operation) is { } call
            && MLApi.Is(call.TargetMethod.ContainingType, web.EndpointRouteBuilderExtensions)
            && call.TargetMethod.Name.StartsWith("Map", System.StringComparison.Ordinal)
                ? call
                : null;

        /// <summary>An action of an ASP.NET Core controller: a public instance method of a ControllerBase, or one with an [Http*] attribute.</summary>
        private static bool IsControllerAction(ISymbol? member, WebSymbols web)
        {
            if (member is not IMethodSymbol { MethodKind: MethodKind.Ordinary, IsStatic: false } method)
            {
                return false;
            }

            foreach (var attribute in method.GetAttributes())
            {
                if (KnownSymbols.InheritsFrom(attribute.AttributeClass, web.HttpMethodAttribute))
                {
                    return true;
                }
            }

            return method.DeclaredAccessibility == Accessibility.Public && KnownSymbols.InheritsFrom(method.ContainingType, web.ControllerBase);
        }
    }
}
