using System.Threading.Tasks;
using Xunit;
using VerifyEML8003 = EffectiveML.Tests.Infrastructure.Verify<EffectiveML.Analyzers.Rules.Resilience.HardCodedCudaDeviceRule>;

namespace EffectiveML.Tests.Rules.Resilience
{
    public class HardCodedCudaDeviceRuleTests
    {
        [Theory]
        [InlineData("torch.CUDA")]
        [InlineData("torch.device(\"cuda\")")]
        [InlineData("torch.device(\"cuda:1\")")]
        [InlineData("torch.device(DeviceType.CUDA)")]
        [InlineData("new Device(\"cuda\")")]
        public async Task Flags_a_CUDA_device_chosen_without_checking(string device)
        {
            var source = $$"""
                using TorchSharp;
                using static TorchSharp.torch;

                public static class Setup
                {
                    public static Device Choose() => {|#0:{{device}}|};
                }
                """;

            await VerifyEML8003.Analyzer(source, VerifyEML8003.Diagnostic("EML8003").WithLocation(0).WithArguments(device));
        }

        [Fact]
        public async Task Flags_cuda_calls_once_per_member()
        {
            const string source = """
                using TorchSharp;
                using static TorchSharp.torch;

                public static class Setup
                {
                    public static Tensor Move(nn.Module<Tensor, Tensor> net, Tensor x)
                    {
                        {|#0:net.cuda()|};
                        return net.forward(x.cuda());
                    }
                }
                """;

            await VerifyEML8003.Analyzer(source, VerifyEML8003.Diagnostic("EML8003").WithLocation(0).WithArguments("net.cuda()"));
        }

        [Fact]
        public async Task Quiet_when_the_member_checks_for_a_GPU_or_compares_device_types()
        {
            const string source = """
                using System;
                using TorchSharp;
                using static TorchSharp.torch;

                public static class Setup
                {
                    private static readonly Device Device = torch.cuda.is_available() ? torch.CUDA : torch.CPU;

                    public static Device Choose()
                    {
                        if (torch.cuda.device_count() > 1)
                        {
                            return torch.device("cuda:1");
                        }

                        return torch.cuda.is_available() ? torch.device("cuda") : torch.CPU;
                    }

                    public static int BatchSize(Device device) => device.type == DeviceType.CUDA ? 256 : 64;

                    public static Tensor Move(Tensor x, Device device) => x.to(device);

                    public static Device Configured(string name) => torch.device(name);
                }
                """;

            await VerifyEML8003.Analyzer(source);
        }
    }
}
