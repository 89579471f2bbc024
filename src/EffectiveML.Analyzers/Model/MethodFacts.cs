using System;
using EffectiveML.Analyzers.Model.Pipelines;
using Microsoft.CodeAnalysis;

namespace EffectiveML.Analyzers.Model
{
    /// <summary>What an ML.NET method is, as the rules ask it of the calls they read.</summary>
    [Flags]
    internal enum MethodKinds
    {
        None = 0,
        /// <summary>A task catalog's <c>Evaluate*</c>, <c>CrossValidate*</c> or <c>PermutationFeatureImportance*</c>.</summary>
        Evaluation = 1 << 0,
        /// <summary><c>Model.Save</c>, or an ONNX export.</summary>
        ModelExport = 1 << 1,
        /// <summary>A method of <c>mlContext.Model</c> (<c>Save</c>, <c>Load</c>, <c>CreatePredictionEngine</c> …).</summary>
        ModelOperation = 1 << 2,
        /// <summary><c>IEstimator&lt;T&gt;.Fit</c>, or the <c>Fit</c> of a type that implements it.</summary>
        EstimatorFit = 1 << 3,
        /// <summary><c>Append</c> on an estimator chain or estimator.</summary>
        Append = 1 << 4,
        AppendCacheCheckpoint = 1 << 5,
        /// <summary>A catalog method that creates an estimator (a transform or a trainer).</summary>
        CatalogEstimator = 1 << 6,
        /// <summary>A method of a <c>*.Trainers</c> catalog.</summary>
        Trainer = 1 << 7,
        /// <summary><c>LoadFromTextFile</c> or <c>CreateTextLoader</c> of the text loader catalog.</summary>
        TextLoading = 1 << 8,
        /// <summary>A method of a data loader (<c>IDataLoader&lt;T&gt;</c>, <c>DataLoaderExtensions</c>).</summary>
        OfLoader = 1 << 9,
        /// <summary>A method of <c>mlContext.Data</c>.</summary>
        DataOperation = 1 << 10,
        /// <summary>A method of a transformer (<c>Transform</c>, <c>GetOutputSchema</c> …).</summary>
        OfTransformer = 1 << 11,
        /// <summary>A method with a parameter named <c>seed</c>.</summary>
        TakesSeedArgument = 1 << 12,
    }

    /// <summary>
    /// The answers about one method definition, worked out once per compilation: the rules ask them
    /// of every call they read, and a constructed method (<c>Append&lt;T&gt;</c> on
    /// <c>EstimatorChain&lt;X&gt;</c>) has the answers of its definition.
    /// </summary>
    internal sealed class MethodFacts
    {
        public static readonly MethodFacts NotML = new(MethodKinds.None, null, null);

        public MethodFacts(MethodKinds kinds, TransformTable.Entry? transform, RandomnessKind? randomness)
        {
            Kinds = kinds;
            Transform = transform;
            Randomness = randomness;
        }

        public MethodKinds Kinds { get; }

        /// <summary>The transform table's row, for a catalog method it lists.</summary>
        public TransformTable.Entry? Transform { get; }

        /// <summary>How a call of the method draws on an MLContext's randomness, if it does.</summary>
        public RandomnessKind? Randomness { get; }

        public bool Is(MethodKinds kind) => (Kinds & kind) != 0;
    }
}
