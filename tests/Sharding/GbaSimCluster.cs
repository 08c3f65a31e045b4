using GbaSim.Contracts.Runs;
using GbaSim.Grains.Sharding;
using GbaSim.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace GbaSim.Tests.Sharding;

/// <summary>
/// GbaSim silos in this process, as <c>AddGbaSim</c> sets every silo up: one results store in a
/// temporary data folder that all silos share, and a temporary copy of the repository's scenario
/// library that tests may add files to. Disposing stops the silos and deletes both folders.
/// </summary>
public sealed class GbaSimCluster : IAsyncDisposable
{
    /// <summary>Longest a test waits for one run; a hung run fails its test instead of the whole suite.</summary>
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(5);

    private readonly InProcessTestCluster _cluster;
    private readonly DirectoryInfo _folder;

    private GbaSimCluster(InProcessTestCluster cluster, DirectoryInfo folder)
    {
        _cluster = cluster;
        _folder = folder;
    }

    public IClusterClient Client => _cluster.Client;

    /// <summary>The silos' scenario library: submitted scenarios resolve <c>extends</c> and <c>world</c> here.</summary>
    public string Library => Path.Combine(_folder.FullName, "scenarios");

    public static async Task<GbaSimCluster> Start(short silos)
    {
        var folder = Directory.CreateTempSubdirectory("gbasim-cluster-");
        var library = Path.Combine(folder.FullName, "scenarios");
        CopyFolder(Scenarios.Repository.PathOf("scenarios"), library);
        var builder = new InProcessTestClusterBuilder(silos);
        // AddGbaSim sets the cluster's identity; the test client must name the same.
        builder.Options.ServiceId = GbaSim.Contracts.ClusterIdentity.ServiceId;
        var options = new SiloOptions { ClusterId = builder.Options.ClusterId, DataFolder = Path.Combine(folder.FullName, "data"), ScenarioLibrary = library };
        builder.ConfigureSilo((_, silo) => silo.AddGbaSim(options));
        var cluster = builder.Build();
        try
        {
            await cluster.DeployAsync();
            await cluster.WaitForLivenessToStabilizeAsync();
        }
        catch
        {
            await cluster.DisposeAsync();
            folder.Delete(recursive: true);
            throw;
        }
        return new GbaSimCluster(cluster, folder);
    }

    /// <summary>Submits a run and waits for its final record, which must say it completed.</summary>
    public async Task<RunInfo> Run(RunRequest request)
    {
        var final = await RunToEnd(request);
        Assert.True(final.Status == RunStatusNames.Completed, $"Run {final.Id} ended {final.Status}: {final.Error}");
        return final;
    }

    /// <summary>Submits a run and waits for its final record, however it ended.</summary>
    public async Task<RunInfo> RunToEnd(RunRequest request)
    {
        var submitted = await Client.GetGrain<IRunRegistryGrain>(IRunRegistryGrain.Key).Submit(request);
        return await Finished(submitted.Id);
    }

    /// <summary>Waits, through the run's live events, for its final record.</summary>
    public async Task<RunInfo> Finished(string runId)
    {
        using var timeout = new CancellationTokenSource(RunTimeout);
        await foreach (var item in Client.GetGrain<IRunGrain>(runId).Watch(timeout.Token).WithCancellation(timeout.Token))
        {
            if (item.Final is { } final)
            {
                return final;
            }
        }
        throw new InvalidOperationException($"Watching run {runId} ended without its final record.");
    }

    /// <summary>
    /// Waits for the run's final record as a client that keeps following does: when the watch
    /// breaks (the run's grain was on a lost silo), it watches again, and reports every notice.
    /// </summary>
    public async Task<(RunInfo Final, IReadOnlyList<string> Notices)> Follow(string runId, Func<int, Task>? onMonth = null)
    {
        using var timeout = new CancellationTokenSource(RunTimeout);
        var notices = new List<string>();
        while (true)
        {
            try
            {
                await foreach (var item in Client.GetGrain<IRunGrain>(runId).Watch(timeout.Token).WithCancellation(timeout.Token))
                {
                    if (item.Notice is { } notice)
                    {
                        notices.Add(notice);
                    }
                    if (item.Month is { } month && onMonth is not null)
                    {
                        await onMonth(month.MonthsDone);
                    }
                    if (item.Final is { } final)
                    {
                        return (final, notices);
                    }
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException && !timeout.IsCancellationRequested)
            {
                notices.Add($"watch broke: {ex.GetType().Name}");
                await Task.Delay(TimeSpan.FromMilliseconds(500), timeout.Token);
            }
        }
    }

    /// <summary>Stops silo <paramref name="silo"/> (0 is the primary, which test clusters keep) in order, or kills it at once.</summary>
    public Task StopSilo(int silo, bool kill) => kill ? _cluster.KillSiloAsync(_cluster.Silos[silo]) : _cluster.StopSiloAsync(_cluster.Silos[silo]);

    /// <summary>The index of the silo that holds the activation of run <paramref name="runId"/>'s grain (-1 if none does).</summary>
    public async Task<int> SiloOfRun(string runId)
    {
        var statistics = await Client.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        var held = statistics.FirstOrDefault(s => s.GrainId.Key.ToString() == runId);
        return held is null ? -1 : _cluster.Silos.ToList().FindIndex(silo => silo.SiloAddress.Equals(held.SiloAddress));
    }

    /// <summary>The services of one silo of the cluster.</summary>
    public IServiceProvider SiloServices(int silo) => _cluster.Silos[silo].ServiceProvider;

    public Task<RunResults> Results(string runId) => Client.GetGrain<IRunResultsGrain>(0).Results(runId, null);

    /// <summary>For each silo in address order (the order shard placement deals in), the indices of the run's shards it hosts.</summary>
    public IReadOnlyList<int[]> ShardsPerSilo(string runId, int shards) => _cluster.Silos
        .OrderBy(silo => silo.SiloAddress.ToParsableString(), StringComparer.Ordinal)
        .Select(silo => silo.ServiceProvider.GetRequiredService<HostedRuns>())
        .Select(hosted => Enumerable.Range(0, shards).Where(i => hosted.Shard(runId, i) is not null).ToArray())
        .ToArray();

    public async ValueTask DisposeAsync()
    {
        await _cluster.StopAllSilosAsync();
        await _cluster.DisposeAsync();
        // Pooled SQLite connections would otherwise keep the database file open.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
