using System;
using System.Collections.Immutable;
using System.CommandLine;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace EffectiveML.Cli
{
    /// <summary>
    /// <c>effectiveml check &lt;solution | project | folder&gt;</c>: the EffectiveML suite over a whole
    /// codebase without touching its build files; <c>effectiveml fix</c> applies the code fixes of chosen
    /// rules; <c>effectiveml report</c> summarizes a SARIF log. Bad input gets one line on the error stream and
    /// its own exit code (<see cref="ExitCode"/>), never a stack trace.
    /// </summary>
    public static class Program
    {
        public static async Task<int> Main(string[] args)
        {
            var path = new Argument<string>("path") { Description = "A solution (.sln, .slnx), a project (.csproj) or a folder with projects" };
            var sarif = new Option<string?>("--sarif") { Description = "Also write the findings as a SARIF 2.1 log to this file" };
            var html = new Option<string?>("--html") { Description = "Also write the report page (findings per principle, with a chart) to this file" };
            var mode = new Option<string>("--mode") { Description = "Default (each project's own configuration), Recommended or All (every rule a warning); your .editorconfig still wins", DefaultValueFactory = _ => "Default" };
            var rules = new Option<string?>("--rules") { Description = "Only these rules, comma-separated: EML5001,EML4007" };
            var failOn = new Option<string>("--fail-on") { Description = "Exit with 1 when a finding of this level or above is found: warning, info or none", DefaultValueFactory = _ => "warning" };
            var check = new Command("check", "Analyze every C# project of a solution, project or folder and print the findings by principle and rule")
            {
                path, sarif, html, mode, rules, failOn,
            };
            var fixPath = new Argument<string>("path") { Description = "A solution (.sln, .slnx), a project (.csproj) or a folder with projects" };
            var fixRules = new Option<string>("--rules") { Description = "The rules whose findings to fix, comma-separated: EML5001,EML4005", Required = true };
            var dryRun = new Option<bool>("--dry-run") { Description = "Print the changes as a unified diff and write nothing" };
            var fix = new Command("fix", "Apply every fixable finding of the given rules (Fix All, the code actions the IDE offers) and write the files")
            {
                fixPath, fixRules, dryRun,
            };
            var log = new Argument<string>("sarif") { Description = "A SARIF log (from effectiveml check --sarif, or a build's -p:ErrorLog)" };
            var logHtml = new Option<string?>("--html") { Description = "Also write the report page to this file" };
            var report = new Command("report", "Summarize a SARIF log's EffectiveML findings per principle and rule, as text and optionally as a page")
            {
                log, logHtml,
            };
            var root = new RootCommand("EffectiveML: the habits of effective ML engineers, checked in ML.NET and TorchSharp code") { check, fix, report };

            var parsed = root.Parse(args);
            if (parsed.Errors.Count > 0)
            {
                Console.Error.WriteLine("effectiveml: " + parsed.Errors[0].Message);
                return ExitCode.BadArguments;
            }

            if (parsed.CommandResult.Command != check && parsed.CommandResult.Command != fix && parsed.CommandResult.Command != report)
            {
                return await parsed.InvokeAsync();
            }

            using var cancel = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) =>
            {
                e.Cancel = true;
                cancel.Cancel();
            };

            try
            {
                if (parsed.CommandResult.Command == report)
                {
                    return ReportCommand.Run(parsed.GetValue(log)!, parsed.GetValue(logHtml));
                }

                if (parsed.CommandResult.Command == fix)
                {
                    var target = CheckOptions.ExistingPath(parsed.GetValue(fixPath)!);
                    var fixable = CheckOptions.RuleIds(parsed.GetValue(fixRules)!)!;
                    var unfixable = fixable.Where(id => !FixCommand.Fixes.ContainsKey(id)).OrderBy(id => id, StringComparer.Ordinal).ToList();
                    if (unfixable.Count > 0)
                    {
                        throw new UserError(ExitCode.BadArguments, $"no code fix for {string.Join(", ", unfixable)}: the fixable rules are {string.Join(", ", FixCommand.Fixes.Keys.OrderBy(id => id, StringComparer.Ordinal))}");
                    }

                    return await new FixCommand(target, fixable.OrderBy(id => id, StringComparer.Ordinal).ToImmutableArray(), parsed.GetValue(dryRun), ConsoleOutput.Create()).RunAsync(cancel.Token);
                }

                var options = CheckOptions.From(
                    parsed.GetValue(path)!,
                    parsed.GetValue(sarif),
                    parsed.GetValue(html),
                    parsed.GetValue(mode)!,
                    parsed.GetValue(rules),
                    parsed.GetValue(failOn)!);
                return await new CheckCommand(options, ConsoleOutput.Create()).RunAsync(cancel.Token);
            }
            catch (UserError error)
            {
                Console.Error.WriteLine("effectiveml: " + error.Message);
                return error.ExitCode;
            }
            catch (OperationCanceledException)
            {
                Console.Error.WriteLine("effectiveml: cancelled");
                return ExitCode.Cancelled;
            }
            catch (Exception exception)
            {
                // A defect of the tool, not bad input: one line that can be reported, not a stack trace.
                Console.Error.WriteLine($"effectiveml: unexpected {exception.GetType().Name}: {exception.Message.Split('\n')[0].Trim()} (please report it with the command line that caused it)");
                return ExitCode.Unexpected;
            }
        }
    }

    /// <summary>The tool's exit codes: each kind of bad input has its own.</summary>
    public static class ExitCode
    {
        /// <summary>No finding at or above the <c>--fail-on</c> level.</summary>
        public const int Clean = 0;

        /// <summary>At least one finding at or above the <c>--fail-on</c> level.</summary>
        public const int Findings = 1;

        /// <summary>An unknown option, rule ID, mode or level.</summary>
        public const int BadArguments = 2;

        /// <summary>The path does not exist, or names no solution or project, or a folder without projects.</summary>
        public const int NoProjects = 3;

        /// <summary>No .NET SDK was found to load the projects with.</summary>
        public const int NoSdk = 4;

        /// <summary>An output file (<c>--sarif</c>, <c>--html</c>) could not be written.</summary>
        public const int OutputNotWritable = 5;

        /// <summary>Projects were found, but none of them could be loaded.</summary>
        public const int NothingLoaded = 6;

        /// <summary>The SARIF log given to <c>report</c> is missing, or is not a SARIF log.</summary>
        public const int UnreadableLog = 7;

        /// <summary>A defect of the tool itself.</summary>
        public const int Unexpected = 70;

        public const int Cancelled = 130;
    }

    /// <summary>Bad input, said in one line, with the exit code it gets.</summary>
    public sealed class UserError : Exception
    {
        public UserError(int exitCode, string message)
            : base(message)
        {
            ExitCode = exitCode;
        }

        public int ExitCode { get; }
    }
}
