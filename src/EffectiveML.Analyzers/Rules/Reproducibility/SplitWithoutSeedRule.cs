using System.Collections.Generic;
using System.Collections.Immutable;
using EffectiveML.Analyzers.Infrastructure;
using EffectiveML.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace EffectiveML.Analyzers.Rules.Reproducibility
{
    /// <summary>
    /// EML5002: a split, shuffle or cross-validation without <c>seed:</c> on a context that may come
    /// from somewhere out of view: a parameter of a method others can call, a field assigned
    /// outside the type, a call's result. A context created in view is left alone: seeded, there
    /// is nothing to fix; unseeded, EML5001 reports the creation. A context parameter that every
    /// call in view fills with a context created in view is such a context.
    /// </summary>
    public sealed class SplitWithoutSeedRule : Rule
    {
        public const string Id = "EML5002";

        internal static readonly DiagnosticDescriptor Descriptor = Descriptors.Create(
            Id,
            "Split or shuffle without a seed on a context of unknown seed",
            "'{0}' has no seed and its MLContext comes from {1}, whose seed is not in view",
            DiagnosticSeverity.Warning,
            "When the MLContext is created elsewhere, a split or shuffle without its own seed is reproducible only if every caller remembered to seed the context. Pass the seed where the randomness happens.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptor);

        internal override void Register(RuleRegistry registry)
        {
            var symbols = registry.Symbols;
            registry.OnMLContextScopes((end, scope) =>
            {
                foreach (var use in scope.SeedTakingUses)
                {
                    end.CancellationToken.ThrowIfCancellationRequested();
                    if (FirstOutOfView(scope.ContextOrigins(use), scope) is not { } unknown)
                    {
                        continue;
                    }

                    end.ReportDiagnostic(Diagnostic.Create(
                        Descriptor,
                        Describe.CallLocation(use.Invocation.Syntax),
                        EffectiveMLOptions.SeedProperties(EffectiveMLOptions.SplitFixSeed, end.Options, use.Invocation.Syntax.SyntaxTree),
                        use.MethodName,
                        unknown.Describe()));
                }
            });
        }

        /// <summary>The first origin that is not a context created in view; null when every origin is one.</summary>
        private static ValueOrigin? FirstOutOfView(IReadOnlyList<ValueOrigin> origins, MLContextScope scope)
        {
            foreach (var origin in origins)
            {
                if (!scope.IsMLContextCreation(origin))
                {
                    return origin;
                }
            }

            return null;
        }
    }
}
