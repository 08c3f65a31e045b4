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
    public static ISiloBuilder AddGbaSim(this ISiloBuilder silo, SiloOptions options, IConfiguration? configuration = null)
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
        silo.AddPlacementDirector<ShardPlacement, ShardPlacementDirector>();
        var services = silo.Services;
        if (configuration is not null)
        {
            services.Configure<RunRegistryOptions>(configuration.GetSection(SiloOptions.Section));
        }
        services.Configure<ScenarioLibraryOptions>(library => library.Folder = ScenarioFolder.Resolve(options.ScenarioLibrary));
        services.Configure<ComparisonArchiveOptions>(archive => archive.Folder = Path.Combine(data, "comparisons"));
        services.AddSingleton(Options.Create(options));
        services.AddSingleton<IResultsStore>(_ => new SqliteResultsStore(data));
        services.AddSingleton<ScenarioLibrary>();
        services.AddSingleton<ComparisonArchive>();
        services.AddSingleton<EcosystemWorlds>();
        services.AddSingleton<HostedRuns>();
        services.AddSingleton<IShardModelFactory, EcosystemShardModelFactory>();
        services.AddHostedService<UnfinishedRuns>();
        return silo;
    }
}
