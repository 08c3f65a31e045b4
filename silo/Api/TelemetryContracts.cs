using GbaSim.Silo.Telemetry;

namespace GbaSim.Silo.Api;

/// <summary>A span as the dashboard reads it: times in UTC, duration in milliseconds, tags as text.</summary>
public sealed record SpanInfo(string SpanId, string? ParentId, string Name, DateTime Start, double DurationMs, string? Status, IReadOnlyDictionary<string, string?> Tags)
{
    public static SpanInfo From(SpanRecord span)
    {
        ArgumentNullException.ThrowIfNull(span);
        var tags = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (key, value) in span.Tags)
        {
            tags[key] = SpanRecord.Text(value);
        }
        return new SpanInfo(
            span.SpanId.ToHexString(),
            span.IsRoot ? null : span.ParentSpanId.ToHexString(),
            span.Name,
            span.Start,
            span.Duration.TotalMilliseconds,
            span.Status == System.Diagnostics.ActivityStatusCode.Unset ? null : span.Status.ToString().ToLowerInvariant(),
            tags);
    }
}

/// <summary>One trace held by the silo's in-process buffer, spans by start time.</summary>
public sealed record TraceInfo(string TraceId, IReadOnlyList<SpanInfo> Spans);

/// <summary>A run's runtime trace: its run span, step spans and partition-turn spans (as many as the buffer still holds).</summary>
public sealed record RunTraceInfo(string RunId, string TraceId, int SpanCount, IReadOnlyList<SpanInfo> Spans);

/// <summary>A run's technology-chain traces that the buffer still holds.</summary>
public sealed record ChainTracesInfo(string RunId, int TraceCount, IReadOnlyList<TraceInfo> Traces);

/// <summary>The silo's current metric values.</summary>
public sealed record MetricsInfo(DateTimeOffset CollectedAt, string Service, IReadOnlyList<MetricValue> Metrics);
