using Microsoft.CodeAnalysis;

namespace EffectiveML.Cli
{
    /// <summary>One finding as the tool reports it: the rule, where, the message and the help link.</summary>
    /// <param name="Path">The file, relative to the current folder when it is below it; empty for a finding about no file.</param>
    /// <param name="Line">1-based; 0 for a finding about no file.</param>
    internal sealed record Finding(string Id, string Title, string Principle, DiagnosticSeverity Severity, string Message, string HelpLink, string Path, int Line, int Column, int EndLine, int EndColumn)
    {
        /// <summary>The principle's number, the thousands digit of the ID: the order the report groups by.</summary>
        public int PrincipleOrder => Id.Length > 3 && char.IsDigit(Id[3]) ? Id[3] - '0' : 9;

        public string Where => Line > 0 ? $"{Path}:{Line}" : "(project configuration)";

        public string Level => Severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            _ => "info",
        };
    }
}
