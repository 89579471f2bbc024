using Microsoft.CodeAnalysis;

namespace EffectiveML.Analyzers.Model
{
    /// <summary>Which of a member's operations comes first in its source: where a rule reports the first of several.</summary>
    internal static class SourceOrder
    {
        /// <summary>The one of the two that starts first; the other when one is null.</summary>
        public static IOperation? Earlier(IOperation? first, IOperation? candidate) =>
            first is null || (candidate is not null && candidate.Syntax.SpanStart < first.Syntax.SpanStart) ? candidate : first;
    }
}
