using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace EffectiveML.Analyzers.Model.Torch
{
    /// <summary>
    /// The TorchSharp types the TorchSharp rules match against, and what a TorchSharp call is
    /// (<see cref="KindOf"/>). Resolved once per compilation, when a rule first asks. Verified
    /// against TorchSharp 0.107.0: <c>Module.train(bool)</c>/<c>eval()</c>/<c>zero_grad(bool)</c>
    /// return void, <c>Optimizer.step(Func&lt;Tensor&gt;)</c> returns the closure's loss,
    /// <c>Tensor.to</c>/<c>cuda</c>/<c>cpu</c> return a new tensor while the module extensions
    /// move the module in place, and <c>torch.no_grad()</c>/<c>inference_mode()</c> return an
    /// <c>IDisposable</c> that restores the gradient mode when disposed.
    /// </summary>
    internal sealed class TorchApi
    {
        public TorchApi(KnownSymbols symbols)
        {
            Torch = symbols.Torch;
            Tensor = symbols.MLType("TorchSharp.torch+Tensor");
            Module = symbols.MLType("TorchSharp.torch+nn+Module");
            Optimizer = symbols.TorchOptimizer;
            DisposeScope = symbols.MLType("TorchSharp.DisposeScope");
            Device = symbols.MLType("TorchSharp.torch+Device");
            DeviceType = symbols.MLType("TorchSharp.DeviceType");
            Random = symbols.MLType("TorchSharp.torch+random");
            Cuda = symbols.MLType("TorchSharp.torch+cuda");
            Loss = symbols.MLType("TorchSharp.Loss`3");
            _symbols = symbols;
        }

        private readonly KnownSymbols _symbols;

        public INamedTypeSymbol? Torch { get; }
        public INamedTypeSymbol? Tensor { get; }
        /// <summary>Base of every TorchSharp module, losses included.</summary>
        public INamedTypeSymbol? Module { get; }
        public INamedTypeSymbol? Optimizer { get; }
        public INamedTypeSymbol? DisposeScope { get; }
        public INamedTypeSymbol? Device { get; }
        public INamedTypeSymbol? DeviceType { get; }
        /// <summary><c>torch.random</c>: <c>manual_seed</c>.</summary>
        public INamedTypeSymbol? Random { get; }
        /// <summary><c>torch.cuda</c>: <c>is_available</c>, <c>manual_seed</c>.</summary>
        public INamedTypeSymbol? Cuda { get; }
        /// <summary>Base of the loss modules (<c>Loss&lt;T1, T2, TResult&gt;</c>): a forward pass of one computes a loss, not a prediction.</summary>
        public INamedTypeSymbol? Loss { get; }

        public bool IsTensor(ITypeSymbol? type) => MLApi.Is(type, Tensor);

        /// <summary>A symbol declared in TorchSharp itself (not ML.NET).</summary>
        public bool IsTorchSharp(ISymbol symbol) =>
            Torch is not null && ReferenceEquals(symbol.ContainingAssembly, Torch.ContainingAssembly);

        public bool IsModule(ITypeSymbol? type) => KnownSymbols.InheritsFrom(type, Module);

        public bool IsLossModule(ITypeSymbol? type) => KnownSymbols.InheritsFrom(type, Loss);

        public bool IsOptimizer(ITypeSymbol? type) => KnownSymbols.InheritsFrom(type, Optimizer);

        public bool IsDisposeScope(ITypeSymbol? type) => MLApi.Is(type, DisposeScope);

        /// <summary>A value that holds tensors: a tensor, or a tuple with a tensor among its elements.</summary>
        public bool HoldsTensors(ITypeSymbol? type)
        {
            if (IsTensor(type))
            {
                return true;
            }

            if (type is INamedTypeSymbol { IsTupleType: true } tuple)
            {
                foreach (var element in tuple.TupleElements)
                {
                    if (IsTensor(element.Type))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>What a call does in a training or inference loop; <see cref="TorchCallKind.None"/> for anything else.</summary>
        public TorchCallKind KindOf(IInvocationOperation call)
        {
            var method = call.TargetMethod;
            var containing = method.ContainingType;
            switch (method.Name)
            {
                case "backward" when IsTensor(containing):
                    return TorchCallKind.Backward;
                case "step" when IsOptimizer(containing):
                    return TorchCallKind.Step;
                case "zero_grad" when IsOptimizer(containing) || IsModule(containing):
                    return TorchCallKind.ZeroGrad;
                case "train" when IsModule(containing):
                    return FirstArgumentIsFalse(call) ? TorchCallKind.Eval : TorchCallKind.Train;
                case "eval" when IsModule(containing):
                    return TorchCallKind.Eval;
                case "load" or "load_state_dict" when IsModule(containing) && _symbols.IsMLSymbol(method):
                    return TorchCallKind.Load;
                case "no_grad" or "inference_mode" when MLApi.Is(containing, Torch):
                    return FirstArgumentIsFalse(call) ? TorchCallKind.None : TorchCallKind.GradientsOff;
                case "set_grad_enabled" or "enable_grad" when MLApi.Is(containing, Torch):
                    return FirstArgumentIsFalse(call) ? TorchCallKind.GradientsOff : TorchCallKind.None;
                case "manual_seed" or "manual_seed_all" when MLApi.Is(containing, Torch) || MLApi.Is(containing, Random) || MLApi.Is(containing, Cuda):
                    return TorchCallKind.Seed;
                case "is_available" or "device_count" when MLApi.Is(containing, Cuda):
                    return TorchCallKind.CudaCheck;
                case "rand" or "randn" or "randint" or "randperm" or "rand_like" or "randn_like" or "randint_like" or "normal" or "bernoulli" or "multinomial" or "poisson"
                    when MLApi.Is(containing, Torch) && !HasGenerator(call):
                    return TorchCallKind.RandomTensor;
                case "forward" or "call" when IsForward(method):
                    return TorchCallKind.Forward;
                default:
                    return TorchCallKind.None;
            }
        }

        /// <summary>
        /// A module's forward pass: TorchSharp's <c>forward</c> or <c>call</c>, or a user module's
        /// override of <c>forward</c>.
        /// </summary>
        public bool IsForward(IMethodSymbol method)
        {
            for (var current = method; current is not null; current = current.OverriddenMethod)
            {
                if (current.Name is "forward" or "call" && _symbols.IsMLSymbol(current) && IsModule(current.ContainingType))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The variable a call's receiver names (<see cref="ValueTracker.Variable"/>), or null for any other receiver.</summary>
        public static ISymbol? ReceiverSymbol(IInvocationOperation call) =>
            ValueTracker.Receiver(call) is { } receiver ? ValueTracker.Variable(receiver) : null;

        /// <summary>The call's first argument is the constant <c>false</c>: <c>train(false)</c>, <c>set_grad_enabled(false)</c>.</summary>
        private static bool FirstArgumentIsFalse(IInvocationOperation call)
        {
            foreach (var argument in call.Arguments)
            {
                if (argument.Parameter?.Ordinal == 0)
                {
                    return argument.Value.ConstantValue is { HasValue: true, Value: false };
                }
            }

            return false;
        }

        /// <summary>A generator passed (not null): the random numbers come from a seeded source of the caller's.</summary>
        private static bool HasGenerator(IInvocationOperation call)
        {
            foreach (var argument in call.Arguments)
            {
                if (argument.Parameter?.Name == "generator" && argument.ArgumentKind == ArgumentKind.Explicit && argument.Value.ConstantValue is not { HasValue: true, Value: null })
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>What a TorchSharp call does in a training or inference loop.</summary>
    internal enum TorchCallKind
    {
        None,
        /// <summary><c>loss.backward()</c>: computes gradients.</summary>
        Backward,
        /// <summary><c>optimizer.step()</c>: one training step.</summary>
        Step,
        /// <summary><c>optimizer.zero_grad()</c> or <c>module.zero_grad()</c>.</summary>
        ZeroGrad,
        /// <summary><c>module.train()</c>.</summary>
        Train,
        /// <summary><c>module.eval()</c> or <c>module.train(false)</c>.</summary>
        Eval,
        /// <summary>A module's forward pass.</summary>
        Forward,
        /// <summary><c>module.load(path)</c>, <c>module.load_state_dict(…)</c>.</summary>
        Load,
        /// <summary><c>torch.no_grad()</c>, <c>torch.inference_mode()</c>, <c>torch.set_grad_enabled(false)</c>.</summary>
        GradientsOff,
        /// <summary><c>torch.manual_seed</c>, <c>torch.random.manual_seed</c>, <c>torch.cuda.manual_seed(_all)</c>.</summary>
        Seed,
        /// <summary><c>torch.cuda.is_available()</c>, <c>torch.cuda.device_count()</c>.</summary>
        CudaCheck,
        /// <summary><c>torch.rand</c>, <c>randn</c>, <c>randint</c>, <c>randperm</c>, <c>normal</c>, <c>bernoulli</c> … without a <c>generator:</c>: drawn from torch's global generator.</summary>
        RandomTensor,
    }
}
