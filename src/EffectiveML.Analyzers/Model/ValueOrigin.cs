using Microsoft.CodeAnalysis;

namespace EffectiveML.Analyzers.Model
{
    internal enum OriginKind
    {
        /// <summary>An object creation in view.</summary>
        Created,
        Parameter,
        /// <summary>A field assigned nowhere in the type being analyzed.</summary>
        Field,
        /// <summary>A property assigned nowhere in the type being analyzed.</summary>
        Property,
        /// <summary>The result of a method call.</summary>
        MethodResult,
        Unknown,
    }

    /// <summary>Where a value comes from, as far as we can see within a member (and, for fields, its type).</summary>
    internal readonly struct ValueOrigin
    {
        public ValueOrigin(OriginKind kind, IOperation operation, ISymbol? symbol)
        {
            Kind = kind;
            Operation = operation;
            Symbol = symbol;
        }

        public OriginKind Kind { get; }

        /// <summary>The creation, or the reference at which tracking stopped.</summary>
        public IOperation Operation { get; }

        public ISymbol? Symbol { get; }

        public bool IsInView => Kind == OriginKind.Created;

        /// <summary>Names the origin for a message: "the parameter 'context'".</summary>
        public string Describe() => Kind switch
        {
            OriginKind.Created => "a creation in view",
            OriginKind.Parameter => $"the parameter '{Symbol?.Name}'",
            OriginKind.Field => $"the field '{Symbol?.Name}', assigned outside this type",
            OriginKind.Property => $"the property '{Symbol?.Name}', assigned outside this type",
            OriginKind.MethodResult => $"the result of '{Symbol?.Name}()'",
            _ => "a value that cannot be traced",
        };
    }
}
