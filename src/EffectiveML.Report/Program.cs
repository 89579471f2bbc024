using System;
using System.IO;

namespace EffectiveML.Report
{
    /// <summary><c>dotnet run --project src/EffectiveML.Report -- &lt;sarif&gt; [--html out.html]</c></summary>
    public static class Program
    {
        public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

        public static int Run(string[] args, TextWriter output, TextWriter error)
        {
            if (args.Length == 0 || !File.Exists(args[0]))
            {
                error.WriteLine("usage: EffectiveML.Report <sarif file> [--html <out.html>]");
                return 2;
            }

            try
            {
                var sarif = SarifFindings.Read(args[0]);
                ReportWriter.WriteText(sarif, output);

                var html = Array.IndexOf(args, "--html");
                if (html >= 0 && html + 1 < args.Length)
                {
                    File.WriteAllText(args[html + 1], ReportWriter.Html(sarif));
                    output.WriteLine();
                    output.WriteLine($"HTML report written to {args[html + 1]}");
                }

                return 0;
            }
            catch (Exception exception) when (exception is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                error.WriteLine("EffectiveML.Report: " + exception.Message);
                return 3;
            }
        }
    }
}
