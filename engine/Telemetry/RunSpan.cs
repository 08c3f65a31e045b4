using System.Diagnostics;
using System.Globalization;
using GbaSim.Engine.Runs;

namespace GbaSim.Engine.Telemetry;

/// <summary>
/// The span <c>run {scenario}</c> (activity source <c>GbaSim.Engine</c>) around a run: the child
/// of the call that asked for the run (a client's command, an HTTP request), whatever activity is
/// current when the run starts, so that one trace goes from the caller through the run to its
/// steps and shards; the root of a trace of its own when nobody asked. It carries
/// <c>gbasim.run_id</c> from its start, so a host can tell which trace is whose. Disposing it ends
/// it and restores the activity that was current before.
/// </summary>
public readonly struct RunSpan : IDisposable
{
    public const string SourceName = "GbaSim.Engine";

    public static readonly ActivitySource Source = new(SourceName, "1.0");

    private readonly Activity? _outer;

    private RunSpan(Activity? activity, Activity? outer)
    {
        Activity = activity;
        _outer = outer;
    }

    /// <summary>The run's activity, or null when nobody listens.</summary>
    public Activity? Activity { get; }

    public static RunSpan Start(string scenario, string? runId, ulong seed, double scale, int months, ActivityContext requestedBy)
    {
        if (!Source.HasListeners())
        {
            return default;
        }
        var outer = Activity.Current;
        Activity.Current = null;
        var tags = new List<KeyValuePair<string, object?>>
        {
            new("gbasim.scenario", scenario),
            new("gbasim.seed", seed.ToString(CultureInfo.InvariantCulture)),
            new("gbasim.scale", scale),
            new("gbasim.months", months),
        };
        if (runId is not null)
        {
            tags.Add(new(ChainAttributes.RunId, runId));
        }
        var activity = Source.StartActivity($"run {scenario}", ActivityKind.Internal, requestedBy, tags);
        if (activity is null)
        {
            Activity.Current = outer;
        }
        return new RunSpan(activity, outer);
    }

    public void Completed(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (Activity is { IsAllDataRequested: true } activity)
        {
            activity.SetTag("gbasim.steps", result.Steps);
            activity.SetTag("gbasim.result_hash", result.ResultHash);
        }
    }

    public void Failed(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        Activity?.SetStatus(ActivityStatusCode.Error, exception is OperationCanceledException ? "cancelled" : exception.Message);
    }

    public void Dispose()
    {
        if (Activity is not null)
        {
            Activity.Dispose();
            Activity.Current = _outer;
        }
    }
}
