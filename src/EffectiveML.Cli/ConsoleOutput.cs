using System;
using System.Threading.Tasks;
using Spectre.Console;

namespace EffectiveML.Cli
{
    /// <summary>
    /// Where the tool shows its progress: a live status line on an interactive terminal, plain
    /// lines when the output is redirected or <c>CI</c> is set, so logs read as well as terminals.
    /// </summary>
    internal abstract class ConsoleOutput
    {
        public static ConsoleOutput Create() =>
            Console.IsOutputRedirected || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")) || !AnsiConsole.Profile.Capabilities.Interactive
                ? new PlainLines()
                : new LiveStatus();

        /// <summary>Runs <paramref name="work"/>, showing each step it reports.</summary>
        public abstract Task<T> ShowProgressAsync<T>(string first, Func<Action<string>, Task<T>> work);

        private sealed class PlainLines : ConsoleOutput
        {
            public override Task<T> ShowProgressAsync<T>(string first, Func<Action<string>, Task<T>> work)
            {
                Console.WriteLine(first);
                return work(step => Console.WriteLine(step));
            }
        }

        private sealed class LiveStatus : ConsoleOutput
        {
            public override Task<T> ShowProgressAsync<T>(string first, Func<Action<string>, Task<T>> work) =>
                AnsiConsole.Status().StartAsync(Markup.Escape(first), context => work(step => context.Status(Markup.Escape(step))));
        }
    }
}
