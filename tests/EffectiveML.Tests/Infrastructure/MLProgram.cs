using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace EffectiveML.Tests.Infrastructure
{
    /// <summary>
    /// Compiles a test program against the ML.NET assemblies the test project restored and runs
    /// it in this process, so that a test can show what ML.NET itself does with the code a rule
    /// reads: the same source, analyzed and run.
    /// </summary>
    internal static class MLProgram
    {
        private static readonly Regex Markup = new(@"\{\|(?:#\d+|[A-Z]+\d+):|\|\}", RegexOptions.Compiled);

        /// <summary>The source without the diagnostic markup of the analyzer tests (<c>{|#0:…|}</c>, <c>{|EML4101:…|}</c>).</summary>
        public static string WithoutMarkup(string source) => Markup.Replace(source, string.Empty);

        /// <summary>Runs the static method <paramref name="method"/> of <paramref name="type"/>; rethrows what it throws.</summary>
        public static object? Run(string source, string type = "Program", string method = "Run")
        {
            var tree = CSharpSyntaxTree.ParseText(WithoutMarkup(source));
            var compilation = CSharpCompilation.Create(
                "MLProgram" + Guid.NewGuid().ToString("N"),
                new[] { tree },
                TestReferences.MLProject,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));
            using var stream = new MemoryStream();
            var emitted = compilation.Emit(stream);
            Assert.True(emitted.Success, string.Join(Environment.NewLine, emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));

            var assembly = Assembly.Load(stream.ToArray());
            var entry = assembly.GetType(type)?.GetMethod(method) ?? throw new InvalidOperationException($"{type}.{method} is not in the program");
            try
            {
                return entry.Invoke(null, null);
            }
            catch (TargetInvocationException invocation) when (invocation.InnerException is not null)
            {
                ExceptionDispatchInfo.Capture(invocation.InnerException).Throw();
                throw;
            }
        }

        /// <summary>The message of what running the program throws; fails when it runs through.</summary>
        public static string Failure(string source)
        {
            var thrown = Record.Exception(() => Run(source));
            Assert.True(thrown is not null, "ML.NET ran the program without an error");
            return thrown!.Message;
        }
    }
}
