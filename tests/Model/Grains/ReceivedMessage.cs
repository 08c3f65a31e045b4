using GbaSim.Grains.Contracts;
using GbaSim.Runtime.Identity;

namespace GbaSim.Tests.Model.Grains;

/// <summary>A message a probe received: the step it was delivered in, who sent it, and what it was.</summary>
public readonly record struct ReceivedMessage(long Step, GrainId Sender, EcosystemMessage Message)
{
    public MessageKind Kind => Message.Kind;
}
