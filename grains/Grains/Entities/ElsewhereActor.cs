using GbaSim.Kernel.Actors;
using GbaSim.Kernel.State;

namespace GbaSim.Grains.Entities;

/// <summary>The stand-in a shard keeps in the slot of an actor that lives in a grain of its own; the shard never runs it.</summary>
internal sealed class ElsewhereActor<TMessage> : Actor<TMessage>
    where TMessage : unmanaged
{
    public static readonly ElsewhereActor<TMessage> Instance = new();

    public override void OnStep(ActorContext<TMessage> context) =>
        throw new InvalidOperationException("This actor lives in a grain of its own; its shard only routes its messages.");

    public override void WriteState(IStateWriter writer) =>
        throw new InvalidOperationException("This actor lives in a grain of its own; ask that grain for its state.");
}
