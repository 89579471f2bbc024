using System.Collections.Generic;
using System.Collections.Immutable;
using EffectiveML.Analyzers.Infrastructure;
using EffectiveML.Analyzers.Model;
using EffectiveML.Analyzers.Model.Torch;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace EffectiveML.Analyzers.Rules.Impact
{
    /// <summary>
    /// EML2006: a loop whose body creates tensors (a TorchSharp call or a module's forward pass
    /// that returns one, an operator, a tensor's indexer, a conversion from a scalar) that no
    /// disposal reaches. Calls of other libraries and of your own methods are not counted: a
    /// dictionary lookup or a getter returns a tensor that already exists. Disposed means: under a
    /// dispose scope opened in the body, or under one opened before the loop that the body empties
    /// each iteration (<c>DisposeEverything</c>, <c>DisposeEverythingBut</c>); held by <c>using</c>;
    /// kept in a local that is disposed, moved out of its scope, returned or stored (a field, a
    /// collection, another method); returned or stored directly. Temporaries (a tensor consumed by
    /// the next operation and never named) count only in a body that disposes nothing: a body that
    /// disposes its tensors one by one is taken as managing its memory. A scope opened before the
    /// loop and never emptied in it is named in the message: every iteration's tensors pile up
    /// until the loop ends. A body with code that does not compile is left alone.
    /// </summary>
    public sealed class TensorsNotDisposedInLoopRule : Rule
    {
        public const string Id = "EML2006";

        internal static readonly DiagnosticDescriptor Descriptor = Descriptors.Create(
            Id,
            "Tensors created in a loop without disposal",
            "This loop creates tensors every iteration ('{0}') {1}",
            DiagnosticSeverity.Warning,
            "A TorchSharp tensor holds native memory that the .NET garbage collector does not see: it frees the memory only when a finalizer happens to run, long after the loop has allocated gigabytes. A training or inference loop must dispose what each iteration creates, most simply with using (torch.NewDisposeScope()) around the body, MoveToOuterDisposeScope() for what must outlive the iteration, or using var per tensor.");

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
                if (model.Loops.Count == 0 || !MakesTensors(model, torch))
                {
                    return;
                }

                for (var index = 0; index < model.Loops.Count; index++)
                {
                    var loop = model.Loops[index];
                    member.CancellationToken.ThrowIfCancellationRequested();
                    var leak = new LoopBody(loop, model, torch).Find();
                    if (leak is null)
                    {
                        continue;
                    }

                    var scope = leak.Value.OuterScope;
                    var how = scope is null
                        ? "and nothing disposes them: their native memory, which the garbage collector does not see, grows with every iteration; wrap the body in using (torch.NewDisposeScope())"
                        : "inside the dispose scope '" + Describe.Code(scope.Syntax) + "' opened before the loop: they pile up until the loop ends; open a scope in the body, using (torch.NewDisposeScope()), or empty this one each iteration with DisposeEverything()";
                    member.ReportDiagnostic(Diagnostic.Create(
                        Descriptor,
                        loop.Syntax.GetFirstToken().GetLocation(),
                        new[] { loop.Body.Syntax.GetLocation() },
                        Describe.Code(leak.Value.Creation.Syntax),
                        how));
                }
            });
        }

        private static bool MakesTensors(MemberModel model, TorchApi torch)
        {
            for (var index = 0; index < model.Invocations.Count; index++)
            {
                var call = model.Invocations[index];
                if (torch.HoldsTensors(call.Type))
                {
                    return true;
                }
            }

            return false;
        }

        private readonly struct Leak
        {
            public Leak(IOperation creation, IOperation? outerScope)
            {
                Creation = creation;
                OuterScope = outerScope;
            }

            public IOperation Creation { get; }

            public IOperation? OuterScope { get; }
        }

        /// <summary>What one loop's body creates and disposes.</summary>
        private sealed class LoopBody
        {
            private readonly ILoopOperation _loop;
            private readonly MemberModel _model;
            private readonly TorchApi _torch;

            public LoopBody(ILoopOperation loop, MemberModel model, TorchApi torch)
            {
                _loop = loop;
                _model = model;
                _torch = torch;
            }

            /// <summary>
            /// One walk over the body: the loop's own operations are judged, those of nested loop
            /// bodies, lambdas and local functions only looked at for code that does not compile
            /// (each nested loop is judged on its own).
            /// </summary>
            public Leak? Find()
            {
                IOperation? firstTemporary = null;
                IOperation? firstNamedLeak = null;
                var disposesSomething = false;
                var pending = new Stack<(IOperation Operation, bool Own)>();
                pending.Push((_loop.Body, true));
                while (pending.Count > 0)
                {
                    var (operation, own) = pending.Pop();

                    // A body that does not compile may hold the disposal the rule would miss.
                    if (operation is IInvalidOperation)
                    {
                        return null;
                    }

                    foreach (var child in operation.ChildOperations)
                    {
                        var nested = (operation is ILoopOperation loop && loop.Body == child) || child is IAnonymousFunctionOperation or ILocalFunctionOperation;
                        pending.Push((child, own && !nested));
                    }

                    if (!own)
                    {
                        continue;
                    }

                    if (operation is IInvocationOperation { TargetMethod.Name: "DisposeEverything" or "DisposeEverythingBut" } emptying
                        && _torch.IsDisposeScope(emptying.TargetMethod.ContainingType))
                    {
                        return null;
                    }

                    if (!IsCreation(operation) || InScopeWithinBody(operation))
                    {
                        continue;
                    }

                    switch (Fate(operation))
                    {
                        case CreationFate.Disposed:
                            disposesSomething = true;
                            break;
                        case CreationFate.Temporary:
                            firstTemporary = SourceOrder.Earlier(firstTemporary, operation);
                            break;
                        case CreationFate.Leaked:
                            firstNamedLeak = SourceOrder.Earlier(firstNamedLeak, operation);
                            break;
                    }
                }

                // Temporaries count only in a body that disposes nothing itself.
                var leak = disposesSomething ? firstNamedLeak : SourceOrder.Earlier(firstNamedLeak, firstTemporary);
                return leak is null ? null : new Leak(leak, OuterScope());
            }

            private bool IsCreation(IOperation operation)
            {
                switch (operation)
                {
                    case IInvocationOperation call:
                        var method = call.TargetMethod;
                        return _torch.HoldsTensors(call.Type)
                            && (_model.Symbols.IsMLSymbol(method) || _torch.IsForward(method))
                            && !method.Name.EndsWith("_", System.StringComparison.Ordinal)
                            && method.Name is not ("MoveToOuterDisposeScope" or "DetachFromDisposeScope" or "print" or "retain_grad")
                            && !_torch.IsDisposeScope(method.ContainingType)
                            && !_torch.IsOptimizer(method.ContainingType);
                    case IBinaryOperation { OperatorMethod: not null } binary:
                        return _torch.IsTensor(binary.Type);
                    case IUnaryOperation { OperatorMethod: not null } unary:
                        return _torch.IsTensor(unary.Type);
                    case ICompoundAssignmentOperation { OperatorMethod: not null } compound:
                        return _torch.IsTensor(compound.Type);
                    case IConversionOperation { OperatorMethod: not null } conversion:
                        return _torch.IsTensor(conversion.Type);
                    case IPropertyReferenceOperation { Property.IsIndexer: true } indexer:
                        return _torch.IsTensor(indexer.Type) && _torch.IsTensor(indexer.Property.ContainingType);
                    default:
                        return false;
                }
            }

            /// <summary>Under a dispose scope opened inside the loop's body: a <c>using</c> statement or a <c>using var</c> declared earlier in an enclosing block.</summary>
            private bool InScopeWithinBody(IOperation operation)
            {
                var child = operation;
                for (var parent = operation.Parent; parent is not null && child != _loop.Body; child = parent, parent = parent.Parent)
                {
                    if (Enclosing.UsingOver(parent, child, _torch, HoldsDisposeScope) is not null)
                    {
                        return true;
                    }
                }

                return false;
            }

            /// <summary>The dispose scope opened before the loop, around it, within the member's function.</summary>
            private IOperation? OuterScope()
            {
                IOperation child = _loop;
                for (var parent = _loop.Parent; parent is not null; child = parent, parent = parent.Parent)
                {
                    if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation)
                    {
                        return null;
                    }

                    if (Enclosing.UsingOver(parent, child, _torch, HoldsDisposeScope) is { } scope)
                    {
                        return scope;
                    }
                }

                return null;
            }

            /// <summary>The resources of a <c>using</c> hold a dispose scope: <c>torch.NewDisposeScope()</c>, or a variable of its type.</summary>
            private static bool HoldsDisposeScope(IOperation resources, TorchApi torch)
            {
                if (torch.IsDisposeScope(resources.Type))
                {
                    return true;
                }

                foreach (var declarator in resources.DescendantsAndSelf())
                {
                    if (declarator is IVariableDeclaratorOperation { Symbol: { } local } && torch.IsDisposeScope(local.Type))
                    {
                        return true;
                    }
                }

                return false;
            }

            /// <summary>What becomes of a tensor the loop creates.</summary>
            private CreationFate Fate(IOperation creation)
            {
                if (creation is ICompoundAssignmentOperation compound)
                {
                    return FateOfStored(compound.Target);
                }

                var value = creation;
                while (value.Parent is IConversionOperation or IParenthesizedOperation)
                {
                    value = value.Parent;
                }

                switch (value.Parent)
                {
                    case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                        return InUsing(declarator) ? CreationFate.Disposed : FateOfLocal(declarator.Symbol);
                    case ISimpleAssignmentOperation assignment when assignment.Value == value:
                        return FateOfStored(assignment.Target);
                    case IDeconstructionAssignmentOperation deconstruction when deconstruction.Value == value:
                        return FateOfDeconstructed(deconstruction.Target);
                    case IReturnOperation:
                        return CreationFate.Kept;
                    case IUsingOperation:
                        return CreationFate.Disposed;
                    case IArgumentOperation { Parent: { } callee }:
                        return GivenAway(callee) ? CreationFate.Kept : CreationFate.Temporary;
                    case IInvocationOperation call when call.Instance == value:
                        return call.TargetMethod.Name is "Dispose" ? CreationFate.Disposed
                            : call.TargetMethod.Name is "MoveToOuterDisposeScope" or "DetachFromDisposeScope" ? CreationFate.Kept
                            : CreationFate.Temporary;
                    case IArrayInitializerOperation or ITupleOperation:
                        return CreationFate.Kept;
                    default:
                        return CreationFate.Temporary;
                }
            }

            private CreationFate FateOfStored(IOperation target) =>
                ValueTracker.Unwrap(target) switch
                {
                    ILocalReferenceOperation local => FateOfLocal(local.Local),
                    IDeclarationExpressionOperation { Expression: ILocalReferenceOperation local } => FateOfLocal(local.Local),
                    IDiscardOperation => CreationFate.Temporary,
                    _ => CreationFate.Kept,
                };

            private CreationFate FateOfDeconstructed(IOperation target)
            {
                var fate = CreationFate.Kept;
                foreach (var part in target.DescendantsAndSelf())
                {
                    if (part is ILocalReferenceOperation local && _torch.IsTensor(local.Type) && FateOfLocal(local.Local) == CreationFate.Leaked)
                    {
                        fate = CreationFate.Leaked;
                    }
                }

                return fate;
            }

            private static bool InUsing(IVariableDeclaratorOperation declarator)
            {
                for (var parent = declarator.Parent; parent is not null; parent = parent.Parent)
                {
                    switch (parent)
                    {
                        case IUsingDeclarationOperation:
                        case IUsingOperation:
                            return true;
                        case IVariableDeclarationOperation:
                        case IVariableDeclarationGroupOperation:
                            continue;
                        default:
                            return false;
                    }
                }

                return false;
            }

            /// <summary>A local is disposed, moved out of a scope, returned or stored somewhere that outlives it; otherwise what it holds leaks.</summary>
            private CreationFate FateOfLocal(ILocalSymbol local)
            {
                if (!_torch.HoldsTensors(local.Type))
                {
                    return CreationFate.Kept;
                }

                foreach (var reference in _model.ReferencesTo(local))
                {
                    IOperation use = reference;
                    while (use.Parent is IConversionOperation or IParenthesizedOperation)
                    {
                        use = use.Parent;
                    }

                    switch (use.Parent)
                    {
                        case IInvocationOperation call when call.Instance == use:
                            if (call.TargetMethod.Name is "Dispose")
                            {
                                return CreationFate.Disposed;
                            }

                            if (call.TargetMethod.Name is "MoveToOuterDisposeScope" or "DetachFromDisposeScope")
                            {
                                return CreationFate.Kept;
                            }

                            break;
                        case IConditionalAccessOperation { Operation: var accessed, WhenNotNull: IInvocationOperation { TargetMethod.Name: "Dispose" } } when accessed == use:
                            return CreationFate.Disposed;
                        case IUsingOperation:
                            return CreationFate.Disposed;
                        case IReturnOperation:
                        case IArrayInitializerOperation:
                        case ITupleOperation:
                            return CreationFate.Kept;
                        case ISimpleAssignmentOperation assignment when assignment.Value == use && ValueTracker.Unwrap(assignment.Target) is not (ILocalReferenceOperation or IDiscardOperation):
                            return CreationFate.Kept;
                        case IArgumentOperation { Parent: { } callee } when GivenAway(callee):
                            return CreationFate.Kept;
                        case IAnonymousFunctionOperation:
                            return CreationFate.Kept;
                    }

                    if (Enclosing.Lambda(reference) is { } lambda && !Enclosing.IsWithin(lambda, _loop))
                    {
                        return CreationFate.Kept;
                    }
                }

                return CreationFate.Leaked;
            }

            /// <summary>
            /// A tensor passed to code that may keep it: a collection's Add, a user method, a
            /// dispose scope's MoveToOuter or Detach. A TorchSharp operation or a module's forward
            /// pass only reads it.
            /// </summary>
            private bool GivenAway(IOperation callee)
            {
                switch (callee)
                {
                    case IInvocationOperation call:
                        var method = call.TargetMethod;
                        if (_torch.IsDisposeScope(method.ContainingType))
                        {
                            return method.Name is "MoveToOuter" or "Detach";
                        }

                        return !_model.Symbols.IsMLSymbol(method) && !_torch.IsForward(method) && !_torch.IsModule(method.ContainingType);
                    case IObjectCreationOperation creation:
                        return !_model.Symbols.IsMLSymbol(creation.Constructor);
                    default:
                        return true;
                }
            }
        }

        private enum CreationFate
        {
            /// <summary>Consumed by the next operation and never named.</summary>
            Temporary,
            /// <summary>Held by a <c>using</c> or disposed explicitly.</summary>
            Disposed,
            /// <summary>Returned, stored, moved out of its scope or handed to code that may keep it.</summary>
            Kept,
            /// <summary>Kept in a local that nothing disposes.</summary>
            Leaked,
        }
    }
}
