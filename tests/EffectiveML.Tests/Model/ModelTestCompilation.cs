using System.Linq;
using EffectiveML.Analyzers.Model;
using EffectiveML.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace EffectiveML.Tests.Model
{
    /// <summary>Compiles a source against ML.NET and builds the member model of one of its methods.</summary>
    internal static class ModelTestCompilation
    {
        public static MemberModel MemberModelOf(string source, string methodName)
        {
            var tree = CSharpSyntaxTree.ParseText(source);
            var compilation = CSharpCompilation.Create(
                "ModelTest",
                new[] { tree },
                TestReferences.MLProject,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

            var method = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.ValueText == methodName);
            var body = compilation.GetSemanticModel(tree).GetOperation(method)!;
            return new MemberModel(body, KnownSymbols.TryCreate(compilation)!);
        }
    }
}
