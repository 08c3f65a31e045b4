using GbaSim.Kernel.Identity;
using GbaSim.Kernel.Messaging;

namespace GbaSim.Kernel.Actors;

/// <summary>
/// Runs the turns of actors that live on their own rather than in a shard (one actor per
/// host, such as an Orleans actor per firm). A turn sees exactly what it would see in a shard:
/// the same inbox, the same random stream and the same way to send; what it sends is collected
/// for the shard that routes it.
/// </summary>
public sealed unsafe class ActorTurns<TMessage>
    where TMessage : unmanaged
{
    private readonly ActorContext<TMessage> _context;
    private readonly EnvelopeBuffer<TMessage>[] _sent = [new()];

    public ActorTurns(ActorTypeRegistry<TMessage> types, ulong seed)
    {
        _context = new ActorContext<TMessage>(types, seed);
        _context.UseOutboxes(_sent);
    }

    /// <summary>Runs one turn. The messages sent are valid until the next turn.</summary>
    public TurnOutcome<TMessage> Run(ActorId id, Actor<TMessage> actor, long step, Envelope<TMessage>[] inbox)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(inbox);
        _sent[0].Clear();
        fixed (Envelope<TMessage>* mail = inbox)
        {
            _context.BeginTurn(id, step, mail, inbox.Length);
            actor.OnStep(_context);
        }
        return new TurnOutcome<TMessage>(_sent[0], _context.Halted, _context.WakeStep);
    }
}
