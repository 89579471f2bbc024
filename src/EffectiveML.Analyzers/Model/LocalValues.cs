using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace EffectiveML.Analyzers.Model
{
    /// <summary>
    /// What each local of one member (method body, initializer, with its lambdas and local functions)
    /// is assigned, collected in one walk. A local written in a way we cannot follow (out/ref
    /// argument, deconstruction, foreach, compound assignment) has no known values.
    /// </summary>
    internal sealed class LocalValues
    {
        // Created on first write: most members write none of them. Written only during the
        // member model's walk, read-only afterwards.
        private Dictionary<ILocalSymbol, List<IOperation>>? _assigned;
        private HashSet<ILocalSymbol>? _untrackable;
        private Dictionary<ILocalSymbol, List<ISimpleAssignmentOperation>>? _memberWrites;
        private HashSet<IParameterSymbol>? _writtenParameters;

        private LocalValues()
        {
        }

        /// <summary>A member that writes no local: most members. Never written to.</summary>
        internal static LocalValues None { get; } = new();

        /// <summary>
        /// Records what <paramref name="operation"/> writes; the member model calls it from its
        /// single walk, and the values exist once there is something to record.
        /// </summary>
        internal static void Visit(ref LocalValues? values, IOperation operation)
        {
            // The kind first: one enum test turns away most operations before any type test.
            switch (operation.Kind)
            {
                case OperationKind.VariableDeclarator:
                case OperationKind.SimpleAssignment:
                case OperationKind.CompoundAssignment:
                case OperationKind.CoalesceAssignment:
                case OperationKind.DeconstructionAssignment:
                case OperationKind.Argument:
                case OperationKind.Loop:
                    break;
                default:
                    return;
            }

            if (values is null)
            {
                if (!Writes(operation))
                {
                    return;
                }

                values = new LocalValues();
            }

            values.Visit(operation);
        }

        /// <summary>Whether <see cref="Visit(IOperation)"/> would record anything for the operation.</summary>
        private static bool Writes(IOperation operation) => operation switch
        {
            IVariableDeclaratorOperation { Initializer: not null } => true,
            ISimpleAssignmentOperation { Target: ILocalReferenceOperation or IMemberReferenceOperation { Instance: ILocalReferenceOperation } or IParameterReferenceOperation } => true,
            IAssignmentOperation { Target: IParameterReferenceOperation } => true,
            ICompoundAssignmentOperation { Target: ILocalReferenceOperation } => true,
            ICoalesceAssignmentOperation { Target: ILocalReferenceOperation } => true,
            IDeconstructionAssignmentOperation => true,
            IArgumentOperation { Value.Kind: OperationKind.LocalReference or OperationKind.ParameterReference or OperationKind.DeclarationExpression } argument
                => argument.Parameter is { RefKind: RefKind.Out or RefKind.Ref },
            IForEachLoopOperation { Locals.Length: > 0 } => true,
            _ => false,
        };

        private void Visit(IOperation operation)
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation { Initializer: { } initializer } declarator:
                    Add(declarator.Symbol, initializer.Value);
                    break;
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment:
                    Add(target.Local, assignment.Value);
                    break;
                case ISimpleAssignmentOperation { Target: IMemberReferenceOperation { Instance: ILocalReferenceOperation owner } } memberWrite:
                    _memberWrites ??= new Dictionary<ILocalSymbol, List<ISimpleAssignmentOperation>>(SymbolEqualityComparer.Default);
                    if (!_memberWrites.TryGetValue(owner.Local, out var writes))
                    {
                        writes = new List<ISimpleAssignmentOperation>();
                        _memberWrites.Add(owner.Local, writes);
                    }

                    writes.Add(memberWrite);
                    break;
                case IAssignmentOperation { Target: IParameterReferenceOperation parameter }:
                    WrittenParameters.Add(parameter.Parameter);
                    break;
                case ICompoundAssignmentOperation { Target: ILocalReferenceOperation target }:
                    Untrackable.Add(target.Local);
                    break;
                case ICoalesceAssignmentOperation { Target: ILocalReferenceOperation target }:
                    // local ??= value: which of its values it holds depends on the run.
                    Untrackable.Add(target.Local);
                    break;
                case IDeconstructionAssignmentOperation deconstruction:
                    foreach (var written in deconstruction.Target.DescendantsAndSelf())
                    {
                        if (written is ILocalReferenceOperation local)
                        {
                            Untrackable.Add(local.Local);
                        }
                    }

                    break;
                // The value first: it is at hand, while the parameter symbol is fetched from memory,
                // and few arguments are bare locals or parameters.
                case IArgumentOperation { Value.Kind: OperationKind.LocalReference or OperationKind.ParameterReference or OperationKind.DeclarationExpression } argument
                    when argument.Parameter is { RefKind: RefKind.Out or RefKind.Ref }:
                    if (argument.Value is ILocalReferenceOperation refLocal)
                    {
                        Untrackable.Add(refLocal.Local);
                    }
                    else if (argument.Value is IParameterReferenceOperation refParameter)
                    {
                        WrittenParameters.Add(refParameter.Parameter);
                    }
                    else if (argument.Value is IDeclarationExpressionOperation { Expression: ILocalReferenceOperation declared })
                    {
                        Untrackable.Add(declared.Local);
                    }

                    break;
                case IForEachLoopOperation loop:
                    foreach (var local in loop.Locals)
                    {
                        Untrackable.Add(local);
                    }

                    break;
            }
        }

        /// <summary>The values assigned to <paramref name="local"/>, when all its writes are known.</summary>
        public bool TryGetAssignedValues(ILocalSymbol local, out IReadOnlyList<IOperation> values)
        {
            if (_untrackable?.Contains(local) != true && _assigned is not null && _assigned.TryGetValue(local, out var list))
            {
                values = list;
                return true;
            }

            values = System.Array.Empty<IOperation>();
            return false;
        }

        /// <summary>The assignments <c>local.Member = value</c> made after the local was created.</summary>
        public IReadOnlyList<ISimpleAssignmentOperation> MemberWrites(ILocalSymbol local) =>
            _memberWrites is not null && _memberWrites.TryGetValue(local, out var writes) ? writes : (IReadOnlyList<ISimpleAssignmentOperation>)System.Array.Empty<ISimpleAssignmentOperation>();

        /// <summary>A parameter the member never assigns holds the caller's value throughout.</summary>
        public bool IsReassigned(IParameterSymbol parameter) => _writtenParameters?.Contains(parameter) == true;

        /// <summary>The one value a local holds, when it is assigned exactly once in a way we can follow.</summary>
        public IOperation? SingleValue(ILocalSymbol local) =>
            TryGetAssignedValues(local, out var values) && values.Count == 1 ? values[0] : null;

        private HashSet<ILocalSymbol> Untrackable => _untrackable ??= new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);

        private HashSet<IParameterSymbol> WrittenParameters => _writtenParameters ??= new HashSet<IParameterSymbol>(SymbolEqualityComparer.Default);

        private void Add(ILocalSymbol local, IOperation value)
        {
            _assigned ??= new Dictionary<ILocalSymbol, List<IOperation>>(SymbolEqualityComparer.Default);
            if (!_assigned.TryGetValue(local, out var list))
            {
                list = new List<IOperation>();
                _assigned.Add(local, list);
            }

            list.Add(value);
        }
    }
}
