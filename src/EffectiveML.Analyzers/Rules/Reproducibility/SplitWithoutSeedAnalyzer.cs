using System.Collections.Immutable;
using System.Linq;
using EffectiveML.Analyzers.Infrastructure;
using EffectiveML.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace EffectiveML.Analyzers.Rules.Reproducibility
{
    /// <summary>
    /// EML5002: a split, shuffle or cross-validation without <c>seed:</c> on a context whose
    /// creation is not in view. When the creation is in view the call is left alone: seeded, there
    /// is nothing to fix; unseeded, EML5001 reports the creation.
    /// </summary>
    public sealed class SplitWithoutSeedAnalyzer : EffectiveMLAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.SplitWithoutSeed);

        internal override void InitializeCompilation(CompilationStartAnalysisContext context, KnownSymbols symbols)
        {
            MLContextScope.Register(context, symbols, (end, scope) =>
            {
                foreach (var use in scope.SeedTakingUses)
                {
                    end.CancellationToken.ThrowIfCancellationRequested();
                    if (RandomnessUse.HasExplicitSeed(use.Invocation))
                    {
                        continue;
                    }

                    var origins = scope.ContextOrigins(use);
                    if (origins.Count == 0 || origins.Any(scope.IsMLContextCreation))
                    {
                        continue;
                    }

                    end.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.SplitWithoutSeed,
                        Describe.CallLocation(use.Invocation.Syntax),
                        EffectiveMLOptions.SeedProperties(EffectiveMLOptions.SplitFixSeed, end.Options, use.Invocation.Syntax.SyntaxTree),
                        use.MethodName,
                        origins[0].Describe()));
                }
            });
        }
    }
}
