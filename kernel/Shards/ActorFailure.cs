using GbaSim.Kernel.Actors;
using GbaSim.Kernel.Identity;

namespace GbaSim.Kernel.Shards;

/// <summary>What went wrong in a shard during a step: the actor whose turn threw (or none, when delivery failed) and the exception.</summary>
public sealed record ActorFailure(ActorId Actor, long Step, Exception Exception)
{
    /// <summary>The failure in words, naming the actor as people know it; the run stops at this step.</summary>
    public string Describe<TMessage>(ActorTypeRegistry<TMessage> types)
        where TMessage : unmanaged
    {
        ArgumentNullException.ThrowIfNull(types);
        return Actor == ActorId.System
            ? $"Delivering messages failed at step {Step}: {Exception.Message}"
            : $"Actor {types.Describe(Actor)} (type '{types.NameOf(Actor.Type)}') failed at step {Step}: {Exception.GetType().Name}: {Exception.Message}";
    }
}
