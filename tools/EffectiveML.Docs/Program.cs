using System;
using System.IO;
using System.Text;

namespace EffectiveML.Docs
{
    /// <summary>Writes the documents that follow from the rules, or with <c>--check</c> lists the ones that are stale.</summary>
    public static class Program
    {
        private const string Usage = "usage: dotnet run --project tools/EffectiveML.Docs [-- --check] [--root <repository>]";

        public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

        /// <returns>0 when the documents are (now) up to date, 1 when <c>--check</c> found stale ones, 2 for bad input.</returns>
        public static int Run(string[] args, TextWriter output, TextWriter error)
        {
            var check = false;
            string? root = null;
            for (var i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--check":
                        check = true;
                        break;
                    case "--root" when i + 1 < args.Length:
                        root = args[++i];
                        break;
                    case "--root":
                        error.WriteLine($"--root needs the repository's folder; {Usage}");
                        return 2;
                    case "-h" or "--help":
                        output.WriteLine(Usage);
                        return 0;
                    default:
                        error.WriteLine($"unknown argument '{args[i]}'; {Usage}");
                        return 2;
                }
            }

            root ??= FindRepository(Directory.GetCurrentDirectory());
            if (root is null || !File.Exists(Path.Combine(root, "Analyzers.sln")))
            {
                error.WriteLine($"no EffectiveML repository at {root ?? Directory.GetCurrentDirectory()}: run inside one or pass --root; {Usage}");
                return 2;
            }

            try
            {
                var stale = 0;
                foreach (var document in GeneratedDocuments.Render(root, RuleCatalog.Load()))
                {
                    var path = Path.Combine(root, document.RelativePath);
                    var current = File.Exists(path) ? File.ReadAllText(path).Replace("\r\n", "\n") : null;
                    if (current == document.Content)
                    {
                        continue;
                    }

                    stale++;
                    if (check)
                    {
                        output.WriteLine($"stale: {document.RelativePath}");
                    }
                    else
                    {
                        // Written beside the file and moved over it: an interrupted run leaves the old file whole.
                        var temporary = path + ".tmp";
                        File.WriteAllText(temporary, document.Content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
                        File.Move(temporary, path, overwrite: true);
                        output.WriteLine($"wrote: {document.RelativePath}");
                    }
                }

                if (check && stale > 0)
                {
                    output.WriteLine($"{stale} generated document(s) are stale: run 'dotnet run --project tools/EffectiveML.Docs'");
                    return 1;
                }

                if (stale == 0)
                {
                    output.WriteLine("the generated documents are up to date");
                }

                return 0;
            }
            catch (Exception failure) when (failure is DocumentsException or IOException or UnauthorizedAccessException)
            {
                error.WriteLine(failure.Message);
                return 2;
            }
        }

        private static string? FindRepository(string start)
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Analyzers.sln")))
                {
                    return directory.FullName;
                }
            }

            return null;
        }
    }
}
