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
    internal sealed class MemberValues
    {
        private readonly Dictionary<ILocalSymbol, List<IOperation>> _assigned = new(SymbolEqualityComparer.Default);
        private readonly HashSet<ILocalSymbol> _untrackable = new(SymbolEqualityComparer.Default);
        private readonly Dictionary<ILocalSymbol, List<ISimpleAssignmentOperation>> _memberWrites = new(SymbolEqualityComparer.Default);
        private readonly HashSet<IParameterSymbol> _writtenParameters = new(SymbolEqualityComparer.Default);

        private MemberValues(IOperation root)
        {
            foreach (var operation in root.DescendantsAndSelf())
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
                        if (!_memberWrites.TryGetValue(owner.Local, out var writes))
                        {
                            writes = new List<ISimpleAssignmentOperation>();
                            _memberWrites.Add(owner.Local, writes);
                        }

                        writes.Add(memberWrite);
                        break;
                    case IAssignmentOperation { Target: IParameterReferenceOperation parameter }:
                        _writtenParameters.Add(parameter.Parameter);
                        break;
                    case ICompoundAssignmentOperation { Target: ILocalReferenceOperation target }:
                        _untrackable.Add(target.Local);
                        break;
                    case IDeconstructionAssignmentOperation deconstruction:
                        foreach (var written in deconstruction.Target.DescendantsAndSelf())
                        {
                            if (written is ILocalReferenceOperation local)
                            {
                                _untrackable.Add(local.Local);
                            }
                        }

                        break;
                    case IArgumentOperation { Parameter: { RefKind: RefKind.Out or RefKind.Ref } } argument:
                        if (argument.Value is ILocalReferenceOperation refLocal)
                        {
                            _untrackable.Add(refLocal.Local);
                        }
                        else if (argument.Value is IParameterReferenceOperation refParameter)
                        {
                            _writtenParameters.Add(refParameter.Parameter);
                        }
                        else if (argument.Value is IDeclarationExpressionOperation { Expression: ILocalReferenceOperation declared })
                        {
                            _untrackable.Add(declared.Local);
                        }

                        break;
                    case IForEachLoopOperation loop:
                        foreach (var local in loop.Locals)
                        {
                            _untrackable.Add(local);
                        }

                        break;
                }
            }
        }

        /// <summary>Collects the values of the member whose operation tree <paramref name="root"/> is.</summary>
        public static MemberValues Build(IOperation root) => new(root);

        /// <summary>The values assigned to <paramref name="local"/>, when all its writes are known.</summary>
        public bool TryGetAssignedValues(ILocalSymbol local, out IReadOnlyList<IOperation> values)
        {
            if (!_untrackable.Contains(local) && _assigned.TryGetValue(local, out var list))
            {
                values = list;
                return true;
            }

            values = System.Array.Empty<IOperation>();
            return false;
        }

        /// <summary>The assignments <c>local.Member = value</c> made after the local was created.</summary>
        public IReadOnlyList<ISimpleAssignmentOperation> MemberWrites(ILocalSymbol local) =>
            _memberWrites.TryGetValue(local, out var writes) ? writes : (IReadOnlyList<ISimpleAssignmentOperation>)System.Array.Empty<ISimpleAssignmentOperation>();

        /// <summary>A parameter the member never assigns holds the caller's value throughout.</summary>
        public bool IsReassigned(IParameterSymbol parameter) => _writtenParameters.Contains(parameter);

        /// <summary>The one value a local holds, when it is assigned exactly once in a way we can follow.</summary>
        public IOperation? SingleValue(ILocalSymbol local) =>
            TryGetAssignedValues(local, out var values) && values.Count == 1 ? values[0] : null;

        private void Add(ILocalSymbol local, IOperation value)
        {
            if (!_assigned.TryGetValue(local, out var list))
            {
                list = new List<IOperation>();
                _assigned.Add(local, list);
            }

            list.Add(value);
        }
    }
}
