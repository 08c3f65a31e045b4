using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace GbaSim.Kernel.Hosting;

/// <summary>
/// What the runtime tells observers, through <see cref="System.Diagnostics"/> only (any
/// OpenTelemetry SDK, or a plain <see cref="ActivityListener"/>, can pick it up by name):
/// a <c>step</c> span per superstep with a <c>partition turn</c> child per partition, and the
/// counters <c>gbasim.messages</c> and <c>gbasim.turns</c> and the histogram
/// <c>gbasim.step.duration</c>. With nobody listening, a step starts no span and allocates nothing.
/// </summary>
public static class RuntimeTelemetry
{
    /// <summary>The name of both the activity source and the meter.</summary>
    public const string Name = "GbaSim.Kernel";

    public const string StepSpan = "step";

    public const string PartitionTurnSpan = "partition turn";

    public static readonly ActivitySource Source = new(Name, "1.0");

    public static readonly Meter Meter = new(Name, "1.0");

    /// <summary>Messages delivered to grains, counted per step.</summary>
    public static readonly Counter<long> Messages = Meter.CreateCounter<long>("gbasim.messages", "{message}", "Messages delivered to grains.");

    /// <summary>Grain turns run.</summary>
    public static readonly Counter<long> Turns = Meter.CreateCounter<long>("gbasim.turns", "{turn}", "Grain turns run.");

    /// <summary>Wall-clock time of one superstep, delivery and turns of every partition to the barrier.</summary>
    public static readonly Histogram<double> StepDuration = Meter.CreateHistogram<double>("gbasim.step.duration", "ms", "Wall-clock time of one superstep.");

    /// <summary>Span attribute names.</summary>
    public static class Tags
    {
        public const string Step = "gbasim.step";
        public const string Turns = "gbasim.turns";
        public const string Messages = "gbasim.messages";
        public const string Activations = "gbasim.activations";
        public const string Partition = "gbasim.partition";
        public const string Delivered = "gbasim.delivered";
    }

    /// <summary>Starts a step's span as a child of the current activity (the run's), or returns null when nobody listens.</summary>
    internal static Activity? StartStep(long step)
    {
        if (!Source.HasListeners())
        {
            return null;
        }
        var activity = Source.StartActivity(StepSpan);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(Tags.Step, step);
        }
        return activity;
    }

    /// <summary>
    /// Starts a partition's span under its step. Partitions run on the step's worker threads,
    /// where the step is not the current activity, so the parent is passed explicitly.
    /// </summary>
    internal static Activity? StartPartitionTurn(in ActivityContext step, int partition)
    {
        var activity = Source.StartActivity(PartitionTurnSpan, ActivityKind.Internal, step);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(Tags.Partition, partition);
        }
        return activity;
    }

    /// <summary>Counts a finished step: always the metrics (no-ops when nobody listens), and the span's tags if there is one.</summary>
    internal static void StepFinished(Activity? activity, long startTimestamp, long turns, long messages, long activations)
    {
        Messages.Add(messages);
        Turns.Add(turns);
        if (StepDuration.Enabled)
        {
            StepDuration.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds);
        }
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(Tags.Turns, turns);
            activity.SetTag(Tags.Messages, messages);
            activity.SetTag(Tags.Activations, activations);
        }
    }
}
