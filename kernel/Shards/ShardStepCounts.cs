namespace GbaSim.Kernel.Shards;

/// <summary>What one step did on one shard: the turns run, the messages delivered and the actors activated by their first message.</summary>
public readonly record struct ShardStepCounts(long Turns, long Delivered, long Activations);
