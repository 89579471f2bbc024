using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.Tracing;
using System.Linq;

namespace EffectiveML.Benchmarks
{
    /// <summary>Diagnosis: which types a run allocates, sampled by the runtime's allocation ticks (about one per 100 KB).</summary>
    public sealed class AllocationTypes : EventListener
    {
        public ConcurrentDictionary<string, long> Bytes { get; } = new();
        public bool Recording { get; set; }

        protected override void OnEventSourceCreated(EventSource source)
        {
            if (source.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs e)
        {
            if (!Recording || e.EventName is null || !e.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal))
            {
                return;
            }

            var index = e.PayloadNames!.IndexOf("TypeName");
            var amountIndex = e.PayloadNames.IndexOf("AllocationAmount64");
            var type = index >= 0 ? e.Payload![index] as string ?? "?" : "?";
            var amount = amountIndex >= 0 ? Convert.ToInt64(e.Payload![amountIndex]) : 100_000;
            Bytes.AddOrUpdate(type, amount, (_, v) => v + amount);
        }

        public IEnumerable<(string Type, long Bytes)> Top(int n) => Bytes.OrderByDescending(p => p.Value).Take(n).Select(p => (p.Key, p.Value));
    }
}
