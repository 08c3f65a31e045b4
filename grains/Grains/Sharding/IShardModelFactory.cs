namespace GbaSim.Grains.Sharding;

/// <summary>Builds the shards of runs of one model; the silo registers one per model it can host.</summary>
public interface IShardModelFactory
{
    bool Builds(ShardModelSpec spec);

    /// <summary>The engine of one shard: its share of the run's actors, ready for step 0.</summary>
    IShardEngine Create(ShardSetup setup);

    /// <summary>The engine of one shard as <see cref="IShardEngine.Snapshot"/> kept it.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a snapshot of this shard.</exception>
    IShardEngine Restore(ShardSetup setup, ReadOnlyMemory<byte> snapshot);
}
