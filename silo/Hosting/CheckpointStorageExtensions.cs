using GbaSim.Grains.Storage;
using GbaSim.Silo.Storage;
using Orleans.Runtime.Hosting;

namespace GbaSim.Silo.Hosting;

/// <summary>Registers the grain storage that shards write their checkpoints to, under <see cref="CheckpointStorage.ProviderName"/>.</summary>
public static class CheckpointStorageExtensions
{
    /// <param name="inResultsStore">
    /// True: GbaSim's own provider over the results store's grain-state table (SQLite or
    /// PostgreSQL), for a silo that has no other state store. False: this registers nothing, and
    /// the caller registers another provider (Redis in a Redis cluster) under the same name.
    /// </param>
    public static ISiloBuilder AddCheckpointStorage(this ISiloBuilder silo, bool inResultsStore)
    {
        ArgumentNullException.ThrowIfNull(silo);
        if (inResultsStore)
        {
            silo.Services.AddGrainStorage(CheckpointStorage.ProviderName, (services, _) => ActivatorUtilities.CreateInstance<TableGrainStorage>(services));
        }
        return silo;
    }
}
