using System;
using System.Diagnostics;
using System.Threading;

namespace EffectiveML.Analyzers.Infrastructure
{
    /// <summary>
    /// Measures, per hosted rule, the time spent in the rule's own logic, and apart from it the
    /// time spent building what every rule shares: the member models, and the parts of a model
    /// computed on first request (pipelines, provenance), which would otherwise be charged to
    /// whichever rule asked first. The compiler's telemetry sees one analyzer, the suite; the
    /// benchmark attaches a clock to see inside it. Users' builds never create one, so no
    /// callback is then timed. Given the collector's pause time, the clock leaves out the pauses
    /// that interrupt the work it times, and counts them apart.
    /// </summary>
    internal sealed class RuleClock
    {
        private readonly long[] _ticks;
        private readonly ThreadLocal<SharedWork> _shared = new(() => new SharedWork());
        private readonly Func<TimeSpan>? _collectorPauses;
        private long _modelTicks;
        private long _pauseTicks;

        /// <param name="collectorPauses">The process's total garbage-collection pause time so far, if the pauses are to be left out.</param>
        public RuleClock(int rules, Func<TimeSpan>? collectorPauses = null)
        {
            _ticks = new long[rules];
            _collectorPauses = collectorPauses;
        }

        /// <summary>Collector pauses that fell inside the callbacks this clock timed.</summary>
        public TimeSpan Pauses => Elapsed(Interlocked.Read(ref _pauseTicks));

        /// <summary>A timestamp that does not advance while the collector pauses the process.</summary>
        public long Now() => Stopwatch.GetTimestamp() - PausedSoFar();

        /// <summary>Starts timing one callback of the driver's.</summary>
        public long StartCallback() => PausedSoFar();

        /// <summary>Counts the collector's pauses since <paramref name="started"/> as pauses inside this clock's callbacks.</summary>
        public void EndCallback(long started) => Interlocked.Add(ref _pauseTicks, PausedSoFar() - started);

        private long PausedSoFar() =>
            _collectorPauses is { } pauses ? (long)(pauses().TotalSeconds * Stopwatch.Frequency) : 0;

        public TimeSpan Of(int rule) => Elapsed(Interlocked.Read(ref _ticks[rule]));

        /// <summary>Building the member models every rule shares, and their parts built on first request.</summary>
        public TimeSpan Models => Elapsed(Interlocked.Read(ref _modelTicks));

        /// <summary>Starts every measure again at zero (one clock serves many measured runs).</summary>
        public void Reset()
        {
            for (var rule = 0; rule < _ticks.Length; rule++)
            {
                Interlocked.Exchange(ref _ticks[rule], 0);
            }

            Interlocked.Exchange(ref _modelTicks, 0);
            Interlocked.Exchange(ref _pauseTicks, 0);
        }

        /// <summary>Shared work done so far on this thread, to take out of the rule that triggered it.</summary>
        public long SharedOnThisThread => _shared.Value!.Ticks;

        public void Add(int rule, long ticks) => Interlocked.Add(ref _ticks[rule], ticks);

        public void AddModels(long ticks) => Interlocked.Add(ref _modelTicks, ticks);

        /// <summary>Enters shared work (a model part built on first request); only the outermost entry is timed.</summary>
        public long EnterShared()
        {
            var shared = _shared.Value!;
            return shared.Depth++ == 0 ? Now() : 0;
        }

        public void ExitShared(long started)
        {
            var shared = _shared.Value!;
            if (--shared.Depth == 0)
            {
                var ticks = Now() - started;
                shared.Ticks += ticks;
                AddModels(ticks);
            }
        }

        /// <summary>Wraps a callback so that its time, less the shared work it triggered, is charged to <paramref name="rule"/>.</summary>
        public Action<T> Wrap<T>(int rule, Action<T> action) => argument =>
        {
            var sharedBefore = SharedOnThisThread;
            var callback = StartCallback();
            var started = Now();
            try
            {
                action(argument);
            }
            finally
            {
                Add(rule, Now() - started - (SharedOnThisThread - sharedBefore));
                EndCallback(callback);
            }
        };

        private static TimeSpan Elapsed(long ticks) => TimeSpan.FromSeconds(ticks / (double)Stopwatch.Frequency);

        private sealed class SharedWork
        {
            public int Depth;
            public long Ticks;
        }
    }
}
