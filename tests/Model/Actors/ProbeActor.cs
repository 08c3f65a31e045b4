using GbaSim.Model.Ecosystem;
using GbaSim.Kernel.Actors;
using GbaSim.Kernel.Identity;
using GbaSim.Kernel.State;

namespace GbaSim.Tests.Model.Actors;

/// <summary>
/// A stand-in placed under a model actor's identity (a city, a ledger, an institution, a firm):
/// it records every message delivered to it and, on its next turn, sends whatever the test queued,
/// so that the actor under test sees a real sender of the right type. It never halts.
/// </summary>
public sealed class ProbeActor : Actor<EcosystemMessage>
{
    private readonly List<(ActorId Target, EcosystemMessage Message)> _outgoing = [];

    public List<ReceivedMessage> Received { get; } = [];

    /// <summary>Queues a message that this probe sends in its next turn (so the target receives it one step later).</summary>
    public void Send(ActorId target, in EcosystemMessage message) => _outgoing.Add((target, message));

    /// <summary>The messages of one kind received so far, in delivery order.</summary>
    public IReadOnlyList<ReceivedMessage> Of(MessageKind kind) => Received.Where(r => r.Kind == kind).ToArray();

    /// <summary>The messages of one kind delivered in one step.</summary>
    public IReadOnlyList<ReceivedMessage> Of(MessageKind kind, long step) => Received.Where(r => r.Kind == kind && r.Step == step).ToArray();

    public override void OnStep(ActorContext<EcosystemMessage> context)
    {
        foreach (var envelope in context.Inbox)
        {
            Received.Add(new ReceivedMessage(context.Step, envelope.Sender, envelope.Message));
        }
        foreach (var (target, message) in _outgoing)
        {
            context.Send(target, message);
        }
        _outgoing.Clear();
    }

    public override void WriteState(IStateWriter writer) => writer.Write("received", Received.Count);
}
