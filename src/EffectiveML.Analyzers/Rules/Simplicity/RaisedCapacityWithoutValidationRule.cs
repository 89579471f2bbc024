using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using EffectiveML.Analyzers.Infrastructure;
using EffectiveML.Analyzers.Model;
using EffectiveML.Analyzers.Model.Pipelines;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace EffectiveML.Analyzers.Rules.Simplicity
{
    /// <summary>
    /// EML1002: a boosted or deep trainer whose trees, leaves or epochs are raised to the configured
    /// thresholds, with no validation set (a parameter, an options member, or <c>Fit(train, validation)</c>)
    /// and no early stopping in view.
    /// </summary>
    public sealed class RaisedCapacityWithoutValidationRule : Rule
    {
        public const string Id = "EML1002";

        internal static readonly DiagnosticDescriptor Descriptor = Descriptors.Create(
            Id,
            "Raised capacity without validation",
            "'{0}' raises {1} with no validation set and no early stopping; extra capacity without a check overfits",
            DiagnosticSeverity.Info,
            "More trees, leaves or epochs fit the training data ever closer. Without a validation set or early stopping there is no signal for when the model stops learning and starts memorizing.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptor);

        internal override void Register(RuleRegistry registry)
        {
            var symbols = registry.Symbols;
            registry.OnCalls(static model => model.MLInvocations, (member, model, call) =>
            {
                if (!HasCapacitySettings(call.TargetMethod.Name))
                {
                    return;
                }

                if (!model.Api.IsTrainer(call.TargetMethod))
                {
                    return;
                }

                var raised = RaisedSettings(call, model, member.Options);
                if (raised.Count == 0 || HasValidation(call, model))
                {
                    return;
                }

                member.ReportDiagnostic(Diagnostic.Create(
                    Descriptor,
                    Describe.CallLocation(call.Syntax),
                    call.TargetMethod.Name,
                    string.Join(" and ", raised)));
            });
        }

        private static bool HasCapacitySettings(string trainer) => CapacityTable.TrainerNames.Contains(trainer);

        private static List<string> RaisedSettings(IInvocationOperation call, MemberModel model, AnalyzerOptions options)
        {
            var tree = call.Syntax.SyntaxTree;
            var raised = new List<string>();
            foreach (var entry in CapacityTable.Entries)
            {
                if (System.Array.IndexOf(entry.Trainers, call.TargetMethod.Name) < 0 || Read(call, entry, model) is not { } value)
                {
                    continue;
                }

                var threshold = entry.Kind switch
                {
                    CapacityKind.Trees => EffectiveMLOptions.TreesThreshold.Read(options, tree),
                    CapacityKind.Leaves => EffectiveMLOptions.LeavesThreshold.Read(options, tree),
                    _ => entry.Default * EffectiveMLOptions.EpochsFactor.Read(options, tree),
                };
                if (value >= threshold)
                {
                    raised.Add($"{entry.Parameter} to {value.ToString(CultureInfo.InvariantCulture)}");
                }
            }

            return raised;
        }

        /// <summary>The setting as an integer constant, from the parameter or the options object; null when not given or not constant.</summary>
        private static int? Read(IInvocationOperation call, CapacityTable.Entry entry, MemberModel model)
        {
            var setting = ValueReader.Parameter(call, entry.Parameter);
            if (setting.State == SettingState.Default && ValueReader.Argument(call, "options") is { } options)
            {
                setting = ValueReader.Member(options.Value, entry.OptionsMember, model.Values);
            }

            return setting.State == SettingState.Given && ValueReader.Constant(setting.Value!, model.Values) is int value ? value : null;
        }

        private static bool HasValidation(IInvocationOperation trainer, MemberModel model)
        {
            if (ValueReader.Parameter(trainer, "validationSet") is { State: SettingState.Given } parameter
                && !ValueReader.RuntimeNull(parameter.Value!, model.Values))
            {
                return true;
            }

            if (ValueReader.Argument(trainer, "options") is { } options)
            {
                foreach (var member in CapacityTable.ValidationMembers)
                {
                    // Any value we cannot read counts as a validation signal: stay quiet.
                    var setting = ValueReader.Member(options.Value, member, model.Values);
                    if (setting.State == SettingState.Unknown
                        || (setting.State == SettingState.Given
                            && !ValueReader.RuntimeNull(setting.Value!, model.Values)
                            && ValueReader.Constant(setting.Value!, model.Values) is not 0))
                    {
                        return true;
                    }
                }
            }

            foreach (var operation in model.MLInvocations)
            {
                if (operation is { TargetMethod.Name: "Fit", Arguments.Length: >= 2 } fit
                    && ValueTracker.Receiver(fit) is { } receiver
                    && ValueReader.Resolve(receiver, model.Values) == trainer
                    && !ValueReader.RuntimeNull(fit.Arguments[1].Value, model.Values))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
