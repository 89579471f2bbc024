using System.Collections.Concurrent;
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
    /// EML2001: a PredictionEngine in a static field or property (directly or in a Lazy), or
    /// registered as a DI singleton, in code that runs on several threads: a library, a web or
    /// hosted project, or an executable that starts threads, tasks or parallel loops (decided when
    /// the whole program is read). <c>ThreadLocal</c>, <c>[ThreadStatic]</c>, locals, instance
    /// fields and PredictionEnginePool are fine.
    /// </summary>
    public sealed class PredictionEngineSharedRule : Rule
    {
        public const string Id = "EML2001";

        internal static readonly DiagnosticDescriptor Descriptor = Descriptors.Create(
            Id,
            "PredictionEngine shared across threads",
            "{0} shares one PredictionEngine between threads, and PredictionEngine is not thread-safe; use PredictionEnginePool or one engine per thread",
            DiagnosticSeverity.Warning,
            "PredictionEngine keeps mutable buffers for the row it is scoring. Two requests predicting at once corrupt each other's results or throw. PredictionEnginePool (Microsoft.Extensions.ML) or a ThreadLocal engine gives each thread its own.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptor);

        internal override void Register(RuleRegistry registry)
        {
            var symbols = registry.Symbols;
            var api = symbols.Api;
            if (api.PredictionEngineBase is null)
            {
                return;
            }

            var holders = new HolderSymbols(registry.Compilation);
            // A library, a web or hosted project is shared by design: every finding is reported as
            // it is found. In an executable without them, a shared engine is shared only if the
            // program itself runs work on several threads, which only the whole program shows.
            var program = IsSharedByDesign(registry.Compilation) ? null : new ProgramThreads(registry.Compilation);
            if (program is not null)
            {
                registry.OnMember((_, model) => program.Read(model));
                registry.OnCompilationEnd(program.ReportIfConcurrent);
            }

            registry.OnDeclarations((declarations, declaration) =>
            {
                var symbol = declaration.Symbol;
                var isStatic = symbol switch
                {
                    IFieldSymbol field => field.IsStatic || field.IsConst,
                    IPropertySymbol property => property.IsStatic,
                    _ => false,
                };

                if (!isStatic || !HoldsEngine(declaration.Type, api, holders) || HasThreadStatic(declaration.Attributes, holders))
                {
                    return;
                }

                var kind = symbol is IFieldSymbol ? "The static field" : "The static property";
                var finding = Diagnostic.Create(Descriptor, symbol.Locations[0], $"{kind} '{symbol.Name}'");
                if (program is null)
                {
                    declarations.ReportDiagnostic(finding);
                }
                else
                {
                    program.Hold(finding);
                }
            });

            registry.OnCalls(static model => model.Invocations, (member, model, call) =>
            {
                var method = call.TargetMethod;
                if (method.Name is not ("AddSingleton" or "TryAddSingleton")
                    || !(MLApi.Is(method.ContainingType, holders.ServiceCollectionServiceExtensions) || MLApi.Is(method.ContainingType, holders.ServiceCollectionDescriptorExtensions))
                    || !RegistersEngine(call, api))
                {
                    return;
                }

                var finding = Diagnostic.Create(Descriptor, Describe.CallLocation(call.Syntax), $"'{method.Name}'");
                if (program is null)
                {
                    member.ReportDiagnostic(finding);
                }
                else
                {
                    program.Hold(finding);
                }
            });
        }

        /// <summary>
        /// A compilation whose code others run on their threads: a library (it cannot know its
        /// callers), or an executable that references ASP.NET Core, the generic host, Azure
        /// Functions or the engine pool's package (requests and hosted services run concurrently).
        /// </summary>
        private static bool IsSharedByDesign(Compilation compilation)
        {
            if (compilation.Options.OutputKind is not (OutputKind.ConsoleApplication or OutputKind.WindowsApplication or OutputKind.WindowsRuntimeApplication))
            {
                return true;
            }

            foreach (var reference in compilation.ReferencedAssemblyNames)
            {
                var name = reference.Name;
                if (name.StartsWith("Microsoft.AspNetCore", System.StringComparison.Ordinal)
                    || name.StartsWith("Microsoft.Extensions.Hosting", System.StringComparison.Ordinal)
                    || name.StartsWith("Microsoft.Azure.Functions", System.StringComparison.Ordinal)
                    || name.StartsWith("Microsoft.Azure.WebJobs", System.StringComparison.Ordinal)
                    || name == "Microsoft.Extensions.ML")
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// An executable's findings, held until the whole program is read, and whether the program
        /// starts threads, tasks, parallel loops or timers anywhere: only then is a shared engine
        /// used from several threads.
        /// </summary>
        private sealed class ProgramThreads
        {
            private readonly ConcurrentQueue<Diagnostic> _held = new();
            private readonly INamedTypeSymbol? _task;
            private readonly INamedTypeSymbol? _taskFactory;
            private readonly INamedTypeSymbol? _parallel;
            private readonly INamedTypeSymbol? _parallelEnumerable;
            private readonly INamedTypeSymbol? _threadPool;
            private readonly ImmutableArray<INamedTypeSymbol> _threadStarters;
            private int _concurrent;

            public ProgramThreads(Compilation compilation)
            {
                _task = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
                _taskFactory = compilation.GetTypeByMetadataName("System.Threading.Tasks.TaskFactory");
                _parallel = compilation.GetTypeByMetadataName("System.Threading.Tasks.Parallel");
                _parallelEnumerable = compilation.GetTypeByMetadataName("System.Linq.ParallelEnumerable");
                _threadPool = compilation.GetTypeByMetadataName("System.Threading.ThreadPool");
                var starters = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
                foreach (var name in new[] { "System.Threading.Thread", "System.Threading.Timer", "System.Timers.Timer" })
                {
                    if (compilation.GetTypeByMetadataName(name) is { } type)
                    {
                        starters.Add(type);
                    }
                }

                _threadStarters = starters.ToImmutable();
            }

            public void Hold(Diagnostic finding) => _held.Enqueue(finding);

            public void Read(MemberModel model)
            {
                if (System.Threading.Volatile.Read(ref _concurrent) != 0)
                {
                    return;
                }

                var calls = model.Invocations;
                for (var i = 0; i < calls.Count; i++)
                {
                    if (StartsConcurrentWork(calls[i].TargetMethod))
                    {
                        System.Threading.Volatile.Write(ref _concurrent, 1);
                        return;
                    }
                }

                var creations = model.ObjectCreations;
                for (var i = 0; i < creations.Count; i++)
                {
                    if (creations[i].Type is { } created && _threadStarters.Contains(created.OriginalDefinition, SymbolEqualityComparer.Default))
                    {
                        System.Threading.Volatile.Write(ref _concurrent, 1);
                        return;
                    }
                }
            }

            public void ReportIfConcurrent(CompilationAnalysisContext end)
            {
                if (System.Threading.Volatile.Read(ref _concurrent) == 0)
                {
                    return;
                }

                foreach (var finding in _held)
                {
                    end.ReportDiagnostic(finding);
                }
            }

            /// <summary><c>Task.Run</c>, <c>Task.WhenAll</c>, <c>Task.Factory.StartNew</c>, <c>Parallel.*</c>, <c>AsParallel</c>, <c>ThreadPool.QueueUserWorkItem</c>.</summary>
            private bool StartsConcurrentWork(IMethodSymbol method)
            {
                var type = method.ContainingType?.OriginalDefinition;
                if (type is null)
                {
                    return false;
                }

                if (SymbolEqualityComparer.Default.Equals(type, _task))
                {
                    return method.Name is "Run" or "WhenAll" or "WhenAny" or "Start";
                }

                return (SymbolEqualityComparer.Default.Equals(type, _taskFactory) && method.Name.StartsWith("StartNew", System.StringComparison.Ordinal))
                    || SymbolEqualityComparer.Default.Equals(type, _parallel)
                    || (SymbolEqualityComparer.Default.Equals(type, _parallelEnumerable) && method.Name == "AsParallel")
                    || SymbolEqualityComparer.Default.Equals(type, _threadPool);
            }
        }

        /// <summary>An engine, or a Lazy of one.</summary>
        private static bool HoldsEngine(ITypeSymbol? type, MLApi api, HolderSymbols holders) =>
            api.IsPredictionEngine(type)
            || (type is INamedTypeSymbol { TypeArguments.Length: 1 } lazy && MLApi.Is(lazy, holders.Lazy) && api.IsPredictionEngine(lazy.TypeArguments[0]));

        private static bool HasThreadStatic(System.Collections.Immutable.ImmutableArray<AttributeData> attributes, HolderSymbols holders)
        {
            foreach (var attribute in attributes)
            {
                if (MLApi.Is(attribute.AttributeClass, holders.ThreadStaticAttribute))
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

        /// <summary>What can hold an engine for every thread: a <c>Lazy</c>, a <c>[ThreadStatic]</c> field, a DI singleton.</summary>
        private sealed class HolderSymbols
        {
            public HolderSymbols(Compilation compilation)
            {
                Lazy = compilation.GetTypeByMetadataName("System.Lazy`1");
                ThreadStaticAttribute = compilation.GetTypeByMetadataName("System.ThreadStaticAttribute");
                ServiceCollectionServiceExtensions = compilation.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions");
                ServiceCollectionDescriptorExtensions = compilation.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.Extensions.ServiceCollectionDescriptorExtensions");
            }

            public INamedTypeSymbol? Lazy { get; }
            public INamedTypeSymbol? ThreadStaticAttribute { get; }
            public INamedTypeSymbol? ServiceCollectionServiceExtensions { get; }
            public INamedTypeSymbol? ServiceCollectionDescriptorExtensions { get; }
        }
    }
}
