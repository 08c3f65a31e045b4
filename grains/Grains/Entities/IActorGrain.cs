using GbaSim.Contracts.Entities;
using GbaSim.Grains.Sharding;

namespace GbaSim.Grains.Entities;

/// <summary>
/// The shard-facing side of an entity grain: the shard that owns the actor's slot drives its
/// turns, collects its report and its state for the result hash.
/// </summary>
[Alias("gbasim.IActorGrain")]
public interface IActorGrain : IEntityGrain
{
    /// <summary>One turn of the actor <paramref name="actorType"/>/<paramref name="actorKey"/> of the run, with its inbox.</summary>
    [Alias("Turn")]
    Task<ActorTurnResult> Turn(long step, int actorType, long actorKey, EnvelopeBatch inbox);

    [Alias("Report")]
    Task<ActorReport?> Report();

    [Alias("Digest")]
    Task<ShardDigest> Digest();

    /// <summary>Lets the actor go when its run releases its shards.</summary>
    [Alias("Release")]
    Task Release();
}
