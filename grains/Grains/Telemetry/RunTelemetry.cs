using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace GbaSim.Grains.Telemetry;

/// <summary>
/// What runs tell observers about their stepping, through <see cref="System.Diagnostics"/> only
/// (any OpenTelemetry SDK, or a plain <see cref="ActivityListener"/>, can pick it up by name): a
/// <c>step</c> span per step under the run's span, with a <c>shard step</c> child per shard
/// (carried across silos by Orleans's activity propagation), and the counters
/// <c>gbasim.messages</c> and <c>gbasim.turns</c> and the histogram <c>gbasim.step.duration</c>.
/// With nobody listening, a step starts no span.
/// </summary>
public static class RunTelemetry
{
    /// <summary>The name of both the activity source and the meter.</summary>
    public const string Name = "GbaSim.Runs";

    public const string StepSpan = "step";

    public const string ShardStepSpan = "shard step";

    public static readonly ActivitySource Source = new(Name, "1.0");

    public static readonly Meter Meter = new(Name, "1.0");

    /// <summary>Messages delivered to actors, counted per step.</summary>
    public static readonly Counter<long> Messages = Meter.CreateCounter<long>("gbasim.messages", "{message}", "Messages delivered to actors.");

    /// <summary>Actor turns run.</summary>
    public static readonly Counter<long> Turns = Meter.CreateCounter<long>("gbasim.turns", "{turn}", "Actor turns run.");

    /// <summary>Envelopes one shard hands to another, tagged by source and destination shard, so that what would cross silos can be counted for any cluster.</summary>
    public static readonly Counter<long> Exchanged = Meter.CreateCounter<long>(ExchangedName, "{envelope}", "Envelopes handed from one shard to another.");

    public const string ExchangedName = "gbasim.envelopes.exchanged";

    /// <summary>Counts envelopes handed between two shards; tags are built only when someone listens, so a step allocates nothing for it otherwise.</summary>
    public static void EnvelopesExchanged(int source, int destination, int count)
    {
        if (Exchanged.Enabled)
        {
            Exchanged.Add(count, new(Tags.SourceShard, source), new(Tags.DestinationShard, destination));
        }
    }

    /// <summary>Wall-clock time of one step, every shard to the barrier.</summary>
    public static readonly Histogram<double> StepDuration = Meter.CreateHistogram<double>("gbasim.step.duration", "ms", "Wall-clock time of one step.");

    /// <summary>Span attribute names.</summary>
    public static class Tags
    {
        public const string Step = "gbasim.step";
        public const string SourceShard = "gbasim.shard.source";
        public const string DestinationShard = "gbasim.shard.destination";
        public const string Turns = "gbasim.turns";
        public const string Messages = "gbasim.messages";
        public const string Activations = "gbasim.activations";
        public const string Shard = "gbasim.shard";
        public const string Delivered = "gbasim.delivered";
    }

    /// <summary>Starts a step's span as a child of the current activity (the run's), or returns null when nobody listens.</summary>
    public static Activity? StartStep(long step)
    {
        if (!Source.HasListeners())
        {
            return null;
        }
        var activity = Source.StartActivity(StepSpan);
        activity?.SetTag(Tags.Step, step);
        return activity;
    }

    /// <summary>Starts a shard's span for one step, under the current activity (the step's, through the grain call).</summary>
    public static Activity? StartShardStep(int shard, long step)
    {
        if (!Source.HasListeners())
        {
            return null;
        }
        var activity = Source.StartActivity(ShardStepSpan);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(Tags.Shard, shard);
            activity.SetTag(Tags.Step, step);
        }
        return activity;
    }

    /// <summary>Counts a finished step: always the metrics (no-ops when nobody listens), and the span's tags if there is one.</summary>
    public static void StepFinished(Activity? activity, long startTimestamp, long turns, long messages, long activations)
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
