using GbaSim.Grains.Entities;
using GbaSim.Kernel.State;

namespace GbaSim.Grains.Sharding;

/// <summary>A shard's actors and how they step, whatever the model's message type; what a <see cref="ShardGrain"/> holds.</summary>
public interface IShardEngine
{
    ShardSetup Setup { get; }

    long NextStep { get; }

    /// <summary>Runs a step with the actors held here (granularity shard).</summary>
    ShardStepReport RunStep(long step);

    /// <summary>Runs a step whose turns each run in the actor's own grain (granularity entity).</summary>
    Task<ShardStepReport> RunStepInEntities(long step, IGrainFactory grains);

    /// <summary>What the last step sent to <paramref name="destination"/>, or null if nothing.</summary>
    EnvelopeBatch? OutboxTo(int destination);

    void Receive(long sentInStep, int source, EnvelopeBatch batch);

    Task<StateDigest> Digest(IGrainFactory grains);

    /// <summary>An actor's state as JSON, or null if no such actor is here.</summary>
    Task<string?> Inspect(string type, string key, IGrainFactory grains);

    /// <summary>A copy of this shard, between steps, as shard <see cref="ShardSetup.Index"/> of the branch <paramref name="branch"/>.</summary>
    IShardEngine Fork(ShardSetup branch);

    /// <summary>This shard between steps as bytes, for a checkpoint (granularity shard only).</summary>
    byte[] Snapshot();

    /// <summary>Lets go of the entity grains of this shard's actors (granularity entity); nothing to do otherwise.</summary>
    Task ReleaseEntities(IGrainFactory grains);

    /// <summary>One of this run's actors hosted on its own, for an entity grain.</summary>
    IHostedActor Host(int actorType, long actorKey);
}
