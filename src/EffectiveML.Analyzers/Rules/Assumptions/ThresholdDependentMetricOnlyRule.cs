using System.Collections.Generic;
using System.Collections.Immutable;
using EffectiveML.Analyzers.Infrastructure;
using EffectiveML.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace EffectiveML.Analyzers.Rules.Assumptions
{
    /// <summary>
    /// EML4011: binary or multiclass metrics of which only accuracy is read. Quiet when the metrics
    /// object goes anywhere we cannot follow (a method, a return, a field, a string), and when any
    /// other classification metric is read anywhere in the member.
    /// </summary>
    public sealed class ThresholdDependentMetricOnlyRule : Rule
    {
        private static readonly ImmutableHashSet<string> AccuracyOnly = ImmutableHashSet.Create("Accuracy", "MicroAccuracy");

        public const string Id = "EML4011";

        internal static readonly DiagnosticDescriptor Descriptor = Descriptors.Create(
            Id,
            "Threshold-dependent metric only",
            "Only {0} of these metrics is read; accuracy depends on one threshold and hides class imbalance, read AUC, F1 or log-loss as well",
            DiagnosticSeverity.Info,
            "Accuracy alone says little: on a 95/5 class split the constant classifier scores 95%. Threshold-free metrics (AUC, AUPRC, log-loss) and per-class ones (F1, macro accuracy, the confusion matrix) show what the model actually learned.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptor);

        internal override void Register(RuleRegistry registry)
        {
            var symbols = registry.Symbols;
            registry.OnCalls(static model => model.Sites.Evaluations, (member, model, call) =>
            {
                if (!IsClassificationMetrics(call.Type, symbols))
                {
                    return;
                }

                var reads = MetricsRead(call, model);
                if (reads is null || reads.Count == 0 || !AccuracyOnly.IsSupersetOf(reads)
                    || ReadsOtherMetricAnywhere(model, symbols))
                {
                    return;
                }

                member.ReportDiagnostic(Diagnostic.Create(
                    Descriptor, Describe.CallLocation(call.Syntax), string.Join(" and ", reads)));
            });
        }

        private static bool IsClassificationMetrics(ITypeSymbol? type, KnownSymbols symbols) =>
            KnownSymbols.InheritsFrom(type, symbols.Api.BinaryMetrics) || KnownSymbols.InheritsFrom(type, symbols.Api.MulticlassMetrics);

        /// <summary>The metric properties read from the call's result; null when the result escapes.</summary>
        private static SortedSet<string>? MetricsRead(IInvocationOperation call, MemberModel model)
        {
            var reads = new SortedSet<string>(System.StringComparer.Ordinal);
            var parent = Outer(call);
            if (parent is IPropertyReferenceOperation direct)
            {
                reads.Add(direct.Property.Name);
                return reads;
            }

            if (parent is not IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }
                || model.Values.SingleValue(declarator.Symbol) is null)
            {
                return null;
            }

            foreach (var local in model.ReferencesTo(declarator.Symbol))
            {
                if (Outer(local) is not IPropertyReferenceOperation read)
                {
                    return null;
                }

                reads.Add(read.Property.Name);
            }

            return reads;
        }

        private static bool ReadsOtherMetricAnywhere(MemberModel model, KnownSymbols symbols)
        {
            foreach (var read in model.MLPropertyReads)
            {
                if (IsClassificationMetrics(read.Property.ContainingType, symbols)
                    && !AccuracyOnly.Contains(read.Property.Name))
                {
                    return true;
                }
            }

            return false;
        }

        private static IOperation? Outer(IOperation operation)
        {
            var parent = operation.Parent;
            while (parent is IConversionOperation or IParenthesizedOperation)
            {
                parent = parent.Parent;
            }

            return parent;
        }
    }
}
