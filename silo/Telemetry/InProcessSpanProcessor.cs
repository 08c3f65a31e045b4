using System.Collections.Concurrent;
using System.Diagnostics;
using GbaSim.Engine.Telemetry;
using OpenTelemetry;

namespace GbaSim.Silo.Telemetry;

/// <summary>
/// Hands every finished, recorded span to an in-process buffer, synchronously and without
/// batching (a copy and a lock per span): chain spans to their own buffer so the many
/// technology traces of a large run never push the runtime's spans out, everything else
/// (runs, steps, shard steps, requests) to the other. Orleans's own spans (one per grain call)
/// go only to OTLP: they would crowd the runs out of the buffer. A span whose parent is such a
/// call (a shard's step under the run's step, a run under the call that submitted it) is kept
/// under the nearest span the buffer holds, so the dashboard still shows request, run, steps and
/// shard steps as one tree. A run span that starts tells the buffer which trace the run is.
/// </summary>
public sealed class InProcessSpanProcessor(InProcessSpanBuffer spans, InProcessSpanBuffer chains) : BaseProcessor<Activity>
{
    /// <summary>Orleans calls remembered after they end, for runs that start (from the queue) after the call that submitted them.</summary>
    private const int EndedCallsKept = 4096;

    /// <summary>Orleans call spans, open or recently ended, and their parents.</summary>
    private readonly ConcurrentDictionary<ActivitySpanId, ActivitySpanId> _calls = new();

    private readonly ConcurrentQueue<ActivitySpanId> _ended = new();

    public override void OnStart(Activity data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (IsOrleans(data))
        {
            _calls[data.SpanId] = data.ParentSpanId;
        }
        else if (data.Source.Name == RunSpan.SourceName && data.GetTagItem(ChainAttributes.RunId) is string runId)
        {
            spans.RegisterRun(runId, data.TraceId);
        }
    }

    public override void OnEnd(Activity data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (IsOrleans(data))
        {
            _ended.Enqueue(data.SpanId);
            while (_ended.Count > EndedCallsKept && _ended.TryDequeue(out var oldest))
            {
                _calls.TryRemove(oldest, out _);
            }
            return;
        }
        if (!data.Recorded)
        {
            return;
        }
        var record = SpanRecord.From(data);
        var parent = record.ParentSpanId;
        for (var hops = 0; hops < 16 && parent != default && _calls.TryGetValue(parent, out var above); hops++)
        {
            parent = above;
        }
        (data.Source.Name == ChainTracer.SourceName ? chains : spans).Add(parent == record.ParentSpanId ? record : record with { ParentSpanId = parent });
    }

    private static bool IsOrleans(Activity data) => data.Source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal);
}
