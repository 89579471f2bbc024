using EffectiveML.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace EffectiveML.Analyzers.Infrastructure
{
    /// <summary>
    /// The base of every EffectiveML rule. It enables concurrent execution, skips generated
    /// code, and registers the rule only in compilations that reference ML.NET or TorchSharp,
    /// handing it the symbols resolved for that compilation. A rule file holds only what the rule
    /// decides. In a build the rules run inside <see cref="EffectiveMLSuiteAnalyzer"/>, which
    /// calls <see cref="InitializeCompilation"/> for each; a rule can also run alone (the tests
    /// run each so), which is why it stays a <see cref="DiagnosticAnalyzer"/>.
    /// </summary>
    public abstract class EffectiveMLAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>
        /// Generated code is not analyzed: the driver skips members of generated files and of
        /// [GeneratedCode] types. Reports are not filtered again (<c>ReportDiagnostics</c>): every
        /// report comes from a member the driver already found to be user code, and the filter
        /// would make the driver resolve every declaration of each reported file to look for
        /// [GeneratedCode], which on ML code cost more than most rules.
        /// </summary>
        internal const GeneratedCodeAnalysisFlags GeneratedCode = GeneratedCodeAnalysisFlags.ReportDiagnostics;

        public sealed override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCode);
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
