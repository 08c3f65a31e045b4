using GbaSim.Kernel.Actors;
using GbaSim.Kernel.Identity;

namespace GbaSim.Kernel.Snapshots;

/// <summary>How a model writes its actors into a shard's snapshot and makes them again from it.</summary>
public interface IActorArchive<TMessage>
    where TMessage : unmanaged
{
    void Save(ActorId id, Actor<TMessage> actor, SnapshotWriter writer);

    /// <summary>The actor <see cref="Save"/> wrote for <paramref name="id"/>, as a new object.</summary>
    Actor<TMessage> Load(ActorId id, SnapshotReader reader);
}
