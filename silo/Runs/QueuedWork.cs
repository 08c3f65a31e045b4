namespace GbaSim.Silo.Runs;

/// <summary>What one of the coordinator's places executes: a single run, or a fork group whose runs share their past.</summary>
internal sealed record QueuedWork(IReadOnlyList<ActiveRun> Runs, Action Execute)
{
    /// <summary>Asks every run of the work to stop (the silo is shutting down).</summary>
    public void CancelAll()
    {
        foreach (var run in Runs)
        {
            try
            {
                run.Cancellation.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // Finished and released already.
            }
        }
    }
}
