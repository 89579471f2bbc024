using System.Collections.Immutable;
using EffectiveML.Analyzers.Infrastructure;
using EffectiveML.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace EffectiveML.Analyzers.Rules.Roadblocks
{
    /// <summary>
    /// EML7001: a catch around an ML call that can fail for data reasons (Fit, Transform, Predict,
    /// Model.Load, Evaluate*, a TorchSharp optimizer step or backward pass) whose handler neither
    /// throws, nor logs (ILogger, Console.Error, Trace, Debug), nor uses the exception.
    /// </summary>
    public sealed class FailureSwallowedRule : Rule
    {
        public const string Id = "EML7001";

        internal static readonly DiagnosticDescriptor Descriptor = Descriptors.Create(
            Id,
            "ML failure swallowed",
            "This catch swallows failures of '{0}' without logging, rethrowing or recording them",
            DiagnosticSeverity.Warning,
            "When training, loading or prediction fails, the cause (a schema mismatch, a missing file, a bad value) is in the exception. A catch that drops it turns a clear error into a silent default, and the problem surfaces later, somewhere else, without its cause.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptor);

        internal override void Register(RuleRegistry registry)
        {
            var symbols = registry.Symbols;
            var logging = new LoggingSymbols(registry.Compilation, symbols.Api);
            registry.OnMember((member, model) =>
            {
                if (model.MLInvocations.Count == 0)
                {
                    return;
                }

                foreach (var clause in model.CatchClauses)
                {
                    if (clause.Parent is not ITryOperation tryOperation
                        || FailingCall(tryOperation.Body, model, symbols) is not { } guarded
                        || SurfacesFailure(clause, logging))
                    {
                        continue;
                    }

                    var catchKeyword = ((Microsoft.CodeAnalysis.CSharp.Syntax.CatchClauseSyntax)clause.Syntax).CatchKeyword;
                    member.ReportDiagnostic(Diagnostic.Create(
                        Descriptor, catchKeyword.GetLocation(), guarded.TargetMethod.Name));
                }
            });
        }

        /// <summary>The first ML call in the try block that fails on bad data, files or schemas.</summary>
        private static IInvocationOperation? FailingCall(IOperation tryBody, MemberModel model, KnownSymbols symbols)
        {
            var api = symbols.Api;
            var span = tryBody.Syntax.Span;
            foreach (var call in model.MLInvocations)
            {
                // The member's ML calls, in walk order, are the try block's when they lie inside it.
                if (!span.Contains(call.Syntax.Span))
                {
                    continue;
                }

                var method = call.TargetMethod;
                var fails = method.Name switch
                {
                    "Fit" => api.Implements(method.ContainingType, symbols.Estimator),
                    "Transform" => api.IsTransformer(method.ContainingType),
                    "Predict" => api.IsPredictionEngine(method.ContainingType),
                    "Load" => api.IsModelOperation(method, "Load"),
                    "step" => KnownSymbols.InheritsFrom(method.ContainingType, symbols.TorchOptimizer),
                    "backward" => symbols.Torch is not null,
                    _ => api.IsEvaluation(method),
                };

                if (fails)
                {
                    return call;
                }
            }

            return null;
        }

        /// <summary>The handler throws, logs, writes to the error stream, or does something with the exception.</summary>
        private static bool SurfacesFailure(ICatchClauseOperation clause, LoggingSymbols logging)
        {
            foreach (var operation in clause.Handler.Descendants())
            {
                switch (operation)
                {
                    case IThrowOperation:
                        return true;
                    case ILocalReferenceOperation local when clause.ExceptionDeclarationOrExpression is IVariableDeclaratorOperation declared
                        && SymbolEqualityComparer.Default.Equals(local.Local, declared.Symbol):
                        return true;
                    case IInvocationOperation call when logging.IsLogging(call):
                        return true;
                    case IPropertyReferenceOperation { Property.Name: "Error" } error when MLApi.Is(error.Property.ContainingType, logging.Console):
                        return true;
                }
            }

            return false;
        }

        /// <summary>The ways a handler can surface a failure: a logger, the console's error stream, Trace or Debug.</summary>
        private sealed class LoggingSymbols
        {
            private readonly MLApi _api;

            public LoggingSymbols(Compilation compilation, MLApi api)
            {
                _api = api;
                Console = compilation.GetTypeByMetadataName("System.Console");
                Trace = compilation.GetTypeByMetadataName("System.Diagnostics.Trace");
                Debug = compilation.GetTypeByMetadataName("System.Diagnostics.Debug");
                Logger = compilation.GetTypeByMetadataName("Microsoft.Extensions.Logging.ILogger");
                LoggerExtensions = compilation.GetTypeByMetadataName("Microsoft.Extensions.Logging.LoggerExtensions");
            }

            public INamedTypeSymbol? Console { get; }
            public INamedTypeSymbol? Trace { get; }
            public INamedTypeSymbol? Debug { get; }
            public INamedTypeSymbol? Logger { get; }
            public INamedTypeSymbol? LoggerExtensions { get; }

            public bool IsLogging(IInvocationOperation call)
            {
                var type = call.TargetMethod.ContainingType;
                foreach (var argument in call.Arguments)
                {
                    // Source-generated LoggerMessage methods take the logger as an argument.
                    if (_api.Implements(argument.Value.Type, Logger))
                    {
                        return true;
                    }
                }

                return _api.Implements(type, Logger)
                    || MLApi.Is(type, LoggerExtensions)
                    || MLApi.Is(type, Trace)
                    || MLApi.Is(type, Debug)
                    || (call.Instance is { } instance && _api.Implements(instance.Type, Logger));
            }
        }
    }
}
