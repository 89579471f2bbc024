using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace EffectiveML.Analyzers.Model
{
    /// <summary>
    /// Hands every rule the same <see cref="MemberModel"/> for a member. The models live in the
    /// analyzer driver's per-compilation value cache (keyed by syntax tree), which Roslyn shares
    /// between all analyzers that use the same provider instance; so a member's pipelines and
    /// provenance are computed once however many rules ask, and nothing outlives the compilation.
    /// </summary>
    internal sealed class MemberModels
    {
        // Immutable: holds only the factory. The values it produces are owned by the driver.
        private static readonly SyntaxTreeValueProvider<TreeModels> Provider = new(_ => new TreeModels());

        private readonly System.Func<SyntaxTree, TreeModels?> _treeModels;
        private readonly KnownSymbols _symbols;

        private MemberModels(System.Func<SyntaxTree, TreeModels?> treeModels, KnownSymbols symbols)
        {
            _treeModels = treeModels;
            _symbols = symbols;
        }

#pragma warning disable RS1012 // The start context is used for its value cache only; rules register their own actions.
        public static MemberModels For(CompilationStartAnalysisContext context, KnownSymbols symbols) =>
            new(tree => context.TryGetValue(tree, Provider, out var models) ? models : null, symbols);
#pragma warning restore RS1012

        /// <summary>The model of the member <paramref name="operation"/> belongs to.</summary>
        public MemberModel Of(IOperation operation)
        {
            var root = ValueTracker.MemberRoot(operation);
            var tree = _treeModels(root.Syntax.SyntaxTree) ?? new TreeModels();
            return tree.Members.GetOrAdd(root, r => new MemberModel(r, _symbols));
        }

        private sealed class TreeModels
        {
            public ConcurrentDictionary<IOperation, MemberModel> Members { get; } = new();
        }
    }
}
