using Microsoft.CodeAnalysis;

namespace EffectiveML.Analyzers.Model
{
    /// <summary>
    /// How a production assembly tells its test projects which pipeline factories it has: one
    /// <c>[assembly: AssemblyMetadata("EffectiveML.PipelineFactory", "&lt;documentation id&gt;")]</c>
    /// per factory, written by <see cref="Rules.Versatility.PipelineFactoryManifestGenerator"/>.
    /// A framework attribute, so no type of ours ends up in user assemblies.
    /// </summary>
    internal static class PipelineFactories
    {
        public const string MetadataKey = "EffectiveML.PipelineFactory";

        /// <summary>The documentation ID of the factory an assembly attribute announces, or null for any other attribute.</summary>
        public static string? Announced(AttributeData attribute) =>
            attribute.AttributeClass is { Name: "AssemblyMetadataAttribute" } type
            && type.ContainingNamespace?.ToDisplayString() == "System.Reflection"
            && attribute.ConstructorArguments.Length == 2
            && attribute.ConstructorArguments[0].Value as string == MetadataKey
                ? attribute.ConstructorArguments[1].Value as string
                : null;
    }
}
