namespace GbaSim.Grains.Storage;

/// <summary>Names of the Orleans grain storage that holds checkpoints.</summary>
public static class CheckpointStorage
{
    /// <summary>The grain storage provider shards write their checkpoints to (Redis in a Redis cluster, else the results store).</summary>
    public const string ProviderName = "checkpoints";

    /// <summary>The state name a shard's checkpoint is kept under.</summary>
    public const string ShardState = "shard";
}
