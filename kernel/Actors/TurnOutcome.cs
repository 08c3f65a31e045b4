using GbaSim.Kernel.Messaging;

namespace GbaSim.Kernel.Actors;

/// <summary>What a turn left behind: the messages it sent, and whether the actor halted (until a message, or until <see cref="WakeStep"/> when that is positive).</summary>
public readonly record struct TurnOutcome<TMessage>(EnvelopeBuffer<TMessage> Sent, bool Halted, long WakeStep)
    where TMessage : unmanaged;
