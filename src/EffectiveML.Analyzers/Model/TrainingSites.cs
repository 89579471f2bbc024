using System;
using System.Collections.Generic;
using EffectiveML.Analyzers.Model.Pipelines;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace EffectiveML.Analyzers.Model
{
    /// <summary>
    /// Where one member trains, splits and evaluates: its fits (and cross-validations), its splits,
    /// its evaluations and the ML values it returns, with the pipelines and data each one uses.
    /// </summary>
    internal sealed class TrainingSites : ModelPart<TrainingSites>
    {
        private Sites? _sites;
        private IInvocationOperation[]? _evaluations;

        public TrainingSites(MemberModel member)
            : base(member)
        {
        }

        public IReadOnlyList<FitSite> Fits => All.Fits;

        public IReadOnlyList<SplitSite> Splits => All.Splits;

        /// <summary>Every <c>Evaluate*</c> call of a task catalog in the member.</summary>
        public IReadOnlyList<IInvocationOperation> Evaluations => Once(ref _evaluations, static part => part.MLCallsWhere(static (member, method) =>
                method.Name.StartsWith("Evaluate", StringComparison.Ordinal)
                && KnownSymbols.InheritsFrom(method.ContainingType, member.Symbols.TrainCatalogBase)));

        /// <summary>
        /// A trainer call is trained when a pipeline containing it is fitted or cross-validated in
        /// the member, or returned by it (a factory exists to have its pipeline trained).
        /// </summary>
        public bool IsTrained(IInvocationOperation trainer)
        {
            foreach (var fit in Fits)
            {
                if (fit.Pipeline.IndexOf(trainer) >= 0)
                {
                    return true;
                }
            }

            foreach (var returned in All.Returned)
            {
                if (returned == trainer || Member.Pipelines.Of(returned).IndexOf(trainer) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The member returns an estimator chain with a trainer in it: it is a pipeline factory.</summary>
        public bool ReturnsPipelineWithTrainer()
        {
            foreach (var returned in All.Returned)
            {
                if (HasTrainer(Member.Pipelines.Of(returned)))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// A Fit that trains: its pipeline has a trainer in view, or, where part of the pipeline is
        /// not in view, its result type says a prediction transformer comes out
        /// (<c>TransformerChain&lt;BinaryPredictionTransformer&lt;…&gt;&gt;</c>). A pipeline wholly in
        /// view without a trainer prepares data, even when a calibrator in it makes predictions.
        /// </summary>
        public bool IsTrainingFit(IInvocationOperation fit)
        {
            if (ValueTracker.Receiver(fit) is { } estimator)
            {
                var pipeline = Member.Pipelines.Of(estimator);
                if (HasTrainer(pipeline))
                {
                    return true;
                }

                if (pipeline.IsFullyKnown)
                {
                    return false;
                }
            }

            return ProducesPrediction(fit.Type);
        }

        private static bool HasTrainer(Pipeline pipeline)
        {
            foreach (var step in pipeline.Steps)
            {
                if (step.Kind == StepKind.Trainer)
                {
                    return true;
                }
            }

            return false;
        }

        private bool ProducesPrediction(ITypeSymbol? type)
        {
            if (type is null)
            {
                return false;
            }

            if (Api.Implements(type, Api.PredictionTransformer))
            {
                return true;
            }

            return type is INamedTypeSymbol { IsGenericType: true } generic
                && generic.TypeArguments.Length == 1
                && Api.Implements(generic.TypeArguments[0], Api.PredictionTransformer);
        }

        private Sites All => Once(ref _sites, static part => part.CollectSites());

        private Sites CollectSites()
        {
            if (Member.MLInvocations.Count == 0 && Member.MLReturns.Count == 0)
            {
                return Sites.None;
            }

            var sites = new Sites();
            foreach (var returnOperation in Member.MLReturns)
            {
                sites.Returned.Add(ValueReader.Resolve(returnOperation.ReturnedValue!, Values));
            }

            var pipelines = Member.Pipelines;
            var provenance = Member.Provenance;
            foreach (var invocation in Member.MLInvocations)
            {
                var method = invocation.TargetMethod;
                if (Api.IsFit(method))
                {
                    if (ValueTracker.Receiver(invocation) is { } estimator && ValueReader.Argument(invocation, "input") is { } input)
                    {
                        sites.Fits.Add(new FitSite(invocation, pipelines.Of(estimator), provenance.DataOf(input.Value), isCrossValidation: false));
                    }
                }
                else if (method.Name.StartsWith("CrossValidate", StringComparison.Ordinal)
                    && KnownSymbols.InheritsFrom(method.ContainingType, Member.Symbols.TrainCatalogBase)
                    && ValueReader.Argument(invocation, "data") is { } cvData)
                {
                    var data = provenance.DataOf(cvData.Value);
                    sites.Splits.Add(new SplitSite(invocation, data));
                    if (ValueReader.Argument(invocation, "estimator") is { } cvEstimator)
                    {
                        sites.Fits.Add(new FitSite(invocation, pipelines.Of(cvEstimator.Value), data, isCrossValidation: true));
                    }
                }
                else if ((method.Name == "TrainTestSplit" || method.Name == "CrossValidationSplit")
                    && MLApi.Is(method.ContainingType, Member.Symbols.DataOperationsCatalog)
                    && ValueReader.Argument(invocation, "data") is { } splitData)
                {
                    sites.Splits.Add(new SplitSite(invocation, provenance.DataOf(splitData.Value)));
                }
            }

            return sites;
        }

        private sealed class Sites
        {
            /// <summary>The sites of a member without ML calls or returns; never added to.</summary>
            public static readonly Sites None = new();

            public List<FitSite> Fits { get; } = new();
            public List<SplitSite> Splits { get; } = new();
            public List<IOperation> Returned { get; } = new();
        }
    }
}
