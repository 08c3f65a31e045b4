using GbaSim.Grains.Sharding;

namespace GbaSim.Grains.Entities;

/// <summary>What an entity grain's turn left behind: the envelopes it sent, and whether the actor halted (until a message, or until <see cref="WakeStep"/> when positive).</summary>
[GenerateSerializer, Immutable, Alias("gbasim.ActorTurnResult")]
public sealed record ActorTurnResult(EnvelopeBatch Sent, bool Halted, long WakeStep);
