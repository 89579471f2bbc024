using System.Collections.Concurrent;
using System.Collections.Immutable;
using EffectiveML.Analyzers.Infrastructure;
using EffectiveML.Analyzers.Model;
using EffectiveML.Analyzers.Model.Pipelines;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace EffectiveML.Analyzers.Rules.Simplicity
{
    /// <summary>
    /// EML1001 (compilation end): a complex trainer is trained and no simple baseline is trained
    /// anywhere in the compilation. "Trained" means in a pipeline fitted or cross-validated in view,
    /// or returned by a pipeline factory. A suppression counts only with a justification.
    /// </summary>
    public sealed class ComplexModelWithoutBaselineRule : Rule
    {
        private const string TorchTrainingLoop = "a TorchSharp network (an optimizer step() in a training loop)";

        public const string Id = "EML1001";

        internal static readonly DiagnosticDescriptor Descriptor = Descriptors.Create(
            Id,
            "Complex model without a simpler baseline",
            "'{0}' is {1}, and no simple baseline is trained anywhere in this project to show what its complexity buys{2}",
            DiagnosticSeverity.Warning,
            "A complex model (boosted trees, a deep network) is justified only by beating a simple one on the same data. Without a baseline trained and evaluated alongside it, nobody knows what the complexity buys.",
            compilationEnd: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptor);

        internal override void Register(RuleRegistry registry)
        {
            var symbols = registry.Symbols;
            var trained = new ConcurrentQueue<TrainedModel>();
            // Once a baseline is trained anywhere the compilation has nothing to report: the rest of
            // its members need not be looked at.
            var baselineTrained = 0;

            registry.OnMember((member, model) =>
            {
                if (System.Threading.Volatile.Read(ref baselineTrained) != 0)
                {
                    return;
                }

                foreach (var call in model.MLInvocations)
                {
                    if (Judge(member, model, call) is { } judged)
                    {
                        trained.Enqueue(judged);
                        if (judged.Complexity == Complexity.Simple)
                        {
                            System.Threading.Volatile.Write(ref baselineTrained, 1);
                            return;
                        }
                    }
                }
            });

            TrainedModel? Judge(OperationBlockAnalysisContext member, MemberModel model, IInvocationOperation call)
            {
                var method = call.TargetMethod;
                if (method.Name == "step" && KnownSymbols.InheritsFrom(method.ContainingType, symbols.TorchOptimizer))
                {
                    return new TrainedModel(call, member.OwningSymbol, "step", Complexity.Complex, TorchTrainingLoop);
                }

                if (!model.Api.IsCatalogEstimator(method) || !model.Api.IsTrainer(method) || !model.Sites.IsTrained(call))
                {
                    return null;
                }

                var tree = call.Syntax.SyntaxTree;
                var entry = TrainerTable.Find(method.Name);
                if (EffectiveMLOptions.BaselineTrainers.Read(member.Options, tree).Contains(method.Name))
                {
                    return new TrainedModel(call, member.OwningSymbol, method.Name, Complexity.Simple, "a baseline");
                }

                if (EffectiveMLOptions.ComplexTrainers.Read(member.Options, tree).Contains(method.Name))
                {
                    return new TrainedModel(call, member.OwningSymbol, method.Name, Complexity.Complex, "a model configured as complex");
                }

                // Ranking has no simple trainer in ML.NET (only FastTree and LightGBM rank): there is no baseline to ask for.
                if (entry is { Complexity: Complexity.Complex } && MLApi.Is(MLApi.ReceiverType(method), model.Api.RankingTrainers))
                {
                    return null;
                }

                return entry is { Complexity: not Complexity.DependsOnWrappedTrainer }
                    ? new TrainedModel(call, member.OwningSymbol, method.Name, entry.Complexity, entry.Kind)
                    : null;
            }

            registry.OnCompilationEnd(end =>
            {
                var hasComplex = false;
                foreach (var model in trained)
                {
                    if (model.Complexity == Complexity.Simple)
                    {
                        return;
                    }

                    hasComplex = true;
                }

                if (!hasComplex)
                {
                    return;
                }

                foreach (var model in trained)
                {
                    end.CancellationToken.ThrowIfCancellationRequested();
                    var suppression = Suppressions.Covering(model.Member, Id, symbols);
                    if (suppression is { IsJustified: true })
                    {
                        continue;
                    }

                    // An unjustified suppression does not count: the finding is reported without a
                    // location, which only an assembly-wide suppression could hide.
                    var location = suppression is null ? Describe.CallLocation(model.Call) : Location.None;
                    var note = suppression is null
                        ? string.Empty
                        : $" (in '{model.Member.ContainingType?.Name}.{model.Member.Name}', whose [SuppressMessage] gives no Justification)";
                    end.ReportDiagnostic(Diagnostic.Create(
                        Descriptor, location, model.Name, model.Reason, note));
                }
            });
        }

        private sealed class TrainedModel
        {
            public TrainedModel(IInvocationOperation call, ISymbol member, string name, Complexity complexity, string reason)
            {
                // The syntax, not the operation: kept to the compilation's end, an operation would keep its member's whole tree.
                Call = call.Syntax;
                Member = member;
                Name = name;
                Complexity = complexity;
                Reason = reason;
            }

            public SyntaxNode Call { get; }
            public ISymbol Member { get; }
            public string Name { get; }
            public Complexity Complexity { get; }
            public string Reason { get; }
        }
    }
}
