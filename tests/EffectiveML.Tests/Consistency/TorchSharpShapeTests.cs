using System.Linq;
using EffectiveML.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace EffectiveML.Tests.Consistency
{
    /// <summary>
    /// The TorchSharp shapes the TorchSharp rules rely on, read from the TorchSharp assembly the
    /// tests compile against (0.107.0): what moves in place and what returns a new tensor, what
    /// returns nothing, what must be disposed. Its native runtime does not load on this machine,
    /// so the shapes are checked in metadata, where a change of TorchSharp would show first.
    /// </summary>
    public class TorchSharpShapeTests
    {
        private static readonly Compilation Compilation = CSharpCompilation.Create(
            "TorchSharpShapes", references: TestReferences.Framework.AddRange(TestReferences.TorchSharp));

        private static INamedTypeSymbol Type(string metadataName) =>
            Compilation.GetTypeByMetadataName(metadataName) ?? throw new Xunit.Sdk.XunitException(metadataName + " not found");

        private static IMethodSymbol[] Methods(string type, string name) =>
            Type(type).GetMembers(name).OfType<IMethodSymbol>().ToArray();

        [Fact]
        public void A_tensors_device_moves_return_a_new_tensor()
        {
            foreach (var name in new[] { "to", "cuda", "cpu" })
            {
                var moves = Methods("TorchSharp.torch+Tensor", name);
                Assert.NotEmpty(moves);
                Assert.All(moves, move => Assert.Equal("TorchSharp.torch.Tensor", move.ReturnType.ToDisplayString()));
            }
        }

        [Fact]
        public void A_modules_device_moves_are_extensions_that_return_the_module_itself()
        {
            foreach (var name in new[] { "to", "cuda", "cpu" })
            {
                var moves = Methods("TorchSharp.ModuleExtensionMethods", name);
                Assert.NotEmpty(moves);
                Assert.All(moves, move =>
                {
                    Assert.True(move.IsExtensionMethod);
                    Assert.Equal(move.TypeParameters[0], move.ReturnType);
                });
            }
        }

        [Fact]
        public void Train_eval_and_zero_grad_switch_in_place_and_return_nothing()
        {
            Assert.All(Methods("TorchSharp.torch+nn+Module", "train"), m => Assert.True(m.ReturnsVoid));
            Assert.All(Methods("TorchSharp.torch+nn+Module", "eval"), m => Assert.True(m.ReturnsVoid));
            Assert.All(Methods("TorchSharp.torch+nn+Module", "zero_grad"), m => Assert.True(m.ReturnsVoid));
            Assert.All(Methods("TorchSharp.torch+optim+Optimizer", "zero_grad"), m => Assert.True(m.ReturnsVoid));
            Assert.All(Methods("TorchSharp.torch+Tensor", "backward"), m => Assert.True(m.ReturnsVoid));
        }

        [Fact]
        public void Gradient_modes_and_dispose_scopes_are_disposables()
        {
            foreach (var name in new[] { "no_grad", "inference_mode", "set_grad_enabled", "enable_grad" })
            {
                Assert.All(Methods("TorchSharp.torch", name), m => Assert.Equal("System.IDisposable", m.ReturnType.ToDisplayString()));
            }

            var scope = Type("TorchSharp.DisposeScope");
            Assert.Contains(scope.AllInterfaces, i => i.ToDisplayString() == "System.IDisposable");
            Assert.All(Methods("TorchSharp.torch", "NewDisposeScope"), m => Assert.Equal(scope, m.ReturnType));
            Assert.NotEmpty(Methods("TorchSharp.DisposeScope", "DisposeEverything"));
            Assert.NotEmpty(Methods("TorchSharp.DisposeScope", "DisposeEverythingBut"));
            Assert.NotEmpty(Methods("TorchSharp.torch+Tensor", "MoveToOuterDisposeScope"));
        }

        [Fact]
        public void Seeds_and_the_GPU_check_are_where_the_rules_look()
        {
            Assert.NotEmpty(Methods("TorchSharp.torch", "manual_seed"));
            Assert.NotEmpty(Methods("TorchSharp.torch+random", "manual_seed"));
            Assert.NotEmpty(Methods("TorchSharp.torch+cuda", "manual_seed_all"));
            Assert.All(Methods("TorchSharp.torch+cuda", "is_available"), m => Assert.Equal(SpecialType.System_Boolean, m.ReturnType.SpecialType));
            Assert.True(Type("TorchSharp.Loss`3").BaseType is { } lossBase && lossBase.ToDisplayString().StartsWith("TorchSharp.torch.nn.", System.StringComparison.Ordinal));
        }

        [Fact]
        public void Deterministic_algorithms_are_rejected_by_the_compiler()
        {
            var deterministic = Methods("TorchSharp.torch", "use_deterministic_algorithms");
            Assert.NotEmpty(deterministic);
            Assert.All(deterministic, m => Assert.Contains(m.GetAttributes(), a => a.AttributeClass?.Name == "ObsoleteAttribute" && a.ConstructorArguments.Length == 2 && a.ConstructorArguments[1].Value is true));
        }
    }
}
