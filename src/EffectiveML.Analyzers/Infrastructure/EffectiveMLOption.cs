using System;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using EffectiveML.Analyzers.Rules.Reproducibility;
using EffectiveML.Analyzers.Rules.Simplicity;

namespace EffectiveML.Analyzers.Infrastructure
{
    /// <summary>An option any EffectiveML rule reads from .editorconfig, independent of its value type.</summary>
    public interface IEffectiveMLOption
    {
        string RuleId { get; }
        string Name { get; }
        /// <summary><c>effective_ml.{RuleId}.{name}</c>.</summary>
        string Key { get; }
        /// <summary>What a valid value looks like, for the invalid-option message and rules.md.</summary>
        string Expected { get; }
        string DefaultText { get; }
        bool IsValid(string value);
    }

    /// <summary>
    /// A typed option. Reading never throws: a missing value gives the default, and so does an
    /// invalid one (which EML0001 reports once).
    /// </summary>
    public sealed class EffectiveMLOption<T> : IEffectiveMLOption
    {
        private readonly TryParse _parse;

        private readonly string? _defaultText;

        public EffectiveMLOption(string ruleId, string name, T defaultValue, string expected, TryParse parse, string? defaultText = null)
        {
            _defaultText = defaultText;
            RuleId = ruleId;
            Name = name;
            Key = "effective_ml." + ruleId + "." + name;
            Default = defaultValue;
            Expected = expected;
            _parse = parse;
        }

        public delegate bool TryParse(string text, out T value);

        public string RuleId { get; }
        public string Name { get; }
        public string Key { get; }
        public T Default { get; }
        public string Expected { get; }
        public string DefaultText => _defaultText ?? Convert.ToString(Default, CultureInfo.InvariantCulture) ?? string.Empty;

        public bool IsValid(string value) => _parse(value.Trim(), out _);

        public T Read(AnalyzerOptions options, SyntaxTree tree)
        {
            var config = options.AnalyzerConfigOptionsProvider.GetOptions(tree);
            if (config.TryGetValue(Key, out var text) && _parse(text.Trim(), out var value))
            {
                return value;
            }

            return Default;
        }
    }

    /// <summary>Every option of the suite, so that validation and documentation see them all.</summary>
    public static class EffectiveMLOptions
    {
        public static readonly EffectiveMLOption<int> MLContextFixSeed = SeedValue(MLContextWithoutSeedRule.Id);
        public static readonly EffectiveMLOption<int> SplitFixSeed = SeedValue(SplitWithoutSeedRule.Id);
        public static readonly EffectiveMLOption<int> RandomFixSeed = SeedValue(UnseededRandomRule.Id);

        public static readonly EffectiveMLOption<ImmutableHashSet<string>> BaselineTrainers = MethodNames(ComplexModelWithoutBaselineRule.Id, "baseline_trainers");
        public static readonly EffectiveMLOption<ImmutableHashSet<string>> ComplexTrainers = MethodNames(ComplexModelWithoutBaselineRule.Id, "complex_trainers");

        public static readonly EffectiveMLOption<int> TreesThreshold = Count(RaisedCapacityWithoutValidationRule.Id, "trees_threshold", 1000);
        public static readonly EffectiveMLOption<int> LeavesThreshold = Count(RaisedCapacityWithoutValidationRule.Id, "leaves_threshold", 128);
        public static readonly EffectiveMLOption<int> EpochsFactor = Count(RaisedCapacityWithoutValidationRule.Id, "epochs_factor", 2);

        public static ImmutableArray<IEffectiveMLOption> All { get; } = ImmutableArray.Create<IEffectiveMLOption>(
            MLContextFixSeed,
            SplitFixSeed,
            RandomFixSeed,
            BaselineTrainers,
            ComplexTrainers,
            TreesThreshold,
            LeavesThreshold,
            EpochsFactor);

        /// <summary>Name of the diagnostic property that carries the seed a code fix inserts.</summary>
        public const string SeedValueProperty = "SeedValue";

        /// <summary>Diagnostic properties that hand the configured seed for <paramref name="tree"/> to the code fix.</summary>
        public static ImmutableDictionary<string, string?> SeedProperties(EffectiveMLOption<int> option, AnalyzerOptions options, SyntaxTree tree) =>
            ImmutableDictionary<string, string?>.Empty.Add(
                SeedValueProperty,
                option.Read(options, tree).ToString(CultureInfo.InvariantCulture));

        /// <summary>A comma-separated list of trainer method names (<c>FastTree, MyCompanyTrainer</c>).</summary>
        private static EffectiveMLOption<ImmutableHashSet<string>> MethodNames(string ruleId, string name) => new(
            ruleId,
            name,
            ImmutableHashSet<string>.Empty,
            "a comma-separated list of method names",
            (string text, out ImmutableHashSet<string> value) =>
            {
                var builder = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
                foreach (var part in text.Split(','))
                {
                    var item = part.Trim();
                    if (item.Length == 0)
                    {
                        continue;
                    }

                    if (!Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsValidIdentifier(item))
                    {
                        value = ImmutableHashSet<string>.Empty;
                        return false;
                    }

                    builder.Add(item);
                }

                value = builder.ToImmutable();
                return true;
            },
            defaultText: "none");

        private static EffectiveMLOption<int> Count(string ruleId, string name, int defaultValue) => new(
            ruleId,
            name,
            defaultValue,
            "a positive whole number",
            (string text, out int value) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value) && value > 0);

        private static EffectiveMLOption<int> SeedValue(string ruleId) => new(
            ruleId,
            "seed_value",
            0,
            "a whole number (System.Int32)",
            (string text, out int value) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value));
    }
}
