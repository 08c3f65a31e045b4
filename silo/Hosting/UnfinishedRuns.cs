using GbaSim.Grains.Storage;
using GbaSim.Silo.Storage;

namespace GbaSim.Silo.Hosting;

/// <summary>
/// At start-up, marks every run an earlier silo left queued or running as interrupted: its
/// finished months are kept. A silo process has done so already while opening its data folder
/// (see <see cref="SiloStorage"/>); this only reports it then. A silo on a shared store skips it:
/// other silos may be running those runs, and a lost silo's runs are the cluster's to recover.
/// </summary>
public sealed partial class UnfinishedRuns(IResultsStore store, ILogger<UnfinishedRuns> logger, SiloStorage? storage = null) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var interrupted = storage?.Interrupted ?? store.InterruptUnfinishedRuns(DateTimeOffset.UtcNow);
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
