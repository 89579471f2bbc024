using System;
using System.Diagnostics;
using System.Threading;

namespace EffectiveML.Analyzers.Infrastructure
{
    /// <summary>
    /// Measures, per hosted rule, the time spent in the rule's own callbacks, and the time spent
    /// building the shared member models. The compiler's telemetry sees one analyzer, the suite;
    /// the benchmark attaches a clock to see inside it. Users' builds never create one, so the
    /// callbacks then run unwrapped.
    /// </summary>
    internal sealed class RuleClock
    {
        private readonly long[] _ticks;
        private long _modelTicks;

        public RuleClock(int rules)
        {
            _ticks = new long[rules];
        }

        public TimeSpan Of(int rule) => Elapsed(Interlocked.Read(ref _ticks[rule]));

        /// <summary>Building the member models every rule shares (the walk that indexes a member).</summary>
        public TimeSpan Models => Elapsed(Interlocked.Read(ref _modelTicks));

        /// <summary>Starts every measure again at zero (one clock serves many measured runs).</summary>
        public void Reset()
        {
            for (var rule = 0; rule < _ticks.Length; rule++)
            {
                Interlocked.Exchange(ref _ticks[rule], 0);
            }

            Interlocked.Exchange(ref _modelTicks, 0);
        }

        public void Charge(int rule, long started) => Interlocked.Add(ref _ticks[rule], Stopwatch.GetTimestamp() - started);

        public void ChargeModels(long started) => Interlocked.Add(ref _modelTicks, Stopwatch.GetTimestamp() - started);

        public Action<T> Wrap<T>(int rule, Action<T> action) => argument =>
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                action(argument);
            }
            finally
            {
                Charge(rule, started);
            }
        };

        private static TimeSpan Elapsed(long ticks) => TimeSpan.FromSeconds(ticks / (double)Stopwatch.Frequency);
    }
}
