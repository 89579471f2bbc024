using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Build.Locator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.MSBuild;

namespace EffectiveML.Cli
{
    /// <summary>
    /// Finds the solution or projects a path names and opens them with MSBuildWorkspace, as an
    /// editor does: a project that fails to load is listed and the others still load.
    /// </summary>
    internal sealed class ProjectLoader : IDisposable
    {
        private static readonly string[] SkippedFolders = { "bin", "obj", ".git", ".vs", "node_modules" };

        private readonly MSBuildWorkspace _workspace;
        private readonly List<string> _failures = new();

        private ProjectLoader(MSBuildWorkspace workspace)
        {
            _workspace = workspace;
            _workspace.RegisterWorkspaceFailedHandler(failed =>
            {
                if (failed.Diagnostic.Kind == WorkspaceDiagnosticKind.Failure)
                {
                    lock (_failures)
                    {
                        _failures.Add(OneLine(failed.Diagnostic.Message));
                    }
                }
            });
        }

        /// <summary>Why projects, or parts of them, did not load; one line each.</summary>
        public IReadOnlyList<string> Failures
        {
            get
            {
                lock (_failures)
                {
                    return _failures.Distinct(StringComparer.Ordinal).ToList();
                }
            }
        }

        /// <summary>A project whose file could not be loaded: the workspace keeps an empty one in its place.</summary>
        public bool FailedToLoad(Project project) =>
            project.DocumentIds.Count == 0 && project.FilePath is { } path && Failures.Any(failure => failure.Contains(path, StringComparison.Ordinal));

        /// <summary>A loader on the newest .NET SDK installed; a <see cref="UserError"/> when there is none.</summary>
        public static ProjectLoader Create()
        {
            if (!MSBuildLocator.IsRegistered)
            {
                const string NoSdk = "no .NET SDK found to load the projects with: install the .NET SDK (8 or later) and run again";
                VisualStudioInstance? sdk;
                try
                {
                    sdk = MSBuildLocator.QueryVisualStudioInstances().OrderByDescending(instance => instance.Version).FirstOrDefault();
                }
                catch (InvalidOperationException)
                {
                    // The .NET host's SDK resolver fails outright where no SDK is installed.
                    sdk = null;
                }

                MSBuildLocator.RegisterInstance(sdk ?? throw new UserError(ExitCode.NoSdk, NoSdk));
            }

            return new ProjectLoader(MSBuildWorkspace.Create());
        }

        /// <summary>
        /// The solution or project files <paramref name="path"/> names: itself when it is one; in a
        /// folder, its one solution, or else every C# project below it.
        /// </summary>
        public static IReadOnlyList<string> Entries(string path)
        {
            if (File.Exists(path))
            {
                return IsSolution(path) || IsProject(path)
                    ? new[] { path }
                    : throw new UserError(ExitCode.NoProjects, $"'{path}' is not a solution (.sln, .slnx) or a C# project (.csproj)");
            }

            var solutions = Directory.EnumerateFiles(path).Where(IsSolution).ToList();
            if (solutions.Count == 1)
            {
                return solutions;
            }

            var projects = ProjectsBelow(path).OrderBy(p => p, StringComparer.Ordinal).ToList();
            return projects.Count > 0
                ? projects
                : throw new UserError(ExitCode.NoProjects, $"no solution or C# project in '{path}' or below it");
        }

        /// <summary>Opens every entry; what fails to load goes to <see cref="Failures"/>.</summary>
        public async Task<Solution> OpenAsync(IReadOnlyList<string> entries, Action<string> step, CancellationToken cancellationToken)
        {
            foreach (var entry in entries)
            {
                cancellationToken.ThrowIfCancellationRequested();
                step("Loading " + Path.GetFileName(entry));
                try
                {
                    if (IsSolution(entry))
                    {
                        await _workspace.OpenSolutionAsync(entry, cancellationToken: cancellationToken);
                    }
                    else if (!_workspace.CurrentSolution.Projects.Any(p => string.Equals(p.FilePath, entry, StringComparison.Ordinal)))
                    {
                        await _workspace.OpenProjectAsync(entry, cancellationToken: cancellationToken);
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    lock (_failures)
                    {
                        _failures.Add($"{entry}: {OneLine(exception.Message)}");
                    }
                }
            }

            return _workspace.CurrentSolution;
        }

        public void Dispose() => _workspace.Dispose();

        private static IEnumerable<string> ProjectsBelow(string folder)
        {
            foreach (var project in Directory.EnumerateFiles(folder, "*.csproj"))
            {
                yield return project;
            }

            foreach (var child in Directory.EnumerateDirectories(folder))
            {
                if (SkippedFolders.Contains(Path.GetFileName(child), StringComparer.OrdinalIgnoreCase))
                {
                    continue;
                }

                foreach (var project in ProjectsBelow(child))
                {
                    yield return project;
                }
            }
        }

        private static bool IsSolution(string path) =>
            path.EndsWith(".sln", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".slnx", StringComparison.OrdinalIgnoreCase);

        private static bool IsProject(string path) => path.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase);

        private static string OneLine(string message) => string.Join(" ", message.Split(new[] { '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries)).Trim();
    }
}
