using GbaSim.Grains.Ecosystem;
using GbaSim.Grains.Experiments;
using GbaSim.Grains.Runs;
using GbaSim.Grains.Scenarios;
using GbaSim.Grains.Sharding;
using GbaSim.Grains.Storage;
using GbaSim.Silo.Storage;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace GbaSim.Silo.Hosting;

/// <summary>
/// Makes an Orleans silo a GbaSim silo: the services its grains use (the results store, the
/// scenario library, the comparison archive, the worlds and shards it hosts, the GBA model),
/// the shard placement, and the cluster's identity. Every host of a GbaSim silo goes through
/// here: the <c>gbasim-silo</c> process, the silo the CLI embeds, test clusters and benchmarks.
/// </summary>
public static class GbaSimSiloBuilderExtensions
{
    /// <param name="storage">
    /// The data folder as a silo process owns it (locked, its store checked and open); null for
    /// silos that share a store in one process, such as test clusters, which open it on first use.
    /// </param>
    public static ISiloBuilder AddGbaSim(this ISiloBuilder silo, SiloOptions options, IConfiguration? configuration = null, SiloStorage? storage = null)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(options);
        var data = Path.GetFullPath(options.DataFolder);
        silo.Configure<ClusterOptions>(cluster =>
        {
            cluster.ClusterId = options.ClusterId;
            cluster.ServiceId = GbaSim.Contracts.ClusterIdentity.ServiceId;
        });
        silo.AddActivityPropagation();
        // A shard's step is one long turn by design (tens of thousands of actors); warn only when one is far longer than that.
        silo.Configure<SchedulingOptions>(scheduling => scheduling.TurnWarningLengthThreshold = TimeSpan.FromSeconds(10));
        silo.AddPlacementDirector<ShardPlacement, ShardPlacementDirector>();
        // A silo in a Redis cluster keeps checkpoints in that Redis (see RedisClustering); any other in its results store.
        silo.AddCheckpointStorage(inResultsStore: string.IsNullOrWhiteSpace(options.Cluster));
        var services = silo.Services;
        if (configuration is not null)
        {
            services.Configure<RunRegistryOptions>(configuration.GetSection(SiloOptions.Section));
        }
        services.Configure<ScenarioLibraryOptions>(library => library.Folder = ScenarioFolder.Resolve(options.ScenarioLibrary));
        services.Configure<ComparisonArchiveOptions>(archive => archive.Folder = Path.Combine(data, "comparisons"));
        services.AddSingleton(Options.Create(options));
        if (storage is not null)
        {
            // A factory, not an instance, so that the host disposes it (releasing the lock) when it is disposed.
            services.AddSingleton(_ => storage);
        }
        // Test clusters' silos share one store that each opens here; a silo process's is already open.
        services.AddSingleton<SqlResultsStore>(_ => storage?.Store ?? new SqliteResultsStore(data));
        services.AddSingleton<IGrainStateTable>(services => services.GetRequiredService<SqlResultsStore>());
        services.AddSingleton(services => new GuardedResultsStore(
            Faulted(options, services.GetRequiredService<SqlResultsStore>()),
            services.GetRequiredService<SqlResultsStore>().Location,
            TimeSpan.FromSeconds(options.StoreProbeSeconds),
            TimeProvider.System,
            services.GetRequiredService<ILogger<GuardedResultsStore>>()));
        services.AddSingleton<IResultsStore>(services => services.GetRequiredService<GuardedResultsStore>());
        services.AddSingleton<IStoreWriteHealth>(services => services.GetRequiredService<GuardedResultsStore>());
        services.AddSingleton<ScenarioLibrary>();
        // Comparisons live beside the runs: in a shared store when there is one, else as files in the data folder.
        services.AddSingleton<IComparisonArchive>(services => services.GetRequiredService<SqlResultsStore>() is PostgresResultsStore shared
            ? ActivatorUtilities.CreateInstance<PostgresComparisonArchive>(services, shared)
            : ActivatorUtilities.CreateInstance<ComparisonFileArchive>(services));
        services.AddSingleton<EcosystemWorlds>();
        services.AddSingleton<HostedRuns>();
        services.AddSingleton<CheckpointGate>();
        services.AddSingleton<IShardModelFactory, EcosystemShardModelFactory>();
        services.AddHostedService<UnfinishedRuns>();
        services.AddHostedService<LostSiloWatch>();
        return silo;
    }

    /// <summary>The store, or the fault-injecting one around it when the test hook asks for it.</summary>
    private static IResultsStore Faulted(SiloOptions options, IResultsStore store) =>
        options.FaultStoreAfterWrites > 0 ? new FaultingResultsStore(store, options.FaultStoreAfterWrites, options.FaultStoreWrites) : store;
}
