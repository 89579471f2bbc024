using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace EffectiveML.Analyzers.Infrastructure
{
    /// <summary>
    /// Whether a hosted rule runs in a compilation. The driver skips an analyzer whose diagnostics
    /// are all off, but it sees only the suite, so the suite asks per rule: an opt-in rule (off by
    /// default) runs only where a project, global config or .editorconfig section turns it on.
    /// Bulk settings (<c>dotnet_analyzer_diagnostic.*</c>) do not enable rules that are off by
    /// default, so they are not consulted. A rule on by default always runs; where configuration
    /// turns it off the driver drops its reports.
    /// </summary>
    internal static class RuleSwitch
    {
        public static bool IsOn(Rule rule, Compilation compilation, CancellationToken cancellationToken)
        {
            foreach (var descriptor in rule.SupportedDiagnostics)
            {
                if (IsOn(descriptor, compilation, cancellationToken))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsOn(DiagnosticDescriptor descriptor, Compilation compilation, CancellationToken cancellationToken)
        {
            if (descriptor.IsEnabledByDefault)
            {
                return true;
            }

            var options = compilation.Options;
            if (options.SpecificDiagnosticOptions.TryGetValue(descriptor.Id, out var specific) && specific != ReportDiagnostic.Suppress)
            {
                return true;
            }

            if (options.SyntaxTreeOptionsProvider is not { } provider)
            {
                return false;
            }

            if (provider.TryGetGlobalDiagnosticValue(descriptor.Id, cancellationToken, out var global) && global != ReportDiagnostic.Suppress)
            {
                return true;
            }

            foreach (var tree in compilation.SyntaxTrees)
            {
                if (provider.TryGetDiagnosticValue(tree, descriptor.Id, cancellationToken, out var severity) && severity != ReportDiagnostic.Suppress)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
