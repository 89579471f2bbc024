using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using EffectiveML.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace EffectiveML.Tests.Robustness
{
    /// <summary>
    /// The seed programs of the robustness harness: every ML source the rule tests feed the
    /// analyzers (their string literals, markup removed) and every C# file of the samples.
    /// </summary>
    internal static class FuzzCorpus
    {
        private static readonly Regex Markup = new(@"\{\|[^:|]*:|\|\}", RegexOptions.Compiled);

        public static IReadOnlyList<string> Sources { get; } = Load();

        private static List<string> Load()
        {
            var sources = new List<string>();
            var ruleTests = Repository.PathOf("tests", "EffectiveML.Tests", "Rules");
            foreach (var file in Directory.EnumerateFiles(ruleTests, "*.cs", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
            {
                var root = CSharpSyntaxTree.ParseText(File.ReadAllText(file)).GetRoot();
                foreach (var token in root.DescendantTokens())
                {
                    if ((token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken) || token.IsKind(SyntaxKind.StringLiteralToken) || token.IsKind(SyntaxKind.InterpolatedMultiLineRawStringStartToken))
                        && token.ValueText.Contains("Microsoft.ML", StringComparison.Ordinal))
                    {
                        sources.Add(Markup.Replace(token.ValueText, string.Empty));
                    }
                }
            }

            var samples = Repository.PathOf("samples");
            foreach (var file in Directory.EnumerateFiles(samples, "*.cs", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
            {
                var relative = Path.GetRelativePath(samples, file);
                if (!relative.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                    && !relative.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                {
                    sources.Add(File.ReadAllText(file));
                }
            }

            return sources;
        }
    }
}
