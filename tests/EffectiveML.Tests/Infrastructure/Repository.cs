using System;
using System.IO;

namespace EffectiveML.Tests.Infrastructure
{
    /// <summary>Finds files of this repository from the test output folder.</summary>
    internal static class Repository
    {
        public static string Root { get; } = FindRoot();

        public static string PathOf(params string[] parts) => Path.Combine(Root, Path.Combine(parts));

        private static string FindRoot()
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Analyzers.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException("Analyzers.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
