using System.Collections.Generic;
using System.Collections.Immutable;
using EffectiveML.Analyzers.Infrastructure;
using EffectiveML.Analyzers.Model;
using EffectiveML.Analyzers.Model.Pipelines;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace EffectiveML.Analyzers.Rules.Assumptions
{
    /// <summary>
    /// EML4007: the features a trainer reads are built from its label: the label column itself, a
    /// copy of it, or a column the label was made from (<c>CopyColumns("Label", "Price")</c> and
    /// then <c>Price</c> among the features).
    /// </summary>
    public sealed class LabelUsedAsFeatureRule : Rule
    {
        /// <summary>Present when the leaking column is one of several <c>Concatenate</c> inputs, which the fix can remove.</summary>
        public const string RemovableProperty = "RemovableInput";

        public const string Id = "EML4007";

        internal static readonly DiagnosticDescriptor Descriptor = Descriptors.Create(
            Id,
            "Label used as a feature",
            "Feature column '{0}' is built from '{1}', which is {2}; the model learns the answer from the input",
            DiagnosticSeverity.Warning,
            "When the label (or a copy of it, or the column it was copied from) is one of the features, the model scores perfectly in evaluation and fails in production, where the label is not known. This is target leakage.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptor);

        internal override void Register(RuleRegistry registry)
        {
            var symbols = registry.Symbols;
            registry.OnMember((member, model) =>
            {
                var calls = model.Pipelines.TransformCalls;
                if (calls.Count == 0)
                {
                    return;
                }

                // Every transform of a chain asks about the same trainers: each trainer's lineages
                // are traced once per member, not once per transform before it.
                Dictionary<(Pipeline, int), Lineages?>? traced = null;
                HashSet<IOperation>? reported = null;
                for (var c = 0; c < calls.Count; c++)
                {
                    foreach (var (pipeline, stepIndex) in model.Pipelines.ChainsContaining(calls[c]))
                    {
                        for (var index = stepIndex + 1; index < pipeline.Steps.Length; index++)
                        {
                            var trainer = pipeline.Steps[index].Trainer;
                            if (trainer?.Label.Name is not { } label || trainer.Features.Name is not { } features)
                            {
                                continue;
                            }

                            traced ??= new Dictionary<(Pipeline, int), Lineages?>();
                            if (!traced.TryGetValue((pipeline, index), out var lineages))
                            {
                                traced.Add((pipeline, index), lineages = MayLeak(pipeline, index, label) ? Lineages.Trace(pipeline, index, features, label) : null);
                            }

                            if (lineages is null)
                            {
                                continue;
                            }

                            foreach (var version in lineages.Features)
                            {
                                if (!lineages.Label.Contains(version)
                                    || !lineages.ReadBy.TryGetValue(version, out var reader)
                                    || reader.Source is not { } source
                                    || !ReadsInStep(pipeline.Steps[stepIndex], reader)
                                    || !(reported ??= new HashSet<IOperation>()).Add(source))
                                {
                                    continue;
                                }

                                var relation = version.Equals(new ColumnVersion(label, LabelProducer(pipeline, label, index)))
                                    ? "the label"
                                    : $"the column the label '{label}' is made from";
                                var properties = IsRemovableConcatenateInput(pipeline.Steps[stepIndex], reader)
                                    ? ImmutableDictionary<string, string?>.Empty.Add(RemovableProperty, version.Name)
                                    : ImmutableDictionary<string, string?>.Empty;
                                member.ReportDiagnostic(Diagnostic.Create(
                                    Descriptor, source.Syntax.GetLocation(), properties, features, version.Name, relation));
                            }
                        }
                    }
                }
            });
        }

        /// <summary>What a trainer's features and label are computed from, and which input read each version.</summary>
        private sealed class Lineages
        {
            private Lineages(HashSet<ColumnVersion> features, HashSet<ColumnVersion> label, Dictionary<ColumnVersion, Column> readBy)
            {
                Features = features;
                Label = label;
                ReadBy = readBy;
            }

            public HashSet<ColumnVersion> Features { get; }

            public HashSet<ColumnVersion> Label { get; }

            public Dictionary<ColumnVersion, Column> ReadBy { get; }

            /// <summary>Null when an unknown step lies on the way to either.</summary>
            public static Lineages? Trace(Pipeline pipeline, int trainer, string features, string label)
            {
                var readBy = new Dictionary<ColumnVersion, Column>();
                return pipeline.Lineage(features, trainer, readBy) is { } featureLineage && pipeline.Lineage(label, trainer) is { } labelLineage
                    ? new Lineages(featureLineage, labelLineage, readBy)
                    : null;
            }
        }

        /// <summary>
        /// False when no step before the trainer can have read what its label is made of: the
        /// usual case, a label read straight from the data that no step reads. Only then are the
        /// lineages worth tracing.
        /// </summary>
        private static bool MayLeak(Pipeline pipeline, int trainer, string label)
        {
            if (!pipeline.TryFindProducer(label, trainer, out _, out var flow) || flow is not null)
            {
                // Made by a step, or past a step we cannot read: the full trace decides.
                return true;
            }

            for (var index = 0; index < trainer; index++)
            {
                foreach (var step in pipeline.Steps[index].Flows)
                {
                    foreach (var input in step.Inputs)
                    {
                        if (input.Name == label)
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }

        private static bool ReadsInStep(PipelineStep step, Column reader)
        {
            foreach (var flow in step.Flows)
            {
                foreach (var input in flow.Inputs)
                {
                    if (ReferenceEquals(input, reader))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static int LabelProducer(Pipeline pipeline, string label, int before) =>
            pipeline.TryFindProducer(label, before, out var producer, out _) ? producer : -2;

        /// <summary>The column is one element of a Concatenate's input list that has others left after removing it.</summary>
        private static bool IsRemovableConcatenateInput(PipelineStep step, Column reader) =>
            step.Kind == StepKind.Concatenate
            && step.Flows.Length == 1
            && step.Flows[0].Inputs.Length > 1
            && reader.Source?.Parent is IArrayInitializerOperation;
    }
}
