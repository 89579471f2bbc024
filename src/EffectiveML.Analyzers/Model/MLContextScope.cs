using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using EffectiveML.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace EffectiveML.Analyzers.Model
{
    /// <summary>Where a reader of a scope reports, and what it reads its options with.</summary>
    internal readonly struct ScopeEnd
    {
        private readonly Action<Diagnostic> _report;

        public ScopeEnd(Action<Diagnostic> report, AnalyzerOptions options, CancellationToken cancellationToken)
        {
            _report = report;
            Options = options;
            CancellationToken = cancellationToken;
        }

        public AnalyzerOptions Options { get; }

        public CancellationToken CancellationToken { get; }

        public void ReportDiagnostic(Diagnostic diagnostic) => _report(diagnostic);
    }

    /// <summary>
    /// The MLContexts of one type: every call that draws on a context's randomness, every
    /// assignment to the type's MLContext fields and properties, and every context the type's
    /// members pass to its methods, so that a call through a field or a parameter can be traced to
    /// the creation behind it. One scope serves the rules that read it (EML5001, EML5002, EML5007).
    /// Only a field, a property or a method's parameter can carry a context from one member of a
    /// type to another (a call result is an origin of its own), so a type that declares none of
    /// MLContext type is read one member at a time, as soon as the member is analyzed: its scope
    /// is that member. A type that declares one is read when it is complete, which needs a type
    /// scope of the driver's, the kind that makes the driver track every member's actions; only
    /// those types get one. Either way the uses are found when the scope is read, and only those a
    /// rule asks for: most scopes create no unseeded context, and then only the calls that take a
    /// seed of their own matter. Members of a type are collected concurrently, under one lock; the
    /// driver reads the type's end only after all of them.
    /// </summary>
    internal sealed class MLContextScope
    {
        private readonly object _gate = new();
        private readonly KnownSymbols _symbols;
        private readonly INamedTypeSymbol _type;
        private readonly List<MemberModel> _members = new();
        private readonly MemberModelCache _models;
        private Dictionary<ISymbol, List<IOperation>>? _memberAssignments;
        private Dictionary<IParameterSymbol, List<IOperation>>? _passedArguments;
        private HashSet<IMethodSymbol>? _methodsUsedAsValues;
        private Dictionary<IInvocationOperation, List<ValueOrigin>>? _originsByCall;
        private Dictionary<ISymbol, List<ValueOrigin>>? _originsByRoot;
        private List<RandomnessUse>? _uses;
        private List<RandomnessUse>? _seedTakingUses;
        private bool _createsUnseededContext;
        private ValueTracker? _tracker;

        private MLContextScope(KnownSymbols symbols, INamedTypeSymbol type, MemberModelCache models)
        {
            _symbols = symbols;
            _type = type;
            _models = models;
        }

        /// <summary>
        /// Some member of the scope creates an MLContext without a seed: only then can a use of the
        /// scope's contexts be traced to one (EML5001 follows contexts within the type).
        /// </summary>
        public bool CreatesUnseededContext => _createsUnseededContext;

        /// <summary>The members read into the scope, in the order they arrived.</summary>
        public IReadOnlyList<MemberModel> Members => _members;

        /// <summary>Every use, in source order: members arrive in any order under concurrent execution, messages must not.</summary>
        public IReadOnlyList<RandomnessUse> Uses => _uses ??= InSourceOrder(_members.SelectMany(member => member.RandomnessUses));

        /// <summary>
        /// The splits, shuffles and cross-validations, which take a seed of their own, in source
        /// order. When no rule needed every use, only the calls of those names are judged.
        /// </summary>
        public IReadOnlyList<RandomnessUse> SeedTakingUses => _seedTakingUses ??= _uses is not null
            ? _uses.Where(use => use.TakesSeed).ToList()
            : InSourceOrder(FindSeedTakingUses());

        private List<RandomnessUse> FindSeedTakingUses()
        {
            var uses = new List<RandomnessUse>();
            foreach (var member in _members)
            {
                var calls = member.Invocations;
                for (var i = 0; i < calls.Count; i++)
                {
                    if (RandomnessUse.MayTakeSeed(calls[i].TargetMethod.Name) && RandomnessUse.TryCreate(calls[i], _symbols, member.Values) is { TakesSeed: true } use)
                    {
                        uses.Add(use);
                    }
                }
            }

            return uses;
        }

        private static List<RandomnessUse> InSourceOrder(IEnumerable<RandomnessUse> uses) => InSourceOrder(uses.ToList());

        private static List<RandomnessUse> InSourceOrder(List<RandomnessUse> uses)
        {
            if (uses.Count > 1)
            {
                uses.Sort(InSourceOrder);
            }

            return uses;
        }

        /// <summary>
        /// By path across files (a partial type spans several), compared only then; within a file by
        /// position, an outer call before the call it starts with (<c>ml.…Trainers.Sdca().Fit(data)</c>).
        /// </summary>
        private static int InSourceOrder(RandomnessUse left, RandomnessUse right)
        {
            var leftSyntax = left.Invocation.Syntax;
            var rightSyntax = right.Invocation.Syntax;
            if (leftSyntax.SyntaxTree != rightSyntax.SyntaxTree
                && string.CompareOrdinal(leftSyntax.SyntaxTree.FilePath, rightSyntax.SyntaxTree.FilePath) is var byPath and not 0)
            {
                return byPath;
            }

            var byStart = leftSyntax.SpanStart.CompareTo(rightSyntax.SpanStart);
            return byStart != 0 ? byStart : rightSyntax.Span.End.CompareTo(leftSyntax.Span.End);
        }

        private ValueTracker Tracker => _tracker ??= new ValueTracker(_models, AssignmentsInView, ArgumentsInView);

        /// <summary>
        /// The rules that read the scopes, in the order they registered, and the type scopes being
        /// collected: a type's scope is read when the type is done, a member's as soon as it is
        /// analyzed. One reading per scope, whichever rules read it.
        /// </summary>
        internal sealed class Readers
        {
            // Filled while the compilation starts, read only once types are analyzed.
            private readonly List<Action<ScopeEnd, MLContextScope>> _readers = new();
            private readonly ConcurrentDictionary<INamedTypeSymbol, MLContextScope> _typeScopes = new(SymbolEqualityComparer.Default);
            private readonly KnownSymbols _symbols;

            public Readers(KnownSymbols symbols) => _symbols = symbols;

            public void Add(Action<ScopeEnd, MLContextScope> reader) => _readers.Add(reader);

            /// <summary>
            /// Only a type whose members can pass a context among themselves needs a scope of its
            /// own: one that declares a field, property or method parameter of type MLContext. The
            /// members of every other type are read one at a time, and for them nothing is
            /// registered, which keeps the driver from tracking their members' actions.
            /// </summary>
            public void OpenTypeScope(SymbolStartAnalysisContext start)
            {
                var type = (INamedTypeSymbol)start.Symbol;
                var scope = new MLContextScope(_symbols, type, _symbols.Models);
                _typeScopes[type] = scope;
                start.RegisterSymbolEndAction(end =>
                {
                    lock (scope._gate)
                    {
                        if (scope._members.Count > 0)
                        {
                            Read(new ScopeEnd(end.ReportDiagnostic, end.Options, end.CancellationToken), scope);
                        }
                    }

                    // Letting go frees the type's operations (and so its members' models) once all are done.
                    _typeScopes.TryRemove(type, out _);
                });
            }

            private void Read(ScopeEnd context, MLContextScope scope)
            {
                foreach (var reader in _readers)
                {
                    reader(context, scope);
                }
            }

            /// <summary>Collects a member into its type's scope, or reads the member as a scope of its own.</summary>
            public void OnMember(OperationBlockAnalysisContext block, MemberModel model)
            {
                var owner = block.OwningSymbol;
                if ((owner as INamedTypeSymbol ?? owner.ContainingType) is not { } type)
                {
                    return;
                }

                if (_typeScopes.TryGetValue(type, out var typeScope))
                {
                    lock (typeScope._gate)
                    {
                        typeScope.Collect(model);
                    }

                    return;
                }

                if (!MayHaveFindings(model))
                {
                    return;
                }

                var scope = new MLContextScope(model.Symbols, type, model.Symbols.Models);
                scope.Collect(model);
                Read(new ScopeEnd(block.ReportDiagnostic, block.Options, block.CancellationToken), scope);
            }

            /// <summary>
            /// What a rule can report about a member read alone: an MLContext it creates (a context
            /// created in view is what EML5001 and EML5007 look for), or a call that takes a seed of
            /// its own (EML5002). Most members have neither, and then no scope is built for them.
            /// </summary>
            private static bool MayHaveFindings(MemberModel model)
            {
                var creations = model.ObjectCreations;
                for (var i = 0; i < creations.Count; i++)
                {
                    if (model.Symbols.IsMLContext(creations[i].Type))
                    {
                        return true;
                    }
                }

                // Every call, not only ML.NET's: an extension method of the user's on a catalog counts too.
                var calls = model.Invocations;
                for (var i = 0; i < calls.Count; i++)
                {
                    if (RandomnessUse.MayTakeSeed(calls[i].TargetMethod.Name))
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        /// <summary>
        /// Where the context behind a call comes from (a use, or any call made on a context's
        /// catalogs). A call whose receiver chain ends somewhere other than an MLContext (an
        /// estimator parameter, say) reports that end as its origin.
        /// </summary>
        public IReadOnlyList<ValueOrigin> ContextOrigins(RandomnessUse use) => ContextOrigins(use.Invocation);

        /// <inheritdoc cref="ContextOrigins(RandomnessUse)"/>
        public IReadOnlyList<ValueOrigin> ContextOrigins(IInvocationOperation call)
        {
            _originsByCall ??= new Dictionary<IInvocationOperation, List<ValueOrigin>>();
            if (!_originsByCall.TryGetValue(call, out var origins))
            {
                origins = TraceContextOrigins(call);
                _originsByCall.Add(call, origins);
            }

            return origins;
        }

        private List<ValueOrigin> TraceContextOrigins(IInvocationOperation call)
        {
            var receiver = ValueTracker.Receiver(call);
            if (receiver is null)
            {
                return new List<ValueOrigin>();
            }

            if (DirectRoot(receiver) is { } direct)
            {
                return OriginsOf(direct.Root, direct.Symbol);
            }

            var origins = new List<ValueOrigin>();

            foreach (var root in Tracker.ReceiverRoots(receiver, operation => _symbols.IsMLContext(operation.Type)))
            {
                if (RootSymbol(root) is not { } symbol)
                {
                    origins.AddRange(Tracker.Origins(root));
                    continue;
                }

                origins.AddRange(OriginsOf(root, symbol));
            }

            return origins;
        }

        /// <summary>
        /// Most uses of a scope reach their context through the same few locals and fields, whose
        /// origins do not depend on which use asks: each is traced once. The list is shared; no
        /// caller changes it.
        /// </summary>
        private List<ValueOrigin> OriginsOf(IOperation root, ISymbol symbol)
        {
            _originsByRoot ??= new Dictionary<ISymbol, List<ValueOrigin>>(SymbolEqualityComparer.Default);
            if (!_originsByRoot.TryGetValue(symbol, out var known))
            {
                known = Tracker.Origins(root);
                _originsByRoot.Add(symbol, known);
            }

            return known;
        }

        /// <summary>
        /// The usual receiver, <c>ml.BinaryClassification.Trainers</c>: a chain of member reads
        /// straight down to a context held in a local, field or property. It has one root, the one
        /// the general walk would find, reached here without its bookkeeping.
        /// </summary>
        private (IOperation Root, ISymbol Symbol)? DirectRoot(IOperation receiver)
        {
            var operation = ValueTracker.Unwrap(receiver);
            while (!_symbols.IsMLContext(operation.Type))
            {
                if (operation is not IMemberReferenceOperation { Instance: { } instance } || instance is IInstanceReferenceOperation)
                {
                    return null;
                }

                operation = ValueTracker.Unwrap(instance);
            }

            return RootSymbol(operation) is { } symbol ? (operation, symbol) : null;
        }

        /// <summary>
        /// The symbol a receiver root reads, when its origins are a function of that symbol alone:
        /// a local (its assignments in the member), a parameter (the arguments of the calls in
        /// view), or a field or property of this type (its assignments in the type). The scope's
        /// rules read only the kind, symbol and creation of an origin, which are the same for every
        /// reference to the symbol.
        /// </summary>
        private static ISymbol? RootSymbol(IOperation root) => ValueTracker.Variable(root);

        public bool IsMLContextCreation(ValueOrigin origin) =>
            origin.Kind == OriginKind.Created && _symbols.IsMLContext(origin.Operation.Type);

        private void Collect(MemberModel model)
        {
            _members.Add(model);
            if (!_createsUnseededContext)
            {
                var creations = model.ObjectCreations;
                for (var i = 0; i < creations.Count; i++)
                {
                    if (_symbols.IsMLContext(creations[i].Type) && !RandomnessUse.HasExplicitSeed(creations[i].Arguments))
                    {
                        _createsUnseededContext = true;
                        break;
                    }
                }
            }

            RecordPassedContexts(model);
            var assignments = model.MLMemberAssignments;
            for (var i = 0; i < assignments.Count; i++)
            {
                if (assignments[i].Target is IMemberReferenceOperation { Member: IFieldSymbol or IPropertySymbol } target
                    && _symbols.IsMLContext(target.Type))
                {
                    Record(target.Member, assignments[i].Value);
                }
            }

            switch (model.Root)
            {
                case IFieldInitializerOperation fields:
                    foreach (var field in fields.InitializedFields)
                    {
                        if (_symbols.IsMLContext(field.Type))
                        {
                            Record(field, fields.Value);
                        }
                    }

                    break;
                case IPropertyInitializerOperation properties:
                    foreach (var property in properties.InitializedProperties)
                    {
                        if (_symbols.IsMLContext(property.Type))
                        {
                            Record(property, properties.Value);
                        }
                    }

                    break;
            }
        }

        private void Record(ISymbol member, IOperation value)
        {
            _memberAssignments ??= new Dictionary<ISymbol, List<IOperation>>(SymbolEqualityComparer.Default);
            if (!_memberAssignments.TryGetValue(member.OriginalDefinition, out var values))
            {
                values = new List<IOperation>();
                _memberAssignments.Add(member.OriginalDefinition, values);
            }

            values.Add(value);
        }

        /// <summary>
        /// The contexts the member passes to methods of this type and to its local functions, so that
        /// a context parameter can be traced to what its callers pass; and the methods it hands on
        /// as delegates, which anything may call.
        /// </summary>
        private void RecordPassedContexts(MemberModel model)
        {
            var calls = model.Invocations;
            for (var i = 0; i < calls.Count; i++)
            {
                var method = calls[i].TargetMethod;
                if (method.MethodKind != MethodKind.LocalFunction && !IsThisType(method.ContainingType))
                {
                    continue;
                }

                foreach (var argument in calls[i].Arguments)
                {
                    if (argument.Parameter is { } parameter
                        && argument.ArgumentKind != ArgumentKind.DefaultValue
                        && _symbols.IsMLContext(parameter.Type))
                    {
                        _passedArguments ??= new Dictionary<IParameterSymbol, List<IOperation>>(SymbolEqualityComparer.Default);
                        if (!_passedArguments.TryGetValue(parameter.OriginalDefinition, out var passed))
                        {
                            _passedArguments.Add(parameter.OriginalDefinition, passed = new List<IOperation>());
                        }

                        passed.Add(argument.Value);
                    }
                }
            }

            foreach (var reference in model.MethodReferences)
            {
                (_methodsUsedAsValues ??= new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default)).Add(reference.Method.OriginalDefinition);
            }
        }

        /// <summary>
        /// What the calls in view pass for a context parameter of a method of this type or of a
        /// local function. The method may also be called from elsewhere when no call in view passes
        /// the parameter, when it is handed on as a delegate, when it can be overridden or
        /// implements an interface, or when code outside the assembly can call it. A method other
        /// types of the same assembly can call (internal) counts as called only from this type.
        /// </summary>
        private PassedValues? ArgumentsInView(IParameterSymbol parameter)
        {
            if (parameter.ContainingSymbol is not IMethodSymbol method
                || !(method.MethodKind == MethodKind.LocalFunction || (method.MethodKind == MethodKind.Ordinary && IsThisType(method.ContainingType))))
            {
                return null;
            }

            List<IOperation>? passed = null;
            _passedArguments?.TryGetValue(parameter.OriginalDefinition, out passed);
            var elsewhere = passed is null
                || _methodsUsedAsValues?.Contains(method.OriginalDefinition) == true
                || (method.MethodKind == MethodKind.Ordinary && MayBeCalledFromOutside(method));
            return new PassedValues((IReadOnlyList<IOperation>?)passed ?? Array.Empty<IOperation>(), elsewhere);
        }

        private static bool MayBeCalledFromOutside(IMethodSymbol method)
        {
            if (method.IsVirtual || method.IsOverride || method.IsAbstract || method.ExplicitInterfaceImplementations.Length > 0)
            {
                return true;
            }

            for (ISymbol? symbol = method; symbol is IMethodSymbol or INamedTypeSymbol; symbol = symbol.ContainingType)
            {
                if (symbol.DeclaredAccessibility is Accessibility.Private or Accessibility.Internal or Accessibility.ProtectedAndInternal)
                {
                    return false;
                }
            }

            return true;
        }

        private bool IsThisType(INamedTypeSymbol? type) =>
            type is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, _type.OriginalDefinition);

        private IReadOnlyList<IOperation>? AssignmentsInView(ISymbol member) =>
            _memberAssignments is not null
            && SymbolEqualityComparer.Default.Equals(member.ContainingType?.OriginalDefinition, _type.OriginalDefinition)
            && _memberAssignments.TryGetValue(member.OriginalDefinition, out var values)
                ? values
                : null;
    }
}
