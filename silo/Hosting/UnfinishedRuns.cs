using GbaSim.Grains.Storage;

namespace GbaSim.Silo.Hosting;

/// <summary>At start-up, marks every run an earlier silo left queued or running as interrupted: its finished months are kept.</summary>
public sealed partial class UnfinishedRuns(IResultsStore store, ILogger<UnfinishedRuns> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var interrupted = store.InterruptUnfinishedRuns(DateTimeOffset.UtcNow);
        if (interrupted > 0)
        {
            LogInterrupted(logger, interrupted);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} run(s) left unfinished by an earlier silo were marked interrupted.")]
    private static partial void LogInterrupted(ILogger logger, int count);
}
