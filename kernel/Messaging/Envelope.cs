using System.Runtime.InteropServices;
using GbaSim.Kernel.Identity;

namespace GbaSim.Kernel.Messaging;

/// <summary>
/// A message in flight: who it is for, who sent it, the sender's sequence number within its
/// turn (which makes (Sender, Sequence) a unique, canonical ordering key) and the payload.
/// </summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
public readonly struct Envelope<TMessage>
    where TMessage : unmanaged
{
    public Envelope(ActorId target, ActorId sender, int sequence, TMessage message)
    {
        Target = target;
        Sender = sender;
        Sequence = sequence;
        Message = message;
    }

    public ActorId Target { get; }

    public ActorId Sender { get; }

    public int Sequence { get; }

    public TMessage Message { get; }
}
