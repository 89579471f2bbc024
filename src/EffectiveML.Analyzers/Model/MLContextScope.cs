using System;
using System.Collections.Generic;
using System.Linq;
using EffectiveML.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace EffectiveML.Analyzers.Model
{
    /// <summary>
    /// The MLContexts of one type: every call that draws on a context's randomness, and every
    /// assignment to the type's MLContext fields and properties, so that a use through a field can
    /// be traced to the creation it holds. The members are collected while the type is analyzed;
    /// the uses are found when the type is complete, and only those a rule asks for: most types
    /// create no unseeded context, and then only the calls that take a seed of their own matter.
    /// One scope per type serves both rules that read it (EML5001, EML5002). In the suite they
    /// share one registration. Run alone, as analyzers of their own, each registers its own, and
    /// the compilation's table of scopes lets the two meet: whichever meets a member first
    /// collects it, the origins of a use are traced once, and the table holds a type's scope only
    /// until the first of them is done with the type. All state is guarded by one lock;
    /// collecting a member and answering at the type's end never overlap, so a registration that
    /// finds a member already collected knows the collection is complete.
    /// </summary>
    internal sealed class MLContextScope
    {
        private readonly object _gate = new();
        private readonly KnownSymbols _symbols;
        private readonly INamedTypeSymbol _type;
        private readonly HashSet<SyntaxNode> _collected = new();
        private readonly List<MemberModel> _members = new();
        private readonly Dictionary<ISymbol, List<IOperation>> _memberAssignments = new(SymbolEqualityComparer.Default);
        private readonly MemberModels _models;
        private readonly Dictionary<RandomnessUse, List<ValueOrigin>> _originsByUse = new();
        private readonly Dictionary<ISymbol, List<ValueOrigin>> _originsByRoot = new(SymbolEqualityComparer.Default);
        private List<RandomnessUse>? _uses;
        private List<RandomnessUse>? _seedTakingUses;
        private bool _createsUnseededContext;
        private ValueTracker? _tracker;

        private MLContextScope(KnownSymbols symbols, INamedTypeSymbol type, MemberModels models)
        {
            _symbols = symbols;
            _type = type;
            _models = models;
        }

        /// <summary>
        /// Some member of the type creates an MLContext without a seed: only then can a use of the
        /// type's contexts be traced to one (EML5001 follows contexts within the type).
        /// </summary>
        public bool CreatesUnseededContext => _createsUnseededContext;

        /// <summary>Every use, in source order: members arrive in any order under concurrent execution, messages must not.</summary>
        public IReadOnlyList<RandomnessUse> Uses => _uses ??= InSourceOrder(_members.SelectMany(member => member.RandomnessUses));

        /// <summary>
        /// The splits, shuffles and cross-validations, which take a seed of their own, in source
        /// order. When no rule needed every use, only the calls of those names are judged.
        /// </summary>
        public IReadOnlyList<RandomnessUse> SeedTakingUses => _seedTakingUses ??= _uses is not null
            ? _uses.Where(use => use.TakesSeed).ToList()
            : InSourceOrder(FindSeedTakingUses());

        private IEnumerable<RandomnessUse> FindSeedTakingUses()
        {
            foreach (var member in _members)
            {
                foreach (var call in member.Invocations)
                {
                    if (RandomnessUse.MayTakeSeed(call.TargetMethod.Name) && RandomnessUse.TryCreate(call, _symbols) is { TakesSeed: true } use)
                    {
                        yield return use;
                    }
                }
            }
        }

        private static List<RandomnessUse> InSourceOrder(IEnumerable<RandomnessUse> uses)
        {
            var ordered = uses.ToList();
            ordered.Sort(InSourceOrder);
            return ordered;
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

        private ValueTracker Tracker => _tracker ??= new ValueTracker(_models, AssignmentsInView);

        /// <summary>
        /// Collects the scope of each type and hands it to <paramref name="onTypeEnd"/> when the type
        /// is done. The rules the suite hosts share one registration: one collection per member,
        /// one start and one end per type, whichever rules read the scope.
        /// </summary>
        public static void Register(
            CompilationStartAnalysisContext context,
            KnownSymbols symbols,
            Action<SymbolAnalysisContext, MLContextScope> onTypeEnd)
        {
            if (symbols.MLContext is null)
            {
                return;
            }

            if (context is RuleHostContext host)
            {
                host.Shared(inner => Readers.RegisterOn(inner, symbols)).Add(host.Timed(onTypeEnd));
                return;
            }

            Readers.RegisterOn(context, symbols).Add(onTypeEnd);
        }

        /// <summary>The rules that read the scopes of one registration, in the order they registered.</summary>
        private sealed class Readers
        {
            // Filled while the compilation starts, read only once types are analyzed.
            private readonly List<Action<SymbolAnalysisContext, MLContextScope>> _readers = new();

            public void Add(Action<SymbolAnalysisContext, MLContextScope> reader) => _readers.Add(reader);

            public static Readers RegisterOn(CompilationStartAnalysisContext context, KnownSymbols symbols)
            {
                var readers = new Readers();
                var models = symbols.Models;
                var scopes = symbols.MLContextScopes;
                context.RegisterSymbolStartAction(start =>
                {
                    var scope = scopes.GetOrAdd((INamedTypeSymbol)start.Symbol, type => new MLContextScope(symbols, type, models));
                    start.RegisterOperationBlockAction(scope.OnMember);
                    start.RegisterSymbolEndAction(end =>
                    {
                        lock (scope._gate)
                        {
                            if (scope._members.Count > 0)
                            {
                                foreach (var reader in readers._readers)
                                {
                                    reader(end, scope);
                                }
                            }
                        }

                        // The table only lets registrations meet (the two rules, each run alone as an
                        // analyzer of its own); each keeps its own reference. Letting go here frees the
                        // type's operations (and so its members' models) once all are done, and a
                        // registration that starts the type later simply collects a scope of its own.
                        scopes.TryRemove(scope._type, out _);
                    });
                }, SymbolKind.NamedType);
                return readers;
            }
        }

        /// <summary>
        /// Where the context behind a use comes from. A use whose receiver chain ends somewhere
        /// other than an MLContext (an estimator parameter, say) reports that end as its origin.
        /// </summary>
        public IReadOnlyList<ValueOrigin> ContextOrigins(RandomnessUse use)
        {
            if (!_originsByUse.TryGetValue(use, out var origins))
            {
                origins = TraceContextOrigins(use);
                _originsByUse.Add(use, origins);
            }

            return origins;
        }

        private List<ValueOrigin> TraceContextOrigins(RandomnessUse use)
        {
            var receiver = ValueTracker.Receiver(use.Invocation);
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
        /// Most uses of a type reach their context through the same few locals and fields, whose
        /// origins do not depend on which use asks: each is traced once. The list is shared; no
        /// caller changes it.
        /// </summary>
        private List<ValueOrigin> OriginsOf(IOperation root, ISymbol symbol)
        {
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
        /// a local (its assignments in the member), or a field or property of this type (its
        /// assignments in the type). The scope's two rules read only the kind, symbol and creation
        /// of an origin, which are the same for every reference to the symbol.
        /// </summary>
        private static ISymbol? RootSymbol(IOperation root) => ValueTracker.Unwrap(root) switch
        {
            ILocalReferenceOperation local => local.Local,
            IMemberReferenceOperation { Member: IFieldSymbol or IPropertySymbol, Instance: null or IInstanceReferenceOperation } member => member.Member,
            _ => null,
        };

        public bool IsMLContextCreation(ValueOrigin origin) =>
            origin.Kind == OriginKind.Created && _symbols.IsMLContext(origin.Operation.Type);

        private bool IsInScope(ISymbol containingSymbol)
        {
            var type = containingSymbol as INamedTypeSymbol ?? containingSymbol.ContainingType;
            return SymbolEqualityComparer.Default.Equals(type, _type);
        }

        private void OnMember(OperationBlockAnalysisContext context)
        {
            if (!IsInScope(context.OwningSymbol))
            {
                return;
            }

            foreach (var model in _models.Of(context))
            {
                lock (_gate)
                {
                    if (_collected.Add(model.Root.Syntax))
                    {
                        Collect(model);
                    }
                }
            }
        }

        private void Collect(MemberModel model)
        {
            _members.Add(model);
            if (!_createsUnseededContext)
            {
                foreach (var creation in model.ObjectCreations)
                {
                    if (_symbols.IsMLContext(creation.Type) && !RandomnessUse.HasExplicitSeed(creation.Arguments))
                    {
                        _createsUnseededContext = true;
                        break;
                    }
                }
            }

            foreach (var assignment in model.MLMemberAssignments)
            {
                if (assignment.Target is IMemberReferenceOperation { Member: IFieldSymbol or IPropertySymbol } target
                    && _symbols.IsMLContext(target.Type))
                {
                    Record(target.Member, assignment.Value);
                }
            }

            switch (model.Root)
            {
                case IFieldInitializerOperation fields:
                    foreach (var field in fields.InitializedFields.Where(f => _symbols.IsMLContext(f.Type)))
                    {
                        Record(field, fields.Value);
                    }

                    break;
                case IPropertyInitializerOperation properties:
                    foreach (var property in properties.InitializedProperties.Where(p => _symbols.IsMLContext(p.Type)))
                    {
                        Record(property, properties.Value);
                    }

                    break;
            }
        }

        private void Record(ISymbol member, IOperation value)
        {
            if (!_memberAssignments.TryGetValue(member.OriginalDefinition, out var values))
            {
                values = new List<IOperation>();
                _memberAssignments.Add(member.OriginalDefinition, values);
            }

            values.Add(value);
        }

        private IReadOnlyList<IOperation>? AssignmentsInView(ISymbol member) =>
            SymbolEqualityComparer.Default.Equals(member.ContainingType?.OriginalDefinition, _type.OriginalDefinition)
            && _memberAssignments.TryGetValue(member.OriginalDefinition, out var values)
                ? values
                : null;
    }
}
