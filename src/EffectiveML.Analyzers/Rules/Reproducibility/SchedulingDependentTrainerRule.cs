using System.Collections.Immutable;
using EffectiveML.Analyzers.Infrastructure;
using EffectiveML.Analyzers.Model;
using EffectiveML.Analyzers.Model.Pipelines;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace EffectiveML.Analyzers.Rules.Reproducibility
{
    /// <summary>
    /// EML5007: a trainer whose model depends on thread scheduling (the trainer table's SDCA and
    /// SGD rows) created from contexts that are all seeded in view, without
    /// <c>NumberOfThreads = 1</c> in its options: the author asked for repeatable results and gets
    /// them only on one thread. Options the member does not create are not guessed at.
    /// </summary>
    public sealed class SchedulingDependentTrainerRule : Rule
    {
        public const string Id = "EML5007";

        internal static readonly DiagnosticDescriptor Descriptor = Descriptors.Create(
            Id,
            "Seeded context, scheduling-dependent trainer",
            "'{0}' is trained from a seeded MLContext, but with more than one thread its model depends on how the threads are scheduled, which the seed does not cover; set NumberOfThreads = 1 for the same model on every run",
            DiagnosticSeverity.Info,
            "A seed makes splits, shuffles and initial weights repeatable. SDCA and SGD also update the model from several threads at once, so on a machine with several cores two runs from the same seed give different models. Only NumberOfThreads = 1 makes them repeatable, at the cost of training time.",
            inRecommended: false);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptor);

        internal override void Register(RuleRegistry registry)
        {
            var symbols = registry.Symbols;
            registry.OnMLContextScopes((end, scope) =>
            {
                foreach (var member in scope.Members)
                {
                    var calls = member.MLInvocations;
                    for (var i = 0; i < calls.Count; i++)
                    {
                        end.CancellationToken.ThrowIfCancellationRequested();
                        var call = calls[i];
                        if (!member.Api.Facts(call.TargetMethod).Is(MethodKinds.Trainer)
                            || TrainerTable.Find(call.TargetMethod.Name) is not { SchedulingDependent: true }
                            || !MayUseSeveralThreads(call, member.Values)
                            || !AllSeeded(scope.ContextOrigins(call), scope))
                        {
                            continue;
                        }

                        end.ReportDiagnostic(Diagnostic.Create(
                            Descriptor, Describe.CallLocation(call.Syntax), call.TargetMethod.Name));
                    }
                }
            });
        }

        /// <summary>
        /// The trainer runs on more than one thread unless its options, created in view, set
        /// <c>NumberOfThreads</c> to 1; the default (null) takes as many threads as the machine has cores.
        /// </summary>
        private static bool MayUseSeveralThreads(IInvocationOperation trainer, LocalValues values)
        {
            if (ValueReader.Argument(trainer, "options") is not { ArgumentKind: not ArgumentKind.DefaultValue } options
                || ValueReader.RuntimeNull(options.Value, values))
            {
                return true;
            }

            var threads = ValueReader.Member(options.Value, "NumberOfThreads", values);
            return threads.State switch
            {
                SettingState.Default => true,
                SettingState.Given => ValueReader.RuntimeNull(threads.Value!, values)
                    || (ValueReader.Constant(threads.Value!, values) is int count && count != 1),
                _ => false,
            };
        }

        /// <summary>Every context the trainer can come from is created in view with a seed: the author asked for repeatable results.</summary>
        private static bool AllSeeded(System.Collections.Generic.IReadOnlyList<ValueOrigin> origins, MLContextScope scope)
        {
            if (origins.Count == 0)
            {
                return false;
            }

            foreach (var origin in origins)
            {
                if (!scope.IsMLContextCreation(origin) || !RandomnessUse.HasExplicitSeed(((IObjectCreationOperation)origin.Operation).Arguments))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
