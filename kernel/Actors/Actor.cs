using GbaSim.Kernel.State;

namespace GbaSim.Kernel.Actors;

/// <summary>
/// An actor of the model. Each step its shard calls <see cref="OnStep"/> once, never concurrently
/// with itself, with the messages sent to the actor in the previous step. Everything an actor
/// may touch is its own fields and the context it is given.
/// </summary>
public abstract class Actor<TMessage>
    where TMessage : unmanaged
{
    public abstract void OnStep(ActorContext<TMessage> context);

    /// <summary>Describes the state for the result hash and for inspection.</summary>
    public abstract void WriteState(IStateWriter writer);
}
