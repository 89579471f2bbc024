using EffectiveML.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace EffectiveML.Analyzers.Infrastructure
{
    /// <summary>
    /// The base of every EffectiveML analyzer. It enables concurrent execution, skips generated
    /// code, and registers the rule only in compilations that reference ML.NET or TorchSharp,
    /// handing it the symbols resolved for that compilation. A rule file holds only what the rule decides.
    /// </summary>
    public abstract class EffectiveMLAnalyzer : DiagnosticAnalyzer
    {
        public sealed override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var symbols = KnownSymbols.Shared(start);
                if (symbols is null)
                {
                    return;
                }

                InitializeCompilation(start, symbols);
            });
        }

        /// <summary>Registers the rule's actions; called only when ML.NET or TorchSharp is referenced.</summary>
        internal abstract void InitializeCompilation(CompilationStartAnalysisContext context, KnownSymbols symbols);
    }
}
