using System.Diagnostics;
using GbaSim.Engine.Telemetry;
using OpenTelemetry;

namespace GbaSim.Silo.Telemetry;

/// <summary>
/// Hands every finished, recorded span to an in-process buffer, synchronously and without
/// batching (a copy and a lock per span): chain spans to their own buffer so the many
/// technology traces of a large run never push the runtime's spans out, everything else
/// (runs, steps, shard steps, requests) to the other. Orleans's own spans (one per grain call)
/// go only to OTLP: they would crowd the runs out of the buffer. A run span that starts tells
/// the buffer which trace the run is.
/// </summary>
public sealed class InProcessSpanProcessor(InProcessSpanBuffer spans, InProcessSpanBuffer chains) : BaseProcessor<Activity>
{
    public override void OnStart(Activity data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Source.Name == RunSpan.SourceName && data.GetTagItem(ChainAttributes.RunId) is string runId)
        {
            spans.RegisterRun(runId, data.TraceId);
        }
    }

    public override void OnEnd(Activity data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!data.Recorded || data.Source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal))
        {
            return;
        }
        (data.Source.Name == ChainTracer.SourceName ? chains : spans).Add(SpanRecord.From(data));
    }
}
