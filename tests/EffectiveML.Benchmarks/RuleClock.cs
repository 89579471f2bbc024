using System;
using System.Diagnostics;
using System.Threading;

namespace EffectiveML.Benchmarks
{
    /// <summary>
    /// The time each hosted rule spends in its own callbacks, and what they allocate on their
    /// thread (Roslyn's work they ask for included), counted by <see cref="TimedRule"/>.
    /// The compiler's telemetry sees one analyzer, the suite; the benchmark wraps each rule to see
    /// inside it. Given the collector's pause time, the clock leaves out the pauses that interrupt
    /// the work it times, and counts them apart.
    /// </summary>
    internal sealed class RuleClock
    {
        private readonly long[] _ticks;
        private readonly long[] _bytes;
        private readonly Func<TimeSpan>? _collectorPauses;
        private long _pauseTicks;

        /// <param name="collectorPauses">The process's total garbage-collection pause time so far, if the pauses are to be left out.</param>
        public RuleClock(int rules, Func<TimeSpan>? collectorPauses = null)
        {
            _ticks = new long[rules];
            _bytes = new long[rules];
            _collectorPauses = collectorPauses;
        }

        /// <summary>Collector pauses that fell inside the callbacks this clock timed.</summary>
        public TimeSpan Pauses => Elapsed(Interlocked.Read(ref _pauseTicks));

        public TimeSpan Of(int rule) => Elapsed(Interlocked.Read(ref _ticks[rule]));

        /// <summary>What the callbacks charged to <paramref name="rule"/> allocated on their threads.</summary>
        public long BytesOf(int rule) => Interlocked.Read(ref _bytes[rule]);

        /// <summary>Starts every measure again at zero (one clock serves many measured runs).</summary>
        public void Reset()
        {
            for (var rule = 0; rule < _ticks.Length; rule++)
            {
                Interlocked.Exchange(ref _ticks[rule], 0);
                Interlocked.Exchange(ref _bytes[rule], 0);
            }

            Interlocked.Exchange(ref _pauseTicks, 0);
        }

        /// <summary>Starts timing a callback; <see cref="Stop"/> charges it. A pair of calls, not a delegate, so that timing allocates nothing.</summary>
        public Timing Start() => new(Stopwatch.GetTimestamp(), PausedSoFar(), GC.GetAllocatedBytesForCurrentThread());

        /// <summary>Charges the time since <paramref name="timing"/> started, less the collector's pauses, to <paramref name="rule"/>.</summary>
        public void Stop(int rule, Timing timing)
        {
            var paused = PausedSoFar() - timing.PausedBefore;
            Interlocked.Add(ref _ticks[rule], Stopwatch.GetTimestamp() - timing.Started - paused);
            Interlocked.Add(ref _pauseTicks, paused);
            Interlocked.Add(ref _bytes[rule], GC.GetAllocatedBytesForCurrentThread() - timing.AllocatedBefore);
        }

        internal readonly struct Timing
        {
            public Timing(long started, long pausedBefore, long allocatedBefore)
            {
                Started = started;
                PausedBefore = pausedBefore;
                AllocatedBefore = allocatedBefore;
            }

            public long Started { get; }

            public long PausedBefore { get; }

            public long AllocatedBefore { get; }
        }

        private long PausedSoFar() =>
            _collectorPauses is { } pauses ? (long)(pauses().TotalSeconds * Stopwatch.Frequency) : 0;

        private static TimeSpan Elapsed(long ticks) => TimeSpan.FromSeconds(ticks / (double)Stopwatch.Frequency);
    }
}
