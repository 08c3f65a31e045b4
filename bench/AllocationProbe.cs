using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace GbaSim.Bench;

/// <summary>Temporary: sums sampled large-object allocations by type.</summary>
internal sealed class AllocationProbe : EventListener
{
    public static readonly ConcurrentDictionary<string, long> Large = new();
    public static readonly ConcurrentDictionary<string, long> Small = new();

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventName is null || !e.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.Payload is null)
        {
            return;
        }
        var kind = Convert.ToInt32(e.Payload[e.PayloadNames!.IndexOf("AllocationKind")]);
        var type = e.Payload[e.PayloadNames.IndexOf("TypeName")]?.ToString() ?? "?";
        var amount = Convert.ToInt64(e.Payload[e.PayloadNames.IndexOf("AllocationAmount64")]);
        (kind == 1 ? Large : Small).AddOrUpdate(type, amount, (_, v) => v + amount);
    }

    public static void Print()
    {
        foreach (var (k, v) in Large.OrderByDescending(kv => kv.Value).Take(15)) Console.Error.WriteLine($"LOH {v / 1e6,10:F1} MB {k}");
        foreach (var (k, v) in Small.OrderByDescending(kv => kv.Value).Take(25)) Console.Error.WriteLine($"SOH {v / 1e6,10:F1} MB {k}");
    }
}
