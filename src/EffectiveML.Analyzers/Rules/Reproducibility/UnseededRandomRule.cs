using System.Collections.Immutable;
using EffectiveML.Analyzers.Infrastructure;
using EffectiveML.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace EffectiveML.Analyzers.Rules.Reproducibility
{
    /// <summary>
    /// EML5003: <c>new Random()</c> or <c>Random.Shared</c> in a member that also works with ML.NET or
    /// TorchSharp types. Random numbers elsewhere (a retry jitter in a web handler) are not ML's business.
    /// </summary>
    public sealed class UnseededRandomRule : Rule
    {
        public const string Id = "EML5003";

        internal static readonly DiagnosticDescriptor Descriptor = Descriptors.Create(
            Id,
            "Unseeded System.Random in ML code",
            "{0} is unseeded in '{1}', which works with ML types; its numbers differ on every run",
            DiagnosticSeverity.Warning,
            "Random numbers that feed sampling, augmentation or initialization in ML code must come from a seeded generator, or the experiment cannot be repeated.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptor);

        internal override void Register(RuleRegistry registry)
        {
            var symbols = registry.Symbols;
            if (symbols.Random is null)
            {
                return;
            }

            registry.OnMember((member, model) =>
            {
                foreach (var creation in model.ObjectCreations)
                {
                    Check(member, creation);
                }

                foreach (var read in model.RandomSharedReads)
                {
                    Check(member, read);
                }
            });

            void Check(OperationBlockAnalysisContext member, IOperation operation)
            {
                var isCreation = operation is IObjectCreationOperation;
                if (!IsUnseededRandom(operation, symbols)

                    // The member walk is the expensive part, so it runs only for the rare unseeded Random.
                    || !MLUsage.MemberUsesMLTypes(operation, member.OwningSymbol, symbols))
                {
                    return;
                }

                member.ReportDiagnostic(Diagnostic.Create(
                    Descriptor,
                    operation.Syntax.GetLocation(),
                    isCreation
                        ? EffectiveMLOptions.SeedProperties(EffectiveMLOptions.RandomFixSeed, member.Options, operation.Syntax.SyntaxTree)
                        : ImmutableDictionary<string, string?>.Empty,
                    isCreation ? "new Random()" : "Random.Shared",
                    member.OwningSymbol.Name));
            }
        }

        private static bool IsUnseededRandom(IOperation operation, KnownSymbols symbols) => operation switch
        {
            IObjectCreationOperation creation =>
                symbols.IsRandom(creation.Type) && creation.Constructor?.Parameters.Length == 0,
            IPropertyReferenceOperation reference =>
                SymbolEqualityComparer.Default.Equals(reference.Property, symbols.RandomShared),
            _ => false,
        };
    }
}
