namespace GbaSim.Grains.Sharding;

/// <summary>
/// A shard's state at a checkpoint, as Orleans grain persistence keeps it: the setup it belongs
/// to, the step it runs next, and the shard's snapshot bytes (see <see cref="IShardEngine.Snapshot"/>).
/// </summary>
[GenerateSerializer, Alias("gbasim.ShardCheckpoint")]
public sealed class ShardCheckpoint
{
    [Id(0)]
    public ShardSetup? Setup { get; set; }

    [Id(1)]
    public long NextStep { get; set; } = -1;

    [Id(2)]
    public byte[] Snapshot { get; set; } = [];
}
