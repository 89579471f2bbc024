using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace EffectiveML.Analyzers.Model
{
    /// <summary>Recognizes xUnit, NUnit and MSTest by their assemblies, not by attribute names.</summary>
    internal static class TestFrameworks
    {
        private static readonly ImmutableHashSet<string> Assemblies = ImmutableHashSet.Create(
            "xunit.core", "xunit.v3.core", "nunit.framework", "Microsoft.VisualStudio.TestPlatform.TestFramework", "MSTest.TestFramework");

        public static bool IsReferencedBy(Compilation compilation)
        {
            foreach (var name in compilation.ReferencedAssemblyNames)
            {
                if (Assemblies.Contains(name.Name))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A member carrying an attribute of a test framework ([Fact], [Test], [TestMethod] …).</summary>
        public static bool IsTestMethod(ISymbol member)
        {
            foreach (var attribute in member.GetAttributes())
            {
                if (attribute.AttributeClass?.ContainingAssembly is { } assembly && Assemblies.Contains(assembly.Name))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
