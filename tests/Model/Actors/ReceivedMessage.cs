using GbaSim.Model.Ecosystem;
using GbaSim.Kernel.Identity;

namespace GbaSim.Tests.Model.Actors;

/// <summary>A message a probe received: the step it was delivered in, who sent it, and what it was.</summary>
public readonly record struct ReceivedMessage(long Step, ActorId Sender, EcosystemMessage Message)
{
    public MessageKind Kind => Message.Kind;
}
