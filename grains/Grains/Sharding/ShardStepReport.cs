namespace GbaSim.Grains.Sharding;

/// <summary>What a shard did in one step, and what its reporting actors told the run.</summary>
/// <param name="Failure">The failure that stopped the shard in words, or null.</param>
/// <param name="FailedActorOrder">The failed actor's place in identity order (type code, key), so the run names the lowest failure of all shards.</param>
/// <param name="AwaitsExchange">Whether batches for shards on other silos wait for <see cref="IShardGrain.Exchange"/>; those for shards on this silo were handed over in the step.</param>
[GenerateSerializer, Immutable, Alias("gbasim.ShardStepReport")]
public sealed record ShardStepReport(
    int Shard,
    long Step,
    long Turns,
    long Delivered,
    long Activations,
    double Seconds,
    IReadOnlyList<ActorReport> Reports,
    string? Failure,
    (int Type, long Key)? FailedActorOrder,
    bool AwaitsExchange = true);
