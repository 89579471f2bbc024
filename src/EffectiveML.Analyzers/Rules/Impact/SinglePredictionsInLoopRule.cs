using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using EffectiveML.Analyzers.Infrastructure;
using EffectiveML.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace EffectiveML.Analyzers.Rules.Impact
{
    /// <summary>
    /// EML2003: <c>PredictionEngine.Predict</c> once per item of a collection in memory, when the
    /// item (or a value built from it without I/O) is what is predicted: in a <c>foreach</c> over
    /// it, a <c>for</c> over its indexes, or a LINQ <c>Select</c>/<c>SelectMany</c> lambda. Loops
    /// that wait for one input at a time (<c>while</c>, <c>await foreach</c>, a blocking
    /// collection's consuming enumerable), and loops that read or download each input, are left alone.
    /// </summary>
    public sealed class SinglePredictionsInLoopRule : Rule
    {
        public const string Id = "EML2003";

        internal static readonly DiagnosticDescriptor Descriptor = Descriptors.Create(
            Id,
            "Single predictions in a loop",
            "Predict is called once per item of {0}; score the collection in one batch with Transform and CreateEnumerable",
            DiagnosticSeverity.Info,
            "PredictionEngine.Predict scores one row at a time, paying per-call overhead for every item. For a collection already in memory, one Transform over a data view scores them in a batch, many times faster.",
            inRecommended: false);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptor);

        private static readonly string[] PredictCalls = { "Predict" };

        internal override void Register(RuleRegistry registry)
        {
            var symbols = registry.Symbols;
            var api = symbols.Api;
            var helpers = new BclTypes(registry.Compilation);
            registry.OnCalls(PredictCalls, (member, model, call) =>
            {
                if (call.TargetMethod.Name != "Predict"
                    || !api.IsPredictionEngine(call.TargetMethod.ContainingType)
                    || ValueReader.Argument(call, "example") is not { } example)
                {
                    return;
                }

                IOperation? collection = null;
                IOperation? body = null;
                var element = new Element();
                switch (Enclosing.Loop(call))
                {
                    case IForEachLoopOperation { IsAsynchronous: false } loop when !IsConsumingQueue(loop.Collection):
                        collection = ValueTracker.Unwrap(loop.Collection);
                        body = loop.Body;
                        element.Locals = loop.Locals;
                        break;
                    case IForLoopOperation loop when IndexBound(loop) is { } bound:
                        collection = bound.Items;
                        body = loop.Body;
                        element.Items = bound.Items;
                        element.Index = bound.Index;
                        break;
                }

                if (collection is null
                    && Enclosing.LinqCall(call, symbols) is { TargetMethod.Name: "Select" or "SelectMany" } linq
                    && ValueTracker.Receiver(linq) is { } source
                    && Enclosing.Lambda(call) is { } lambda)
                {
                    collection = source;
                    body = lambda.Body;
                    element.Parameters = lambda.Symbol.Parameters;
                }

                if (collection is null || body is null
                    || !IsBuiltFromElement(example.Value, element, model.Values, helpers)
                    || DoesIO(body, symbols, helpers))
                {
                    return;
                }

                member.ReportDiagnostic(Diagnostic.Create(
                    Descriptor, Describe.CallLocation(call.Syntax), $"'{Describe.Code(collection.Syntax)}'"));
            });
        }

        /// <summary>What the loop hands out per iteration: its variables, a lambda's parameter, or <c>items[i]</c>.</summary>
        private sealed class Element
        {
            public ImmutableArray<ILocalSymbol> Locals { get; set; } = ImmutableArray<ILocalSymbol>.Empty;
            public ImmutableArray<IParameterSymbol> Parameters { get; set; } = ImmutableArray<IParameterSymbol>.Empty;
            public IOperation? Items { get; set; }
            public ILocalSymbol? Index { get; set; }

            public bool IsReadBy(IOperation operation) => operation switch
            {
                ILocalReferenceOperation local => Locals.Contains(local.Local, SymbolEqualityComparer.Default),
                IParameterReferenceOperation parameter => Parameters.Contains(parameter.Parameter, SymbolEqualityComparer.Default),
                IArrayElementReferenceOperation { Indices.Length: 1 } element => IsItemAt(element.ArrayReference, element.Indices[0]),
                IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } instance, Arguments.Length: 1 } indexer => IsItemAt(instance, indexer.Arguments[0].Value),
                _ => false,
            };

            private bool IsItemAt(IOperation collection, IOperation index) =>
                Items is not null
                && Index is not null
                && ValueTracker.Unwrap(index) is ILocalReferenceOperation { Local: var local }
                && SymbolEqualityComparer.Default.Equals(local, Index)
                && SameSymbol(ValueTracker.Unwrap(collection), ValueTracker.Unwrap(Items));

            private static bool SameSymbol(IOperation left, IOperation right) => (left, right) switch
            {
                (ILocalReferenceOperation a, ILocalReferenceOperation b) => SymbolEqualityComparer.Default.Equals(a.Local, b.Local),
                (IParameterReferenceOperation a, IParameterReferenceOperation b) => SymbolEqualityComparer.Default.Equals(a.Parameter, b.Parameter),
                (IMemberReferenceOperation a, IMemberReferenceOperation b) => SymbolEqualityComparer.Default.Equals(a.Member, b.Member),
                _ => false,
            };
        }

        /// <summary>
        /// The predicted value is the element, a part of it, or built from it with nothing but
        /// member reads, arithmetic, string and conversion helpers: no I/O and no method of the
        /// user's that could read something else. Locals assigned once are followed.
        /// </summary>
        private static bool IsBuiltFromElement(IOperation value, Element element, LocalValues values, BclTypes helpers)
        {
            var readsElement = false;
            var pending = new Stack<IOperation>();
            var visited = new HashSet<IOperation>();
            pending.Push(value);
            while (pending.Count > 0)
            {
                var current = ValueTracker.Unwrap(pending.Pop());
                if (!visited.Add(current))
                {
                    continue;
                }

                if (element.IsReadBy(current))
                {
                    readsElement = true;
                    continue;
                }

                switch (current)
                {
                    case ILocalReferenceOperation local:
                        if (values.SingleValue(local.Local) is not { } assigned)
                        {
                            return false;
                        }

                        pending.Push(assigned);
                        continue;
                    case IInvocationOperation invocation when !helpers.IsPure(invocation.TargetMethod):
                    case IAnonymousFunctionOperation:
                    case IAwaitOperation:
                        return false;
                }

                foreach (var child in current.ChildOperations)
                {
                    pending.Push(child);
                }
            }

            return readsElement;
        }

        /// <summary>The BCL types the rule knows by symbol: helpers that compute from their arguments alone, and the console.</summary>
        private sealed class BclTypes
        {
            private readonly ImmutableArray<INamedTypeSymbol> _pure;

            public BclTypes(Compilation compilation)
            {
                var pure = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
                foreach (var name in new[] { "System.Math", "System.MathF", "System.Convert", "System.Linq.Enumerable", "System.MemoryExtensions" })
                {
                    if (compilation.GetTypeByMetadataName(name) is { } type)
                    {
                        pure.Add(type);
                    }
                }

                _pure = pure.ToImmutable();
                Console = compilation.GetTypeByMetadataName("System.Console");
            }

            public INamedTypeSymbol? Console { get; }

            /// <summary>Methods that compute a value from their arguments alone: strings, numbers, conversions, LINQ over what is at hand.</summary>
            public bool IsPure(IMethodSymbol method)
            {
                if (method.Name == nameof(ToString))
                {
                    return true;
                }

                var type = method.ContainingType;
                switch (type?.SpecialType)
                {
                    case null:
                        return false;
                    case SpecialType.System_String:
                    case SpecialType.System_Boolean:
                    case SpecialType.System_Char:
                    case SpecialType.System_Int16:
                    case SpecialType.System_Int32:
                    case SpecialType.System_Int64:
                    case SpecialType.System_Single:
                    case SpecialType.System_Double:
                    case SpecialType.System_Decimal:
                    case SpecialType.System_Array:
                        return true;
                }

                return _pure.Contains(type.OriginalDefinition, SymbolEqualityComparer.Default);
            }
        }

        /// <summary>
        /// The iteration reads a file, the network or the console, or waits for something: each
        /// input arrives on its own, and batching it is not the simple change the rule suggests.
        /// </summary>
        private static bool DoesIO(IOperation body, KnownSymbols symbols, BclTypes helpers)
        {
            foreach (var operation in body.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case IAwaitOperation:
                        return true;
                    case IInvocationOperation invocation when IsIO(invocation.TargetMethod, symbols, helpers):
                        return true;
                    case IObjectCreationOperation creation when creation.Type is { } created && IsIONamespace(created.ContainingNamespace):
                        return true;
                }
            }

            return false;
        }

        private static bool IsIO(IMethodSymbol method, KnownSymbols symbols, BclTypes helpers)
        {
            var type = method.ContainingType;
            if (type is null)
            {
                return false;
            }

            if (IsIONamespace(type.ContainingNamespace))
            {
                return true;
            }

            if (SymbolEqualityComparer.Default.Equals(type, helpers.Console))
            {
                return method.Name.StartsWith("Read", System.StringComparison.Ordinal);
            }

            // ML.NET's image type reads its pixels from a file or stream.
            return symbols.IsMLSymbol(method) && method.Name.StartsWith("CreateFrom", System.StringComparison.Ordinal);
        }

        /// <summary>System.IO and System.Net, and the cloud storage clients that wrap them.</summary>
        private static bool IsIONamespace(INamespaceSymbol? ns)
        {
            var name = ns?.ToDisplayString();
            return name is not null
                && (name == "System.IO" || name.StartsWith("System.IO.", System.StringComparison.Ordinal)
                    || name == "System.Net" || name.StartsWith("System.Net.", System.StringComparison.Ordinal)
                    || name.StartsWith("Azure.Storage", System.StringComparison.Ordinal)
                    || name.StartsWith("Microsoft.WindowsAzure.Storage", System.StringComparison.Ordinal)
                    || name.StartsWith("Amazon.S3", System.StringComparison.Ordinal));
        }

        /// <summary><c>queue.GetConsumingEnumerable()</c> and friends yield items as they arrive, one at a time.</summary>
        private static bool IsConsumingQueue(IOperation collection) =>
            ValueTracker.Unwrap(collection) is IInvocationOperation { TargetMethod.Name: "GetConsumingEnumerable" or "ReadAllAsync" or "ToEnumerable" };

        /// <summary>The collection a <c>for (...; i &lt; items.Count; ...)</c> loop walks (the receiver of its Count or Length), and its index.</summary>
        private static (IOperation Items, ILocalSymbol Index)? IndexBound(IForLoopOperation loop) =>
            loop.Condition is IBinaryOperation { OperatorKind: BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual } comparison
            && ValueTracker.Unwrap(comparison.LeftOperand) is ILocalReferenceOperation { Local: var index }
            && ValueTracker.Unwrap(comparison.RightOperand) is IPropertyReferenceOperation { Property.Name: "Count" or "Length", Instance: { } items }
                ? (items, index)
                : null;
    }
}
