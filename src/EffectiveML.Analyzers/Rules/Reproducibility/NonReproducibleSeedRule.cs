using System;
using System.Collections.Immutable;
using EffectiveML.Analyzers.Infrastructure;
using EffectiveML.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace EffectiveML.Analyzers.Rules.Reproducibility
{
    /// <summary>
    /// EML5004: a seed (MLContext, a split, <c>Random</c>, <c>torch.manual_seed</c>, an options
    /// object's <c>Seed</c>) computed from the clock, a GUID, a tick count, a stopwatch, a
    /// cryptographic or shared random source, or an unseeded <c>Random</c>, followed through locals.
    /// A <c>Random</c> seed counts only in members that work with ML types, as in EML5003.
    /// </summary>
    public sealed class NonReproducibleSeedRule : Rule
    {
        public const string Id = "EML5004";

        internal static readonly DiagnosticDescriptor Descriptor = Descriptors.Create(
            Id,
            "Seed taken from a non-reproducible source",
            "The seed for '{0}' is computed from {1}, which differs on every run",
            DiagnosticSeverity.Warning,
            "A seed computed from the clock, a GUID or another random source is no seed at all: every run differs and the value that produced a result is lost.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptor);

        internal override void Register(RuleRegistry registry)
        {
            var symbols = registry.Symbols;
            var models = symbols.Models;
            registry.OnMember((member, model) =>
            {
                var api = symbols.Api;
                var calls = model.MLInvocations;
                for (var i = 0; i < calls.Count; i++)
                {
                    // Most calls have no seed parameter: one look at what the method is turns them away.
                    if (api.Facts(calls[i].TargetMethod).Is(MethodKinds.TakesSeedArgument))
                    {
                        CheckSeedArguments(member, calls[i], calls[i].Arguments, calls[i].TargetMethod, symbols, models);
                    }
                }

                var creations = model.ObjectCreations;
                for (var i = 0; i < creations.Count; i++)
                {
                    if (creations[i].Constructor is { } constructor && api.Facts(constructor).Is(MethodKinds.TakesSeedArgument) && TakesSeed(constructor, symbols))
                    {
                        CheckSeedArguments(member, creations[i], creations[i].Arguments, constructor, symbols, models);
                    }
                }

                foreach (var assignment in model.MLMemberAssignments)
                {
                    if (assignment.Target is IMemberReferenceOperation { Member: IFieldSymbol or IPropertySymbol } target
                        && target.Member.Name == "Seed"
                        && symbols.IsMLSymbol(target.Member))
                    {
                        Check(member, assignment.Value, target.Member.ContainingType.Name + ".Seed", symbols, models);
                    }
                }
            });
        }

        private static void CheckSeedArguments(
            OperationBlockAnalysisContext member, IOperation operation, ImmutableArray<IArgumentOperation> arguments, ISymbol target, KnownSymbols symbols, MemberModelCache models)
        {
            foreach (var argument in arguments)
            {
                if (argument.ArgumentKind != ArgumentKind.DefaultValue
                    && string.Equals(argument.Parameter?.Name, "seed", StringComparison.OrdinalIgnoreCase)
                    && !argument.Value.ConstantValue.HasValue)
                {
                    // A Random outside ML code (retry jitter, sampling for a UI) may rightly be seeded
                    // from the clock. Asked last: it walks the member.
                    if (!symbols.IsMLSymbol(target)
                        && !MLUsage.MemberUsesMLTypes(operation, member.OwningSymbol, symbols))
                    {
                        return;
                    }

                    Check(member, argument.Value, target is IMethodSymbol { MethodKind: MethodKind.Constructor } ? target.ContainingType.Name : target.Name, symbols, models);
                }
            }
        }

        private static bool TakesSeed(ISymbol target, KnownSymbols symbols) =>
            symbols.IsMLSymbol(target)
            || (target is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor && symbols.IsRandom(constructor.ContainingType));

        private static void Check(OperationBlockAnalysisContext context, IOperation seed, string receiverName, KnownSymbols symbols, MemberModelCache models)
        {
            if (seed.ConstantValue.HasValue)
            {
                return;
            }

            var tracker = new ValueTracker(models);
            foreach (var contributor in tracker.Contributors(seed))
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                if (NonReproducibleSource(contributor, symbols) is { } source)
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptor,
                        seed.Syntax.GetLocation(),
                        receiverName,
                        source));
                    return;
                }
            }
        }

        /// <summary>Names the source when an operation reads something that differs on every run.</summary>
        private static string? NonReproducibleSource(IOperation operation, KnownSymbols symbols)
        {
            switch (operation)
            {
                case IPropertyReferenceOperation { Property: var property }:
                    var type = property.ContainingType;
                    if (Is(type, symbols.DateTime) && property.Name is "Now" or "UtcNow" or "Today"
                        || Is(type, symbols.DateTimeOffset) && property.Name is "Now" or "UtcNow"
                        || Is(type, symbols.Environment) && property.Name is "TickCount" or "TickCount64" or "ProcessId"
                        || Is(type, symbols.Stopwatch)
                        || SymbolEqualityComparer.Default.Equals(property, symbols.RandomShared))
                    {
                        return type.Name + "." + property.Name;
                    }

                    return null;
                case IInvocationOperation { TargetMethod: var method }:
                    if (Is(method.ContainingType, symbols.Guid) && method.Name == "NewGuid"
                        || Is(method.ContainingType, symbols.Stopwatch) && method.IsStatic
                        || Is(method.ContainingType, symbols.RandomNumberGenerator))
                    {
                        return method.ContainingType.Name + "." + method.Name + "()";
                    }

                    return null;
                case IObjectCreationOperation creation when symbols.IsRandom(creation.Type) && creation.Arguments.Length == 0:
                    return "an unseeded Random";
                default:
                    return null;
            }
        }

        private static bool Is(ITypeSymbol? type, ITypeSymbol? expected) =>
            type is not null && expected is not null && SymbolEqualityComparer.Default.Equals(type, expected);
    }
}
