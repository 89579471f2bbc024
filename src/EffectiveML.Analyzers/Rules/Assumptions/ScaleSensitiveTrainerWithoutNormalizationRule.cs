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
    /// EML4010: a trainer that needs normalization (per the trainer table) whose features are
    /// assembled in view from raw columns with no normalizer and no text featurizer on the way.
    /// Quiet when any step on the way is unknown, when the features column arrives ready-made, when
    /// it is one vector column loaded as a block (pixels, counts on one scale), and when the data it
    /// is fitted on was already transformed by another model.
    /// </summary>
    public sealed class ScaleSensitiveTrainerWithoutNormalizationRule : Rule
    {
        public const string FeatureColumnProperty = "FeatureColumn";
        public const string ContextProperty = "Context";

        public const string Id = "EML4010";

        internal static readonly DiagnosticDescriptor Descriptor = Descriptors.Create(
            Id,
            "Scale-sensitive trainer without normalization",
            "'{0}' needs normalized features but nothing normalizes '{1}' on its way from {2}",
            DiagnosticSeverity.Warning,
            "Linear and distance-based trainers (SDCA, L-BFGS, averaged perceptron, SVMs, KMeans, PCA …) assume features on comparable scales; a feature in the thousands dominates one in [0, 1], training converges slowly or not at all, and regularization punishes features unevenly.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptor);

        internal override void Register(RuleRegistry registry)
        {
            var symbols = registry.Symbols;
            registry.OnCalls(static model => model.MLInvocations, (member, model, call) =>
            {
                if (TrainerTable.Find(call.TargetMethod.Name) is not { Normalization: Normalization.Needed }
                    || !model.Api.IsTrainer(call.TargetMethod))
                {
                    return;
                }

                if (FittedOnTransformedData(call, model))
                {
                    return;
                }

                foreach (var (pipeline, index) in model.Pipelines.ChainsContaining(call))
                {
                    if (!pipeline.IsFullyKnown
                        || pipeline.Steps[index].Trainer?.Features.Name is not { } features
                        || !pipeline.TryFindProducer(features, index, out var producer, out _)
                        || producer < 0)
                    {
                        continue;
                    }

                    var raw = new List<string>();
                    if (Scaling(pipeline, features, index, raw) != Scale.Unscaled
                        || (raw.Count == 1 && IsOneLoadedVector(raw[0], model, symbols.Api)))
                    {
                        continue;
                    }

                    var properties = ImmutableDictionary<string, string?>.Empty.Add(FeatureColumnProperty, features);
                    var additional = new List<Location>();
                    if (ContextExpression(call, symbols) is { } contextText && AppendArgument(call, model) is { } appended)
                    {
                        properties = properties.Add(ContextProperty, contextText);
                        additional.Add(appended.Syntax.GetLocation());
                    }

                    member.ReportDiagnostic(Diagnostic.Create(
                        Descriptor,
                        Describe.CallLocation(call.Syntax),
                        additional,
                        properties,
                        call.TargetMethod.Name,
                        features,
                        Describe.Names(raw)));
                    return;
                }
            });
        }

        private enum Scale
        {
            Scaled,
            Unscaled,
            Unsure,
        }

        /// <summary>
        /// Unscaled when raw columns reach <paramref name="column"/> through steps that keep values as
        /// they are and nothing on the way normalizes; Scaled when a normalizer or text featurizer is
        /// on the way; Unsure when a step's effect on scale is not known.
        /// </summary>
        private static Scale Scaling(Pipeline pipeline, string column, int before, List<string> raw)
        {
            var result = Scale.Scaled;
            var pending = new Stack<(string Name, int Before)>();
            var seen = new HashSet<ColumnVersion>();
            pending.Push((column, before));
            while (pending.Count > 0)
            {
                var (name, limit) = pending.Pop();
                if (!pipeline.TryFindProducer(name, limit, out var producer, out var flow))
                {
                    return Scale.Unsure;
                }

                if (!seen.Add(new ColumnVersion(name, producer)))
                {
                    continue;
                }

                if (producer < 0)
                {
                    raw.Add(name);
                    result = Scale.Unscaled;
                    continue;
                }

                switch (pipeline.Steps[producer].Kind)
                {
                    case StepKind.Normalizer:
                    case StepKind.TextFeaturizer:
                        return Scale.Scaled;
                    case StepKind.Encoder:
                    case StepKind.HashEncoder:
                    case StepKind.MissingIndicator:
                        // Indicators are 0/1 already; they neither need nor provide scaling of other columns.
                        break;
                    case StepKind.Concatenate:
                    case StepKind.CopyColumns:
                    case StepKind.TypeConversion:
                    case StepKind.Imputer:
                    case StepKind.FeatureSelection:
                        // Pushed last to first so raw columns are named in the order the code lists them.
                        for (var i = flow!.Inputs.Length - 1; i >= 0; i--)
                        {
                            pending.Push((flow.Inputs[i].Name!, producer));
                        }

                        break;
                    default:
                        return Scale.Unsure;
                }
            }

            return result;
        }

        /// <summary>
        /// The features are one vector column loaded as a block (pixel intensities, counts): an
        /// array member of an input schema class in view loaded from a range of file columns or
        /// given a size, or a <c>TextLoader.Column</c> created in view over a range. Its slots are
        /// measured on one scale, so no slot dominates the others.
        /// </summary>
        private static bool IsOneLoadedVector(string column, MemberModel model, MLApi api)
        {
            foreach (var schema in model.InputSchemas.Types)
            {
                if (api.Schema(schema).IsDeclaredVector(column))
                {
                    return true;
                }
            }

            foreach (var creation in model.ObjectCreations)
            {
                if (MLApi.Is(creation.Type, api.TextLoaderColumn)
                    && ValueReader.Argument(creation.Arguments, "name") is { } name
                    && ValueReader.String(name.Value, model.Values) == column
                    && (ValueReader.Argument(creation.Arguments, "maxIndex") is not null || ValueReader.Argument(creation.Arguments, "source") is not null))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A model in view prepared the data first: the columns may be normalized there.</summary>
        private static bool FittedOnTransformedData(IInvocationOperation trainer, MemberModel model)
        {
            foreach (var fit in model.Sites.Fits)
            {
                if (fit.Pipeline.IndexOf(trainer) < 0)
                {
                    continue;
                }

                foreach (var node in fit.Data.RowAncestorsOrSelf())
                {
                    if (node.Kind == DataKind.Transformed)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>The MLContext expression the trainer was created from, as written (<c>mlContext</c>), for the fix.</summary>
        private static string? ContextExpression(IInvocationOperation trainer, KnownSymbols symbols)
        {
            var current = ValueTracker.Receiver(trainer);
            while (current is IMemberReferenceOperation { Instance: { } instance })
            {
                current = instance;
            }

            return current is not null && symbols.IsMLContext(current.Type) ? current.Syntax.ToString() : null;
        }

        /// <summary>The <c>Append(...)</c> argument through which the trainer enters its chain.</summary>
        private static IOperation? AppendArgument(IInvocationOperation trainer, MemberModel model)
        {
            foreach (var append in model.MLInvocations)
            {
                if (model.Api.IsAppend(append.TargetMethod)
                    && ValueReader.Argument(append, "estimator") is { } argument
                    && ValueReader.Resolve(argument.Value, model.Values) == trainer)
                {
                    return argument;
                }
            }

            return null;
        }
    }
}
