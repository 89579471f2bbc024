using System;
using System.Collections.Generic;
using EffectiveML.Analyzers.Model;
using EffectiveML.Analyzers.Model.Torch;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace EffectiveML.Analyzers.Infrastructure
{
    /// <summary>
    /// What a rule can register, each kind of callback once for all rules: the suite gives the
    /// driver one callback per member, one start per type and one end per compilation, however
    /// many rules ask (<see cref="EffectiveMLSuiteAnalyzer"/>).
    /// </summary>
    internal abstract class RuleRegistry
    {
        /// <summary>The ML.NET, TorchSharp and BCL symbols of the compilation, and its shared models.</summary>
        public abstract KnownSymbols Symbols { get; }

        public abstract Compilation Compilation { get; }

        /// <summary>Runs <paramref name="action"/> for each member (method body, initializer, top-level program) with the member's model.</summary>
        public abstract void OnMember(Action<OperationBlockAnalysisContext, MemberModel> action);

        /// <summary>
        /// Runs <paramref name="action"/> for each of a member's ML calls of any of
        /// <paramref name="names"/>, in source order.
        /// </summary>
        public void OnCalls(IReadOnlyList<string> names, Action<OperationBlockAnalysisContext, MemberModel, IInvocationOperation> action) =>
            OnMember((member, model) =>
            {
                var calls = model.MLInvocations;
                for (var i = 0; i < calls.Count; i++)
                {
                    var name = calls[i].TargetMethod.Name;
                    for (var n = 0; n < names.Count; n++)
                    {
                        if (string.Equals(name, names[n], StringComparison.Ordinal))
                        {
                            action(member, model, calls[i]);
                            break;
                        }
                    }
                }
            });

        /// <summary>Runs <paramref name="action"/> for each call that <paramref name="calls"/> picks from a member's model (one of its indexed lists).</summary>
        public void OnCalls(
            Func<MemberModel, IReadOnlyList<IInvocationOperation>> calls,
            Action<OperationBlockAnalysisContext, MemberModel, IInvocationOperation> action) =>
            OnMember((member, model) =>
            {
                var picked = calls(model);
                for (var i = 0; i < picked.Count; i++)
                {
                    action(member, model, picked[i]);
                }
            });

        /// <summary>
        /// Runs <paramref name="action"/> for each member that calls TorchSharp, with those calls in
        /// source order (<see cref="TorchCalls.All"/>); registers nothing in a compilation without
        /// TorchSharp.
        /// </summary>
        public void OnTorchCalls(Action<OperationBlockAnalysisContext, MemberModel, IReadOnlyList<TorchCall>> action)
        {
            if (!Symbols.HasTorchSharp)
            {
                return;
            }

            OnMember((member, model) =>
            {
                var calls = model.Torch.All;
                if (calls.Count > 0)
                {
                    action(member, model, calls);
                }
            });
        }

        /// <summary>Runs <paramref name="reader"/> for each type and member declared in user code, with its attributes; what it reports is reported when the type is done.</summary>
        public abstract void OnDeclarations(Action<DeclarationFindings, Declaration> reader);

        /// <summary>Hands <paramref name="reader"/> the MLContexts of each type (<see cref="MLContextScope"/>): a member's as soon as it is analyzed, a type's when the type is done.</summary>
        public abstract void OnMLContextScopes(Action<ScopeEnd, MLContextScope> reader);

        /// <summary>Runs <paramref name="action"/> for each file: for what no member holds (preprocessor directives, assembly attributes).</summary>
        public abstract void OnSyntaxTree(Action<SyntaxTreeAnalysisContext> action);

        /// <summary>Runs <paramref name="action"/> when the whole compilation has been analyzed.</summary>
        public abstract void OnCompilationEnd(Action<CompilationAnalysisContext> action);
    }
}
