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
        public const string Id = "EML4009";

        internal static readonly DiagnosticDescriptor Descriptor = Descriptors.Create(
            Id,
            "Data-dependent transform fitted before the split",
            "{0} learned from all rows before '{1}' splits them; the test rows leak into the transform",
            DiagnosticSeverity.Warning,
            "A transform that learns from data (a normalizer's range, an imputer's mean, a vocabulary) fitted before the split has seen the test rows, so test metrics are optimistic. Append it to the pipeline and fit on the training rows only.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptor);

        internal override void Register(RuleRegistry registry)
        {
            var symbols = registry.Symbols;
            registry.OnCalls(static model => model.MLInvocations, (member, model, call) =>
            {
                if (!model.Api.IsFit(call.TargetMethod) || model.Provenance.ModelOf(call) is not { Kind: ModelKind.Fitted, Estimator: { } estimator, TrainedOn: { } trainedOn })
                {
                    return;
                }

                foreach (var split in model.Sites.Splits)
                {
                    if (!SplitsRowsSeenBy(split, call, trainedOn))
                    {
                        continue;
                    }

                    var learned = LearnedSteps(model.Pipelines.Of(estimator), model);
                    if (learned.Count > 0)
                    {
                        member.ReportDiagnostic(Diagnostic.Create(
                            Descriptor,
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
