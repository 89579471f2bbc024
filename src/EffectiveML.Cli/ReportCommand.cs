using System;
using System.IO;
using EffectiveML.Report;

namespace EffectiveML.Cli
{
    /// <summary><c>effectiveml report &lt;sarif&gt;</c>: the findings of any SARIF log per principle and rule, as text and as a page.</summary>
    internal static class ReportCommand
    {
        public static int Run(string log, string? html)
        {
            if (!File.Exists(log))
            {
                throw new UserError(ExitCode.UnreadableLog, $"'{log}' does not exist");
            }

            SarifFindings sarif;
            try
            {
                sarif = SarifFindings.Read(log);
            }
            catch (Exception exception) when (exception is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                throw new UserError(ExitCode.UnreadableLog, exception.Message);
            }

            ReportWriter.WriteText(sarif, Console.Out);
            if (html is not null)
            {
                var page = ReportWriter.Html(sarif);
                OutputFile.Write(Path.GetFullPath(html), "--html", path => File.WriteAllText(path, page));
                Console.WriteLine($"HTML report written to {html}");
            }

            return ExitCode.Clean;
        }
    }
}
