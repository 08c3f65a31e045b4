using GbaSim.Kernel.Determinism;
using GbaSim.Kernel.Identity;
using GbaSim.Kernel.Messaging;

namespace GbaSim.Kernel.Actors;

/// <summary>
/// All an actor sees during its turn: who it is, the step, its random stream, its inbox, and
/// ways to send, to create actors and to sleep. One context serves every turn of a shard,
/// so a turn allocates nothing.
/// </summary>
public sealed unsafe class ActorContext<TMessage>
    where TMessage : unmanaged
{
    private readonly ActorTypeRegistry<TMessage> _types;
    private EnvelopeBuffer<TMessage>[] _outboxes = [];
    private readonly ulong _seed;
    private Envelope<TMessage>* _inbox;
    private int _inboxCount;
    private int _sequence;
    private bool _randomReady;
    private long _seededStep = -1;
    private ulong _stepSeed;
    private RandomStream _random;

    // The identity in two fields of their own: stored as one 12-byte, 4-aligned field, it is written
    // in two parts and its key read across both, which stalls every turn until the writes retire.
    private int _idType;
    private long _idKey;

    internal ActorContext(ActorTypeRegistry<TMessage> types, ulong seed)
    {
        _types = types;
        _seed = seed;
    }

    public ActorId Id => new(new ActorType(_idType), _idKey);

    /// <summary>The current superstep, counted from 0.</summary>
    public long Step { get; private set; }

    /// <summary>The messages sent to this actor in the previous step, in canonical order.</summary>
    public ReadOnlySpan<Envelope<TMessage>> Inbox => new(_inbox, _inboxCount);

    /// <summary>This actor's random stream for this step, seeded on first use.</summary>
    public ref RandomStream Random
    {
        get
        {
            if (!_randomReady)
            {
                if (_seededStep != Step)
                {
                    _stepSeed = RandomStream.StepSeed(_seed, Step);
                    _seededStep = Step;
                }
                _random = new RandomStream(_stepSeed, Id);
                _randomReady = true;
            }
            return ref _random;
        }
    }

    internal bool Halted { get; private set; }

    internal long WakeStep { get; private set; }

    /// <summary>Sends a message that <paramref name="target"/> receives in the next step.</summary>
    public void Send(ActorId target, in TMessage message)
    {
        _outboxes[target.ShardOf(_outboxes.Length)].Add(new Envelope<TMessage>(target, Id, _sequence++, message));
    }

    /// <summary>
    /// Creates an actor by sending it its first message; the actor is activated by its type's
    /// factory when the message is delivered, in the next step.
    /// </summary>
    public void Create(ActorId actor, in TMessage firstMessage)
    {
        _types.EnsureKnown(actor.Type);
        Send(actor, firstMessage);
    }

    /// <summary>Votes to halt: the actor is skipped until a message arrives.</summary>
    public void Halt()
    {
        Halted = true;
        WakeStep = -1;
    }

    /// <summary>Halts until <paramref name="step"/>, or until a message arrives if that is sooner.</summary>
    public void SleepUntil(long step)
    {
        if (step <= Step)
        {
            throw new ArgumentOutOfRangeException(nameof(step), step, $"An actor can only sleep until a later step than {Step}.");
        }
        Halted = true;
        WakeStep = step;
    }

    /// <summary>Points sends at this step's outboxes (they alternate between steps).</summary>
    internal void UseOutboxes(EnvelopeBuffer<TMessage>[] outboxes) => _outboxes = outboxes;

    /// <param name="inbox">The turn's mail, which stays where it is (pinned or off the heap) until the turn ends.</param>
    internal void BeginTurn(ActorId id, long step, Envelope<TMessage>* inbox, int count)
    {
        _idType = id.Type.Code;
        _idKey = id.Key;
        Step = step;
        _inbox = inbox;
        _inboxCount = count;
        _sequence = 0;
        _randomReady = false;
        Halted = false;
        WakeStep = -1;
    }
}
