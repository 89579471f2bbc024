using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using EffectiveML.Analyzers.Infrastructure;
using EffectiveML.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace EffectiveML.Analyzers.Rules.Reproducibility
{
    /// <summary>
    /// EML5001: <c>new MLContext()</c> without a seed whose instance reaches a call that draws from
    /// its random source (<see cref="RandomnessUse"/>): a trainer that reads it at the options in
    /// view, a split, shuffle or cross-validation without a seed of its own, permutation feature
    /// importance. Followed through the type's fields and the context parameters of its methods.
    /// A context that only fits deterministic transforms, loads a model or predicts stays quiet.
    /// </summary>
    public sealed class MLContextWithoutSeedRule : Rule
    {
        private const int NamedUses = 3;

        public const string Id = "EML5001";

        internal static readonly DiagnosticDescriptor Descriptor = Descriptors.Create(
            Id,
            "MLContext created without a seed",
            "MLContext created without a seed is used for {0}; results change from run to run",
            DiagnosticSeverity.Warning,
            "An MLContext without a seed draws its randomness from the environment, so splits, shuffles and trainers give different results on every run and no result can be reproduced.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptor);

        internal override void Register(RuleRegistry registry)
        {
            var symbols = registry.Symbols;
            registry.OnMLContextScopes((end, scope) =>
            {
                if (!scope.CreatesUnseededContext)
                {
                    return;
                }

                var usesByCreation = new Dictionary<IOperation, List<string>>();
                foreach (var use in scope.Uses)
                {
                    end.CancellationToken.ThrowIfCancellationRequested();
                    foreach (var origin in scope.ContextOrigins(use))
                    {
                        if (scope.IsMLContextCreation(origin)
                            && !RandomnessUse.HasExplicitSeed(((IObjectCreationOperation)origin.Operation).Arguments))
                        {
                            if (!usesByCreation.TryGetValue(origin.Operation, out var names))
                            {
                                usesByCreation[origin.Operation] = names = new List<string>();
                            }

                            if (!names.Contains(use.MethodName))
                            {
                                names.Add(use.MethodName);
                            }
                        }
                    }
                }

                foreach (var pair in usesByCreation.OrderBy(p => p.Key.Syntax.SpanStart))
                {
                    var creation = pair.Key;
                    end.ReportDiagnostic(Diagnostic.Create(
                        Descriptor,
                        creation.Syntax.GetLocation(),
                        EffectiveMLOptions.SeedProperties(EffectiveMLOptions.MLContextFixSeed, end.Options, creation.Syntax.SyntaxTree),
                        DescribeUses(pair.Value)));
                }
            });
        }

        private static string DescribeUses(List<string> names)
        {
            var shown = names.Take(NamedUses).Select(n => "'" + n + "'").ToList();
            var rest = names.Count - shown.Count;
            return rest > 0
                ? string.Join(", ", shown) + " and " + rest + " more"
                : shown.Count == 1 ? shown[0] : string.Join(", ", shown.Take(shown.Count - 1)) + " and " + shown[shown.Count - 1];
        }
    }
}
