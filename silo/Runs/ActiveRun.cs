using GbaSim.Engine.Runs;
using GbaSim.Silo.Live;

namespace GbaSim.Silo.Runs;

/// <summary>A run the silo knows in memory: its live feed, its cancellation and, once built, its grains.</summary>
public sealed class ActiveRun(RunTicket ticket) : IDisposable
{
    public RunTicket Ticket { get; } = ticket;

    public LiveFeed Feed { get; } = new();

    public CancellationTokenSource Cancellation { get; } = new();

    /// <summary>The span of the request that submitted the run; default if none was recorded.</summary>
    public System.Diagnostics.ActivityContext RequestedBy { get; init; }

    /// <summary>The run's grains, from when the world is built until the run is released.</summary>
    public ScenarioRun? Run { get; set; }

    public void Dispose()
    {
        Run?.Dispose();
        Cancellation.Dispose();
    }
}
