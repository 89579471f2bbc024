using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace EffectiveML.Analyzers.Model.Provenance
{
    /// <summary>
    /// How a text loader in view reads its file: the <c>LoadFromTextFile</c> or
    /// <c>CreateTextLoader</c> call and each setting as given there or on its
    /// <c>TextLoader.Options</c>, with ML.NET's defaults where nothing is given.
    /// </summary>
    internal sealed class TextLoading
    {
        public TextLoading(
            IInvocationOperation call,
            IOperation? options,
            Setting separator,
            Setting hasHeader,
            Setting missingRealsAsNaNs)
        {
            Call = call;
            Options = options;
            Separator = separator;
            HasHeader = hasHeader;
            MissingRealsAsNaNs = missingRealsAsNaNs;
        }

        /// <summary><c>LoadFromTextFile(...)</c> or <c>CreateTextLoader(...)</c>.</summary>
        public IInvocationOperation Call { get; }

        /// <summary>The <c>TextLoader.Options</c> argument of an options overload; null for the parameter overloads.</summary>
        public IOperation? Options { get; }

        public bool UsesOptions => Options is not null;

        /// <summary><c>separatorChar</c>, or the options' <c>Separators</c> (default tab).</summary>
        public Setting Separator { get; }

        /// <summary><c>hasHeader</c>, or the options' <c>HasHeader</c> (default false).</summary>
        public Setting HasHeader { get; }

        /// <summary>The options' <c>MissingRealsAsNaNs</c> (default false; the parameter overloads cannot set it).</summary>
        public Setting MissingRealsAsNaNs { get; }
    }
}
