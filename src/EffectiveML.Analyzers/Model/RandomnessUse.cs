using EffectiveML.Analyzers.Model.Pipelines;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace EffectiveML.Analyzers.Model
{
    internal enum RandomnessKind
    {
        /// <summary>A trainer that draws from its context's random source at the options the call passes (<see cref="TrainerTable"/>).</summary>
        Trainer,
        /// <summary><c>TrainTestSplit</c>, <c>CrossValidationSplit</c>, <c>ShuffleRows</c>, <c>BootstrapSample</c>.</summary>
        Split,
        /// <summary>A catalog's <c>CrossValidate*</c>.</summary>
        CrossValidation,
        /// <summary>A catalog's <c>PermutationFeatureImportance*</c>: the permutations are drawn from the context.</summary>
        FeatureImportance,
        /// <summary>A transform that draws from the context unless given a seed: <c>ProjectToPrincipalComponents</c>, <c>ApproximatedKernelMap</c>.</summary>
        Transform,
    }

    /// <summary>An ML.NET call that draws on the random source of an MLContext.</summary>
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

        /// <summary>
        /// The use a call makes of its context's random source, or null when it makes none: a
        /// split, shuffle, cross-validation or transform given its own seed draws nothing from the
        /// context, and a trainer draws only at the options the table names for it.
        /// </summary>
        public static RandomnessUse? TryCreate(IInvocationOperation invocation, KnownSymbols symbols, LocalValues values)
        {
            if (symbols.Api.Facts(invocation.TargetMethod).Randomness is not { } kind)
            {
                return null;
            }

            var draws = kind switch
            {
                RandomnessKind.Trainer => DrawsFromContext(invocation, symbols.Api, values, depth: 0),
                RandomnessKind.FeatureImportance => true,
                _ => !HasExplicitSeed(invocation),
            };
            return draws ? new RandomnessUse(invocation, kind) : null;
        }

        /// <summary>How calls of <paramref name="method"/> may draw on a context's randomness, worked out once per method (<see cref="MethodFacts"/>).</summary>
        internal static RandomnessKind? KindOf(IMethodSymbol method, ITypeSymbol receiverType, MethodKinds kinds, KnownSymbols symbols)
        {
            // Every use is made on an ML.NET catalog.
            if (!symbols.IsMLSymbol(receiverType))
            {
                return null;
            }

            if ((kinds & MethodKinds.Trainer) != 0)
            {
                return TrainerTable.Find(method.Name) is { Draws: not (ContextDraw.Never or ContextDraw.Unverified) } ? RandomnessKind.Trainer : null;
            }

            if (symbols.DataOperationsCatalog is not null
                && SymbolEqualityComparer.Default.Equals(receiverType, symbols.DataOperationsCatalog))
            {
                return IsSplitName(method.Name) ? RandomnessKind.Split : null;
            }

            if (KnownSymbols.InheritsFrom(receiverType, symbols.TrainCatalogBase))
            {
                if (IsCrossValidationName(method.Name))
                {
                    return RandomnessKind.CrossValidation;
                }

                if (method.Name.StartsWith("PermutationFeatureImportance", System.StringComparison.Ordinal))
                {
                    return RandomnessKind.FeatureImportance;
                }
            }

            if ((kinds & MethodKinds.TakesSeedArgument) != 0
                && method.Name is "ProjectToPrincipalComponents" or "ApproximatedKernelMap"
                && MLApi.Is(receiverType, symbols.Api.TransformsCatalog))
            {
                return RandomnessKind.Transform;
            }

            return null;
        }

        /// <summary>
        /// The trainer draws from its context at the options in view. Options the member does not
        /// create are not guessed at: the trainer is then not counted.
        /// </summary>
        private static bool DrawsFromContext(IInvocationOperation trainer, MLApi api, LocalValues values, int depth)
        {
            if (TrainerTable.Find(trainer.TargetMethod.Name) is not { } entry)
            {
                return false;
            }

            var options = ValueReader.Argument(trainer, "options") is { ArgumentKind: not ArgumentKind.DefaultValue } given
                && !ValueReader.RuntimeNull(given.Value, values)
                ? given.Value
                : null;
            Setting Option(string name) => options is null ? Setting.Default : ValueReader.Member(options, name, values);

            switch (entry.Draws)
            {
                case ContextDraw.Always:
                    return true;
                case ContextDraw.UnlessShuffleOff:
                    return Option("Shuffle") is var shuffle
                        && (shuffle.State == SettingState.Default || (shuffle.State == SettingState.Given && ValueReader.Constant(shuffle.Value!, values) is true));
                case ContextDraw.UnlessSeedSet:
                    return IsUnset(Option("Seed"), values);
                case ContextDraw.WithRandomInitialWeights:
                    return Option("InitialWeightsDiameter") is { State: SettingState.Given } diameter
                        && ValueReader.Constant(diameter.Value!, values) is { } value and not string and not bool
                        && System.Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture) != 0;
                case ContextDraw.WithSamplingBooster:
                    return IsUnset(Option("Seed"), values)
                        && Option("Booster") is { State: SettingState.Given } booster
                        && SamplesRowsOrFeatures(booster.Value!, api, values);
                case ContextDraw.AsWrappedTrainer:
                    return depth == 0
                        && ValueReader.Argument(trainer, "binaryEstimator") is { } wrapped
                        && ValueReader.Resolve(wrapped.Value, values) is IInvocationOperation wrappedTrainer
                        && DrawsFromContext(wrappedTrainer, api, values, depth + 1);
                default:
                    return false;
            }
        }

        /// <summary>
        /// A LightGBM booster that samples: DART drops trees and GOSS samples rows at random; the
        /// gradient booster samples only with a feature fraction below 1, or a row fraction below 1
        /// at a non-zero frequency.
        /// </summary>
        private static bool SamplesRowsOrFeatures(IOperation booster, MLApi api, LocalValues values)
        {
            var type = ValueReader.Creation(booster, values)?.Type;
            if (MLApi.Is(type, api.LightGbmDartBoosterOptions) || MLApi.Is(type, api.LightGbmGossBoosterOptions))
            {
                return true;
            }

            return MLApi.Is(type, api.LightGbmGradientBoosterOptions)
                && (Below(ValueReader.Member(booster, "FeatureFraction", values), 1, values)
                    || (Below(ValueReader.Member(booster, "SubsampleFraction", values), 1, values)
                        && ValueReader.Member(booster, "SubsampleFrequency", values) is { State: SettingState.Given } frequency
                        && ValueReader.Constant(frequency.Value!, values) is { } every and not string and not bool
                        && System.Convert.ToDouble(every, System.Globalization.CultureInfo.InvariantCulture) > 0));
        }

        /// <summary>Left to its default, or set to null in view.</summary>
        private static bool IsUnset(Setting setting, LocalValues values) =>
            setting.State == SettingState.Default
            || (setting.State == SettingState.Given && ValueReader.RuntimeNull(setting.Value!, values));

        private static bool Below(Setting setting, double limit, LocalValues values) =>
            setting.State == SettingState.Given
            && ValueReader.Constant(setting.Value!, values) is { } value and not string and not bool
            && System.Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture) < limit;

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
