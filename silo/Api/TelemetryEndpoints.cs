using GbaSim.Engine.Telemetry;
using GbaSim.Grains.Storage;
using GbaSim.Silo.Telemetry;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GbaSim.Silo.Api;

/// <summary>
/// What the silo's dashboard reads from the in-process telemetry buffers: a run's runtime
/// trace, its technology-chain traces, and the current metric values.
/// </summary>
public static class TelemetryEndpoints
{
    private const int MaxChainTraces = 10_000;

    public static void MapTelemetryEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/runs/{id}/trace", RunTrace).WithTags("Telemetry")
            .WithSummary("A run's runtime trace from the silo's span buffer: its run span, step spans and shard-step spans.");
        app.MapGet("/api/runs/{id}/chains", ChainTraces).WithTags("Telemetry")
            .WithSummary("A run's technology-chain traces from the silo's span buffer (sampled technologies; ?technology=ID for one, ?limit=N, default 100).");
        app.MapGet("/api/telemetry/metrics", Metrics).WithTags("Telemetry")
            .WithSummary("The current values of the silo's metrics (GbaSim, HTTP server and client).");
    }

    private static Results<Ok<RunTraceInfo>, ProblemHttpResult> RunTrace(string id, IResultsStore store, SiloTelemetry telemetry)
    {
        if (store.GetRun(id) is null)
        {
            return Problems.NotFound($"There is no run '{id}'.");
        }
        if (!telemetry.Spans.TryGetRunTrace(id, out var traceId))
        {
            return Problems.NotFound($"The silo's span buffer holds no trace of run '{id}': it has not started, or ran before this silo started, or its spans have been overwritten by newer ones.");
        }
        var spans = telemetry.Spans.Trace(traceId).Select(SpanInfo.From).ToArray();
        return TypedResults.Ok(new RunTraceInfo(id, traceId.ToHexString(), spans.Length, spans));
    }

    private static Results<Ok<ChainTracesInfo>, ProblemHttpResult> ChainTraces(string id, long? technology, string? limit, IResultsStore store, SiloTelemetry telemetry)
    {
        var count = QueryNumber.Int("limit", limit, 1, MaxChainTraces);
        if (count.Problem is { } bad)
        {
            return bad;
        }
        if (store.GetRun(id) is null)
        {
            return Problems.NotFound($"There is no run '{id}'.");
        }
        var roots = telemetry.ChainSpans.Where(span => span.IsRoot && span.Tag(ChainAttributes.RunId) as string == id
            && (technology is null || span.Tag(ChainAttributes.Technology) is long t && t == technology));
        var traces = roots.Take(count.Value ?? 100).Select(r => r.TraceId).ToHashSet();
        var spans = telemetry.ChainSpans.Where(span => traces.Contains(span.TraceId));
        var result = spans.GroupBy(span => span.TraceId)
            .Select(trace => new TraceInfo(trace.Key.ToHexString(), [.. trace.OrderBy(s => s.Start).ThenBy(s => s.IsRoot ? 0 : 1).Select(SpanInfo.From)]))
            .ToArray();
        return TypedResults.Ok(new ChainTracesInfo(id, result.Length, result));
    }

    private static Ok<MetricsInfo> Metrics(SiloTelemetry telemetry) =>
        TypedResults.Ok(new MetricsInfo(DateTimeOffset.UtcNow, telemetry.ServiceName, telemetry.Metrics.Collect()));
}
