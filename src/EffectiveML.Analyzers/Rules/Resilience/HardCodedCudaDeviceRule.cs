using System.Collections.Immutable;
using EffectiveML.Analyzers.Infrastructure;
using EffectiveML.Analyzers.Model;
using EffectiveML.Analyzers.Model.Torch;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace EffectiveML.Analyzers.Rules.Resilience
{
    /// <summary>
    /// EML8003: a CUDA device named in code (<c>torch.CUDA</c>, <c>.cuda()</c>, a device string
    /// <c>"cuda"</c> or <c>"cuda:N"</c>, <c>DeviceType.CUDA</c> given to TorchSharp) in a member
    /// that never asks <c>torch.cuda.is_available()</c> or <c>device_count()</c>. Reported once per
    /// member, at the first such place. Comparing a device's type with <c>DeviceType.CUDA</c> is
    /// a question, not a choice, and is left alone.
    /// </summary>
    public sealed class HardCodedCudaDeviceRule : Rule
    {
        public const string Id = "EML8003";

        internal static readonly DiagnosticDescriptor Descriptor = Descriptors.Create(
            Id,
            "Hard-coded CUDA device",
            "'{0}' requires a CUDA GPU, and this member never checks torch.cuda.is_available(): on a machine without one (a laptop, a CI agent, a CPU server) it fails at run time",
            DiagnosticSeverity.Info,
            "Code that names the CUDA device runs only where a CUDA GPU and the CUDA build of libtorch are present. Choose the device once, torch.cuda.is_available() ? torch.CUDA : torch.CPU, or take it as a parameter or setting, so the same program trains on a GPU server and runs its tests on any machine.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptor);

        internal override void Register(RuleRegistry registry)
        {
            if (!registry.Symbols.HasTorchSharp)
            {
                return;
            }

            var torch = registry.Symbols.TorchApi;
            registry.OnMember((member, model) =>
            {
                var first = FirstCudaDevice(model, torch);
                if (first is null || model.Torch.Any(TorchCallKind.CudaCheck))
                {
                    return;
                }

                member.ReportDiagnostic(Diagnostic.Create(Descriptor, first.Syntax.GetLocation(), Describe.Code(first.Syntax)));
            });
        }

        private static IOperation? FirstCudaDevice(MemberModel model, TorchApi torch)
        {
            IOperation? first = null;

            for (var index = 0; index < model.MLFieldReads.Count; index++)
            {
                var read = model.MLFieldReads[index];
                if (read.Field.Name == "CUDA" && MLApi.Is(read.Field.ContainingType, torch.Torch))
                {
                    first = SourceOrder.Earlier(first, read);
                }
            }

            for (var index = 0; index < model.MLPropertyReads.Count; index++)
            {
                var read = model.MLPropertyReads[index];
                if (read.Property.Name == "CUDA" && MLApi.Is(read.Property.ContainingType, torch.Torch))
                {
                    first = SourceOrder.Earlier(first, read);
                }
            }

            for (var index = 0; index < model.MLInvocations.Count; index++)
            {
                var call = model.MLInvocations[index];
                if (!torch.IsTorchSharp(call.TargetMethod))
                {
                    continue;
                }

                if (call.TargetMethod.Name == "cuda" && (torch.IsTensor(call.TargetMethod.ContainingType) || call.TargetMethod.IsExtensionMethod))
                {
                    first = SourceOrder.Earlier(first, call);
                }
                else if (NamesCuda(call.Arguments, torch))
                {
                    first = SourceOrder.Earlier(first, call);
                }
            }

            for (var index = 0; index < model.ObjectCreations.Count; index++)
            {
                var creation = model.ObjectCreations[index];
                if (MLApi.Is(creation.Type, torch.Device) && NamesCuda(creation.Arguments, torch))
                {
                    first = SourceOrder.Earlier(first, creation);
                }
            }

            return first;
        }

        /// <summary>An argument that names CUDA: a constant device string "cuda"/"cuda:N", or DeviceType.CUDA.</summary>
        private static bool NamesCuda(ImmutableArray<IArgumentOperation> arguments, TorchApi torch)
        {
            foreach (var argument in arguments)
            {
                var value = ValueTracker.Unwrap(argument.Value);
                if (argument.Parameter?.Type.SpecialType == SpecialType.System_String
                    && value.ConstantValue is { HasValue: true, Value: string device }
                    && (device == "cuda" || device.StartsWith("cuda:", System.StringComparison.Ordinal)))
                {
                    return true;
                }

                if (value is IFieldReferenceOperation { Field: { Name: "CUDA" } field } && MLApi.Is(field.ContainingType, torch.DeviceType))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
