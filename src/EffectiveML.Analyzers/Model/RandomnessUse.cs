using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace EffectiveML.Analyzers.Model
{
    internal enum RandomnessKind
    {
        /// <summary>A method of a <c>*.Trainers</c> catalog: creates a trainer, which draws from the context's randomness.</summary>
        Trainer,
        /// <summary><c>TrainTestSplit</c>, <c>CrossValidationSplit</c>, <c>ShuffleRows</c>, <c>BootstrapSample</c>.</summary>
        Split,
        /// <summary>A catalog's <c>CrossValidate*</c>.</summary>
        CrossValidation,
        /// <summary><c>IEstimator&lt;T&gt;.Fit</c>.</summary>
        Fit,
    }

    /// <summary>An ML.NET call whose result depends on the random state of an MLContext.</summary>
    internal sealed class RandomnessUse
    {
        private RandomnessUse(IInvocationOperation invocation, RandomnessKind kind)
        {
            Invocation = invocation;
            Kind = kind;
        }

        public IInvocationOperation Invocation { get; }

        public RandomnessKind Kind { get; }

        public string MethodName => Invocation.TargetMethod.Name;

        /// <summary>Split and cross-validation calls take their own <c>seed</c>, which overrides the context's.</summary>
        public bool TakesSeed => Kind is RandomnessKind.Split or RandomnessKind.CrossValidation;

        public static RandomnessUse? TryCreate(IInvocationOperation invocation, KnownSymbols symbols) =>
            symbols.Api.Facts(invocation.TargetMethod).Randomness is { } kind ? new RandomnessUse(invocation, kind) : null;

        /// <summary>How a call of <paramref name="method"/> draws on a context's randomness, worked out once per method (<see cref="MethodFacts"/>).</summary>
        internal static RandomnessKind? KindOf(IMethodSymbol method, ITypeSymbol receiverType, MethodKinds kinds, KnownSymbols symbols)
        {
            if (method.Name == "Fit")
            {
                // Any estimator's Fit, one the user wrote included.
                return (kinds & MethodKinds.EstimatorFit) != 0 ? RandomnessKind.Fit : null;
            }

            // Every other use is made on an ML.NET catalog.
            if (!symbols.IsMLSymbol(receiverType))
            {
                return null;
            }

            if (KnownSymbols.InheritsFrom(receiverType, symbols.TrainersCatalogBase))
            {
                return RandomnessKind.Trainer;
            }

            if (symbols.DataOperationsCatalog is not null
                && SymbolEqualityComparer.Default.Equals(receiverType, symbols.DataOperationsCatalog))
            {
                return IsSplitName(method.Name) ? RandomnessKind.Split : null;
            }

            if (IsCrossValidationName(method.Name) && KnownSymbols.InheritsFrom(receiverType, symbols.TrainCatalogBase))
            {
                return RandomnessKind.CrossValidation;
            }

            return null;
        }

        /// <summary>
        /// A name a use that takes a seed of its own can have (<see cref="TakesSeed"/>): a first
        /// filter, by name alone, for a caller that wants only those uses.
        /// </summary>
        public static bool MayTakeSeed(string name) => IsSplitName(name) || IsCrossValidationName(name);

        private static bool IsSplitName(string name) =>
            name is "TrainTestSplit" or "CrossValidationSplit" or "ShuffleRows" or "BootstrapSample";

        private static bool IsCrossValidationName(string name) =>
            name.StartsWith("CrossValidate", System.StringComparison.Ordinal);

        /// <summary>
        /// True when a call passes a value for its <c>seed</c> parameter that is not null; a call
        /// without such a parameter has nothing to pass.
        /// </summary>
        public static bool HasExplicitSeed(IInvocationOperation invocation) => HasExplicitSeed(invocation.Arguments);

        public static bool HasExplicitSeed(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments)
        {
            foreach (var argument in arguments)
            {
                if (argument.Parameter is { Name: "seed" })
                {
                    return argument.ArgumentKind != ArgumentKind.DefaultValue && !IsNull(argument.Value);
                }
            }

            return false;
        }

        public static bool IsNull(IOperation value)
        {
            var unwrapped = ValueTracker.Unwrap(value);
            return unwrapped is IDefaultValueOperation
                || (unwrapped.ConstantValue.HasValue && unwrapped.ConstantValue.Value is null)
                || (value.ConstantValue.HasValue && value.ConstantValue.Value is null);
        }

    }
}
