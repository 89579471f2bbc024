using System;
using System.IO;
using System.Linq;
using System.Reflection;
using EffectiveML.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace EffectiveML.Cli
{
    /// <summary>The loaded projects as the tool analyzes them, changed in memory only.</summary>
    internal static class SuiteProjects
    {
        /// <summary>
        /// Every C# project runs the tool's own analyzers and generator (a project's own copy of
        /// EffectiveML is replaced, so each finding is reported once, by one version), with the
        /// chosen mode's configuration below the project's own.
        /// </summary>
        public static Solution Prepare(Solution solution, AnalysisMode analysisMode)
        {
            var ours = new AnalyzerFileReference(typeof(EffectiveMLSuiteAnalyzer).Assembly.Location, LoadedAssemblies.Instance);
            var mode = ModeConfiguration(analysisMode);
            foreach (var projectId in solution.ProjectIds)
            {
                var project = solution.GetProject(projectId)!;
                if (project.Language != LanguageNames.CSharp)
                {
                    continue;
                }

                var theirs = project.AnalyzerReferences.Where(IsEffectiveML).ToList();
                project = project.WithAnalyzerReferences(project.AnalyzerReferences.Except(theirs).Append(ours));
                if (mode is not null && project.FilePath is { } file)
                {
                    var name = $"effective-ml-{analysisMode.ToString().ToLowerInvariant()}.globalconfig";
                    project = project.AddAnalyzerConfigDocument(name, mode, filePath: Path.Combine(Path.GetDirectoryName(file)!, name)).Project;
                }

                solution = project.Solution;
            }

            return solution;
        }

        private static bool IsEffectiveML(AnalyzerReference reference) =>
            reference.FullPath is { } path && Path.GetFileNameWithoutExtension(path) is "EffectiveML.Analyzers" or "EffectiveML.CodeFixes";

        private static SourceText? ModeConfiguration(AnalysisMode mode)
        {
            if (mode == AnalysisMode.Default)
            {
                return null;
            }

            using var stream = typeof(SuiteProjects).Assembly.GetManifestResourceStream($"effective-ml-{mode.ToString().ToLowerInvariant()}.globalconfig")!;
            return SourceText.From(stream);
        }

        /// <summary>Hands the analyzer driver the assemblies this tool already loaded (its own copy of EffectiveML).</summary>
        private sealed class LoadedAssemblies : IAnalyzerAssemblyLoader
        {
            public static readonly LoadedAssemblies Instance = new();

            public void AddDependencyLocation(string fullPath)
            {
            }

            public Assembly LoadFromPath(string fullPath) =>
                AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => !a.IsDynamic && string.Equals(a.Location, fullPath, StringComparison.Ordinal))
                ?? Assembly.LoadFrom(fullPath);
        }
    }
}
