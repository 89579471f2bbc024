using System.Collections.Generic;
using System.Collections.Immutable;
using EffectiveML.Analyzers.Infrastructure;
using EffectiveML.Analyzers.Model;
using EffectiveML.Analyzers.Model.Pipelines;
using EffectiveML.Analyzers.Model.Provenance;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace EffectiveML.Analyzers.Rules.Assumptions
{
    /// <summary>
    /// EML4009: a transform that learns from data is fitted on rows that are split afterwards, so
    /// it has seen the test rows. Reported at the <c>Fit</c>, which the split may follow anywhere in the member. Key mapping is left alone: the set of
    /// label values is not a statistic that leaks.
    /// </summary>
    public sealed class FittedBeforeSplitRule : Rule
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.FittedBeforeSplit);

        internal override void Register(RuleRegistry registry)
        {
            var symbols = registry.Symbols;
            registry.OnCalls(static model => model.MLInvocations, (member, model, call) =>
            {
                if (!model.IsFit(call.TargetMethod) || model.ModelOf(call) is not { Kind: ModelKind.Fitted, Estimator: { } estimator, TrainedOn: { } trainedOn })
                {
                    return;
                }

                foreach (var split in model.Splits)
                {
                    if (!SplitsRowsSeenBy(split, call, trainedOn))
                    {
                        continue;
                    }

                    var learned = LearnedSteps(model.PipelineOf(estimator), model);
                    if (learned.Count > 0)
                    {
                        member.ReportDiagnostic(Diagnostic.Create(
                            Descriptors.FittedBeforeSplit,
                            Describe.CallLocation(call.Syntax),
                            Describe.Names(learned),
                            split.Call.TargetMethod.Name));
                    }

                    return;
                }
            });
        }

        /// <summary>The split's data went through the model fitted by <paramref name="fit"/>, on rows that model saw.</summary>
        private static bool SplitsRowsSeenBy(SplitSite split, IInvocationOperation fit, DataNode trainedOn)
        {
            foreach (var node in split.Data.RowAncestorsOrSelf())
            {
                if (node.Kind == DataKind.Transformed
                    && node.Model is { Kind: ModelKind.Fitted } applied
                    && applied.Anchor == fit
                    && DataNode.ShareRows(node.Source!, trainedOn))
                {
                    return true;
                }
            }

            return false;
        }

        private static List<string> LearnedSteps(Pipeline pipeline, MemberModel model)
        {
            var learned = new List<string>();
            foreach (var step in pipeline.Steps)
            {
                if (step.Transform is not { LearnsFromData: true } || step.Kind == StepKind.KeyMapping)
                {
                    continue;
                }

                if (step.Kind == StepKind.Imputer && !Imputation.LearnsFromData(Imputation.Mode(step.Invocation!, model.Api, model.Values)))
                {
                    continue;
                }

                learned.Add(step.Method!.Name);
            }

            return learned;
        }
    }
}
