using System.Collections.Immutable;
using EffectiveML.Analyzers.Infrastructure;
using EffectiveML.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace EffectiveML.Analyzers.Rules.Assumptions
{
    /// <summary>
    /// EML4204: <c>t.to(device);</c>, <c>t.cuda();</c> or <c>t.cpu();</c> as a statement on a
    /// tensor. A tensor's move returns a new tensor and leaves the receiver where it was; a
    /// module's moves it in place, so modules are never reported.
    /// </summary>
    public sealed class DeviceMoveDiscardedRule : Rule
    {
        public const string Id = "EML4204";

        /// <summary>Present when the receiver is a local, parameter, field or property the fix can assign the moved tensor to.</summary>
        public const string AssignableProperty = "Assignable";

        internal static readonly DiagnosticDescriptor Descriptor = Descriptors.Create(
            Id,
            "Device move result discarded",
            "'{0}' returns a new tensor and leaves '{1}' where it was; assign the result: '{1} = {0};'",
            DiagnosticSeverity.Warning,
            "Tensor.to(device), cuda() and cpu() copy the tensor and return the copy; the tensor they are called on stays on its device. Discarding the result leaves the data where it was, and the next operation with a tensor on the other device fails ('Expected all tensors to be on the same device') or silently runs on the CPU. Modules are different: module.to(device) moves the module's parameters in place.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptor);

        internal override void Register(RuleRegistry registry)
        {
            if (!registry.Symbols.HasTorchSharp)
            {
                return;
            }

            var torch = registry.Symbols.TorchApi;
            registry.OnCalls(static model => model.MLInvocations, (member, model, call) =>
            {
                var method = call.TargetMethod;
                if (method.Name is not ("to" or "cuda" or "cpu")
                    || !torch.IsTensor(method.ContainingType)
                    || call.Parent is not IExpressionStatementOperation
                    || call.Instance is not { } receiver)
                {
                    return;
                }

                var properties = IsAssignable(receiver)
                    ? ImmutableDictionary<string, string?>.Empty.Add(AssignableProperty, null)
                    : ImmutableDictionary<string, string?>.Empty;
                member.ReportDiagnostic(Diagnostic.Create(
                    Descriptor, call.Syntax.GetLocation(), properties, Describe.Code(call.Syntax), Describe.Code(receiver.Syntax)));
            });
        }

        /// <summary>A local, parameter, field or property the moved tensor can be assigned back to.</summary>
        private static bool IsAssignable(IOperation receiver) => ValueTracker.Unwrap(receiver) switch
        {
            ILocalReferenceOperation { Local: { IsRef: false, IsForEach: false, IsUsing: false, IsConst: false } } => true,
            IParameterReferenceOperation { Parameter.RefKind: RefKind.None } => true,
            IFieldReferenceOperation { Field.IsReadOnly: false } => true,
            IPropertyReferenceOperation { Property: { IsReadOnly: false, IsIndexer: false } } => true,
            _ => false,
        };
    }
}
