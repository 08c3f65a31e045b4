using GbaSim.Kernel.Actors;
using GbaSim.Kernel.Identity;
using GbaSim.Kernel.Snapshots;

namespace GbaSim.Grains.Sharding;

/// <summary>
/// A model as shard grains host it: its actor types, the actors a run starts with, which actors
/// report to the run after every step and what they say, how people name actors, and how a checkpoint keeps them.
/// </summary>
public interface IShardModel<TMessage> : IActorArchive<TMessage>
    where TMessage : unmanaged
{
    ActorTypeRegistry<TMessage> Types { get; }

    /// <summary>The identities of the actors the run starts with (on any shard).</summary>
    IEnumerable<ActorId> InitialActors();

    /// <summary>The actor the run starts with under this identity, or a new one from its type's factory.</summary>
    Actor<TMessage> ActorFor(ActorId id);

    /// <summary>Whether this actor reports to the run after every step.</summary>
    bool Reports(ActorId id);

    /// <summary>What a reporting actor tells the run after a step.</summary>
    ActorReport Report(ActorId id, Actor<TMessage> actor);

    /// <summary>Finds an actor by the names people write (<c>city</c>, <c>Shenzhen</c>).</summary>
    bool TryFind(string type, string key, out ActorId id);

    /// <summary>The model of a variant forked from this one, and how an actor of this model is copied into it.</summary>
    (IShardModel<TMessage> Model, Func<ActorId, Actor<TMessage>, Actor<TMessage>> Clone) ForVariant(ShardModelSpec variant);
}
