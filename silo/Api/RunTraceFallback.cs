using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using GbaSim.Silo.Storage;

namespace GbaSim.Silo.Api;

/// <summary>A span of a run's runtime trace; <paramref name="ParentId"/> is null for the root.</summary>
public sealed record TraceSpan(string SpanId, string? ParentId, string Name, DateTimeOffset Start, double DurationMs, IReadOnlyDictionary<string, string> Tags);

/// <summary>A run's runtime trace: its steps as spans under one root.</summary>
public sealed record RunTrace(string TraceId, IReadOnlyList<TraceSpan> Spans);

[JsonSerializable(typeof(RunTrace))]
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
public sealed partial class RunTraceJsonContext : JsonSerializerContext;

/// <summary>
/// A stand-in for <c>GET /api/runs/{id}/trace</c> until the silo records real spans of a run's
/// steps: it builds the same contract from the results store, one root span for the run and one
/// child per stored month with the month's transitions and flows. The store keeps no per-month
/// times, so each month's start and duration are the run's time spread evenly over its months
/// (tag <c>timing = estimated</c>). Drop this file, and its one line in SiloHost, when the real
/// endpoint lands.
/// </summary>
public static class RunTraceFallback
{
    public static void MapRunTraceFallback(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/runs/{id}/trace", Trace).WithTags("Runs").WithSummary("The runtime trace of a run's steps: a root span and one span per month (timings estimated from the run's duration).");

    private static IResult Trace(string id, IResultsStore store)
    {
        if (store.GetRun(id) is not { } run)
        {
            return Problems.NotFound($"There is no run '{id}'.");
        }
        var months = store.MonthActivity(id);
        var start = run.StartedAt ?? run.CreatedAt;
        var end = run.FinishedAt ?? DateTimeOffset.UtcNow;
        var total = Math.Max(0, run.Seconds is { } seconds ? seconds * 1000 : (end - start).TotalMilliseconds);
        var each = months.Count == 0 ? 0 : total / months.Count;
        var rootId = Hex(id, "run", 8);
        var spans = new List<TraceSpan>
        {
            new(rootId, null, $"run {run.Scenario}", start, total, new Dictionary<string, string>
            {
                ["run.id"] = id,
                ["run.status"] = run.Status.Name(),
                ["run.months"] = run.Months.ToString(CultureInfo.InvariantCulture),
                ["run.monthsDone"] = run.MonthsDone.ToString(CultureInfo.InvariantCulture),
            }),
        };
        foreach (var month in months)
        {
            spans.Add(new TraceSpan(Hex(id, month.YearMonth, 8), rootId, $"month {month.YearMonth}", start.AddMilliseconds(each * month.Month), each, new Dictionary<string, string>
            {
                ["month"] = month.YearMonth,
                ["transitions"] = month.Transitions.ToString(CultureInfo.InvariantCulture),
                ["flows"] = month.Flows.ToString(CultureInfo.InvariantCulture),
                ["timing"] = "estimated",
            }));
        }
        return TypedResults.Json(new RunTrace(Hex(id, "trace", 16), spans), RunTraceJsonContext.Default.RunTrace);
    }

    /// <summary>A stable id in OpenTelemetry's hex form, from the run and what it names.</summary>
    private static string Hex(string runId, string what, int bytes) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(runId + "/" + what)).AsSpan(0, bytes));
}
