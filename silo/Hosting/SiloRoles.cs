using GbaSim.Grains.Entities;
using GbaSim.Grains.Sharding;
using Orleans.Configuration;

namespace GbaSim.Silo.Hosting;

/// <summary>
/// What a silo of a cluster hosts. A <see cref="Full"/> silo hosts every GbaSim grain. A
/// <see cref="Shards"/> silo hosts only shard and entity grains, the ones that step a run's world:
/// runs, the registry, results and comparisons live on the full silos, beside their results store.
/// That lets silos whose stores are their own (SQLite) form one cluster around a full silo, since
/// Orleans places each grain only on silos that host its class.
/// </summary>
public static class SiloRoles
{
    public const string Full = "full";

    public const string Shards = "shards";

    public static bool IsKnown(string role) => role is Full or Shards;

    /// <summary>Leaves only the shard and entity grain classes of GbaSim's grains on this silo (Orleans's own grains, such as the dashboard's, stay).</summary>
    public static ISiloBuilder HostOnlyShards(this ISiloBuilder orleans)
    {
        ArgumentNullException.ThrowIfNull(orleans);
        var gbaSim = typeof(ShardGrain).Assembly;
        orleans.Services.PostConfigure<GrainTypeOptions>(types =>
            types.Classes.RemoveWhere(type => type.Assembly == gbaSim && type != typeof(ShardGrain) && type != typeof(ActorGrain)));
        return orleans;
    }
}
