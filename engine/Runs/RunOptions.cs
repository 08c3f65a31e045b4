using System.Diagnostics;
using GbaSim.Engine.Telemetry;

namespace GbaSim.Engine.Runs;

/// <summary>How to run a scenario: overrides of its seed and scale, and how to spread it over the machine.</summary>
public sealed record RunOptions
{
    public ulong? Seed { get; init; }

    public double? Scale { get; init; }

    /// <summary>Worker threads; 0 means one per core. Never changes results.</summary>
    public int Threads { get; init; }

    /// <summary>Run only the first months of the horizon (policies keep their dates); null runs it all.</summary>
    public int? Months { get; init; }

    /// <summary>A grain to make fail, for rehearsing failure handling; null in normal runs.</summary>
    public InjectedFault? Fault { get; init; }

    /// <summary>Partitions; never changes results.</summary>
    public int Partitions { get; init; } = 16;

    /// <summary>The host's name for the run (the silo's run id), put on its spans; null outside a silo.</summary>
    public string? RunId { get; init; }

    /// <summary>The span that asked for the run (an API request), which the run's own trace links to; default for none.</summary>
    public ActivityContext RequestedBy { get; init; }

    /// <summary>Which technologies get a chain trace; null chooses by scale (<see cref="ChainTraceOptions.ForScale"/>).</summary>
    public ChainTraceOptions? ChainTraces { get; init; }
}
