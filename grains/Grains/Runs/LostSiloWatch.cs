using GbaSim.Contracts.Runs;
using GbaSim.Grains.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace GbaSim.Grains.Runs;

/// <summary>
/// Watches the cluster's membership and, when a silo is declared dead, asks the registry to take
/// up every run marked running: a run whose grain lived on the lost silo has no activation left
/// to notice, so without this it would wait for a watcher to wake it. Runs still alive ignore it.
/// </summary>
public sealed partial class LostSiloWatch(IClusterMembershipService membership, IResultsStore store, IGrainFactory grains, ILogger<LostSiloWatch> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var dead = new HashSet<SiloAddress>();
        try
        {
            await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(stoppingToken))
            {
                var newlyDead = snapshot.Members.Values.Where(m => m.Status == SiloStatus.Dead && dead.Add(m.SiloAddress)).Select(m => m.SiloAddress).ToArray();
                if (newlyDead.Length > 0 && !stoppingToken.IsCancellationRequested)
                {
                    await TakeUpRunningRuns(newlyDead);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task TakeUpRunningRuns(SiloAddress[] lost)
    {
        LogSiloDead(logger, string.Join(", ", lost.Select(s => s.ToString())));
        IReadOnlyList<RunRecord> running;
        try
        {
            running = store.ListRuns().Where(r => r.Status == RunStatus.Running).ToArray();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogCannotList(logger, ex);
            return;
        }
        foreach (var run in running)
        {
            try
            {
                await grains.GetGrain<IRunRegistryGrain>(IRunRegistryGrain.Key).Resume(run.Id);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The run's own recovery (or a later membership change) may still take it up.
                LogCannotTakeUp(logger, run.Id, ex.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Silo {Silos} declared dead; checking that every running run goes on.")]
    private static partial void LogSiloDead(ILogger logger, string silos);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The runs to take up after a lost silo could not be listed.")]
    private static partial void LogCannotList(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} was not taken up after a lost silo: {Reason}")]
    private static partial void LogCannotTakeUp(ILogger logger, string runId, string reason);
}
