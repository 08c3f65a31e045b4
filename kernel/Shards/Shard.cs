using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;
using GbaSim.Kernel.Actors;
using GbaSim.Kernel.Identity;
using GbaSim.Kernel.Messaging;

namespace GbaSim.Kernel.Shards;

/// <summary>
/// One shard of a run: the actors whose identity hashes here, their inboxes, and the outboxes
/// they fill, one per destination shard. A shard is stepped by one thread at a time, which is
/// what makes every actor's turn single-threaded. Step t first delivers the messages sent in
/// step t - 1 (this shard's own, other shards' batches and host posts), each inbox sorted
/// canonically, then runs the turns of the actors that are awake or have mail. Outboxes and
/// inbound batches alternate between two sets by step parity, so that a batch for step t + 1
/// may arrive while step t still reads its own.
/// </summary>
public sealed partial class Shard<TMessage>
    where TMessage : unmanaged
{
    private const int PrefetchDistance = 16;

    private readonly ActorContext<TMessage> _context;
    private readonly EnvelopeBuffer<TMessage>[][] _outboxes;
    private readonly ReadOnlyMemory<Envelope<TMessage>>[][] _inbound;
    private readonly EnvelopeBuffer<TMessage> _posted = new();
    private readonly SlotDirectory _directory = new();
    private readonly SlotSet _hasMail = new();

    /// <summary>The slots with more than one envelope this step, noted while laying inboxes out: only their inboxes need ordering.</summary>
    private readonly SlotSet _hasMany = new();
    private SlotSet _runnable = new();
    private WakeSchedule? _wakes;
    private ActorId[] _ids = new ActorId[16];
    private Actor<TMessage>[] _actors = new Actor<TMessage>[16];
    private PagedTable<int> _mailCount = new(16);
    private PagedTable<int> _mailEnd = new(16);
    private PagedTable<Envelope<TMessage>> _inbox = new(16);
    private int[] _slotOf = new int[16];
    private int[] _turnSlots = new int[16];
    private int _postSequence;
    private long _turns;
    private long _delivered;
    private long _activations;

    public Shard(int index, int count, ActorTypeRegistry<TMessage> types, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(types);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, count);
        Index = index;
        Count = count;
        Types = types;
        Seed = seed;
        _context = new ActorContext<TMessage>(types, seed);
        _outboxes = [NewOutboxes(count), NewOutboxes(count)];
        _inbound = [new ReadOnlyMemory<Envelope<TMessage>>[count], new ReadOnlyMemory<Envelope<TMessage>>[count]];
    }

    public int Index { get; }

    /// <summary>The number of shards of the run.</summary>
    public int Count { get; }

    public ActorTypeRegistry<TMessage> Types { get; }

    public ulong Seed { get; }

    public int ActorCount { get; private set; }

    /// <summary>The next step to run, which is also the number of steps run.</summary>
    public long NextStep { get; private set; }

    /// <summary>What the last step went wrong with, if anything; the run cannot go on after it.</summary>
    public ActorFailure? Failure { get; private set; }

    /// <summary>Whether an actor with this identity belongs on this shard.</summary>
    public bool Owns(ActorId id) => id.ShardOf(Count) == Index;

    /// <summary>Places an actor before (or between) steps; it runs in the next step.</summary>
    public void Add(ActorId id, Actor<TMessage> actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        Types.EnsureKnown(id.Type);
        if (!Owns(id))
        {
            throw new ArgumentException($"{Types.Describe(id)} belongs on shard {id.ShardOf(Count)} of {Count}, not on shard {Index}.", nameof(id));
        }
        _runnable.Add(AddSlot(id, actor));
    }

    /// <summary>Sends a message from the host; <paramref name="target"/> (an actor of this shard) receives it in the next step.</summary>
    public void Post(ActorId target, in TMessage message)
    {
        if (!Owns(target))
        {
            throw new ArgumentException($"{Types.Describe(target)} does not belong on shard {Index}.", nameof(target));
        }
        _posted.Add(new Envelope<TMessage>(target, ActorId.System, _postSequence++, message));
    }

    /// <summary>What this shard's actors sent to <paramref name="destination"/> in the last step run.</summary>
    public EnvelopeBuffer<TMessage> OutboxTo(int destination) => _outboxes[(int)((NextStep + 1) & 1)][destination];

    /// <summary>
    /// Takes the envelopes another shard's actors sent here in step <paramref name="sentInStep"/>;
    /// they are delivered in the next step. The memory is read, never written, and must stay
    /// unchanged until that step has run.
    /// </summary>
    public void Receive(long sentInStep, int source, ReadOnlyMemory<Envelope<TMessage>> envelopes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(source);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(source, Count);
        if (source == Index)
        {
            throw new ArgumentException("A shard's messages to itself never travel.", nameof(source));
        }
        _inbound[(int)(sentInStep & 1)][source] = envelopes;
    }

    /// <summary>Runs step <paramref name="step"/> here: delivers, then runs every due turn in this thread.</summary>
    public ShardStepCounts RunStep(long step)
    {
        EnsureCanRun(step);
        var current = -1;
        try
        {
            Begin(step);
            _context.UseOutboxes(_outboxes[step & 1]);
            if (!_slotsInIdentityOrder)
            {
                var due = TakeDueSlots();
                foreach (var slot in _turnSlots.AsSpan(0, due))
                {
                    current = slot;
                    RunTurn(slot, step);
                }
                return End(step);
            }
            for (var word = 0; word < _runnable.WordCount; word++)
            {
                var bits = _runnable.TakeWord(word);
                while (bits != 0)
                {
                    var slot = (word << 6) + BitOperations.TrailingZeroCount(bits);
                    bits &= bits - 1;
                    current = slot;
                    RunTurn(slot, step);
                }
            }
        }
        catch (Exception ex)
        {
            Failure = new ActorFailure(current < 0 ? ActorId.System : _ids[current], step, ex);
        }
        return End(step);
    }

    /// <summary>
    /// Starts step <paramref name="step"/> for turns that run elsewhere (one actor per host):
    /// delivers, and returns the slots whose turns are due, in identity order. Feed each to
    /// <see cref="TurnOf"/> and <see cref="CompleteTurn"/>, then call <see cref="EndStep"/>.
    /// </summary>
    public ReadOnlySpan<int> BeginStep(long step)
    {
        EnsureCanRun(step);
        try
        {
            Begin(step);
        }
        catch (Exception ex)
        {
            Failure = new ActorFailure(ActorId.System, step, ex);
            return [];
        }
        var due = TakeDueSlots();
        return _turnSlots.AsSpan(0, due);
    }

    /// <summary>The actor in a due slot, its identity, and the inbox of its turn.</summary>
    public (ActorId Id, Actor<TMessage> Actor, ReadOnlyMemory<Envelope<TMessage>> Inbox) TurnOf(int slot)
    {
        var count = _mailCount[slot];
        // A copy: the inbox table is reused, and freed when it grows, while the turn's host may still hold its mail.
        return (_ids[slot], _actors[slot], _inbox.Span.Slice(_mailEnd[slot] - count, count).ToArray());
    }

    /// <summary>Records a turn that ran elsewhere: what it sent, and whether it halted or sleeps until a step.</summary>
    public void CompleteTurn(int slot, long step, ReadOnlySpan<Envelope<TMessage>> sent, bool halted, long wakeStep)
    {
        var outboxes = _outboxes[step & 1];
        foreach (ref readonly var envelope in sent)
        {
            outboxes[envelope.Target.ShardOf(Count)].Add(envelope);
        }
        AfterTurn(slot, halted, wakeStep);
    }

    /// <summary>Records that the turn of the actor in <paramref name="slot"/> threw.</summary>
    public void FailTurn(int slot, long step, Exception exception)
    {
        if (Failure is null || _ids[slot] < Failure.Actor)
        {
            Failure = new ActorFailure(_ids[slot], step, exception);
        }
    }

    /// <summary>Ends a step begun with <see cref="BeginStep"/>.</summary>
    public ShardStepCounts EndStep(long step) => End(step);

    public bool TryGet(ActorId id, out Actor<TMessage> actor)
    {
        var slot = _directory.Find(id);
        actor = slot >= 0 ? _actors[slot] : null!;
        return slot >= 0;
    }

    /// <summary>Every actor of this shard, in identity order.</summary>
    public (ActorId Id, Actor<TMessage> Actor)[] ActorsInIdentityOrder()
    {
        var all = new (ActorId Id, Actor<TMessage> Actor)[ActorCount];
        for (var slot = 0; slot < ActorCount; slot++)
        {
            all[slot] = (_ids[slot], _actors[slot]);
        }
        Array.Sort(all, static (a, b) => a.Id.CompareTo(b.Id));
        return all;
    }

    /// <summary>
    /// A copy of this shard, between steps, for a forked run: every actor through
    /// <paramref name="clone"/> (which must return an actor of its own) in the same slot, the
    /// run set, the wake-ups, the host's posts and every message sent to this shard in the last
    /// step (its own and other shards'), so that stepping the copy gives what stepping this
    /// shard would have. Messages this shard sent to others travel with their copies.
    /// </summary>
    public Shard<TMessage> Fork(ActorTypeRegistry<TMessage> types, Func<ActorId, Actor<TMessage>, Actor<TMessage>> clone)
    {
        ArgumentNullException.ThrowIfNull(clone);
        if (Failure is not null)
        {
            throw new InvalidOperationException($"This shard stopped at step {Failure.Step} and cannot be forked.");
        }
        var copy = new Shard<TMessage>(Index, Count, types, Seed);
        for (var slot = 0; slot < ActorCount; slot++)
        {
            var id = _ids[slot];
            var actor = clone(id, _actors[slot]) ?? throw new InvalidOperationException($"The clone of {Types.Describe(id)} is null.");
            if (ReferenceEquals(actor, _actors[slot]))
            {
                throw new InvalidOperationException($"The clone of {Types.Describe(id)} is the actor itself; a fork needs actors of its own.");
            }
            copy.AddSlot(id, actor);
        }
        copy._runnable = _runnable.Copy();
        copy._wakes = _wakes?.Copy();
        var parity = (int)((NextStep + 1) & 1);
        copy._outboxes[parity][Index].AddRange(_outboxes[parity][Index].Items);
        for (var source = 0; source < Count; source++)
        {
            copy._inbound[parity][source] = _inbound[parity][source].ToArray();
        }
        copy._posted.AddRange(_posted.Items);
        copy._postSequence = _postSequence;
        copy.NextStep = NextStep;
        return copy;
    }

    /// <summary>Refuses, to the caller, a step out of order or after a failure; neither is a failure of the step.</summary>
    private void EnsureCanRun(long step)
    {
        if (step != NextStep)
        {
            throw new InvalidOperationException($"Shard {Index} is at step {NextStep} and cannot run step {step}.");
        }
        if (Failure is not null)
        {
            throw new InvalidOperationException($"Shard {Index} stopped at step {Failure.Step}: {Failure.Exception.Message}");
        }
    }

    private void Begin(long step)
    {
        _turns = 0;
        _delivered = 0;
        _activations = 0;
        var parity = (int)((step + 1) & 1);
        Deliver(parity);
        _wakes?.Release(step, _runnable);
        foreach (var outbox in _outboxes[step & 1])
        {
            outbox.Clear();
        }
    }

    private ShardStepCounts End(long step)
    {
        NextStep = step + 1;
        return new ShardStepCounts(_turns, _delivered, _activations);
    }

    private unsafe void RunTurn(int slot, long step)
    {
        var count = _mailCount[slot];
        _context.BeginTurn(_ids[slot], step, _inbox.AddressOf(_mailEnd[slot] - count), count);
        _actors[slot].OnStep(_context);
        AfterTurn(slot, _context.Halted, _context.WakeStep);
    }

    private void AfterTurn(int slot, bool halted, long wakeStep)
    {
        _mailCount[slot] = 0;
        _turns++;
        if (!halted)
        {
            _runnable.Add(slot);
            _wakes?.Cancel(slot);
        }
        else if (wakeStep > 0)
        {
            (_wakes ??= new WakeSchedule()).Schedule(slot, wakeStep);
        }
        else
        {
            _wakes?.Cancel(slot);
        }
    }

    /// <summary>Delivers the messages of parity <paramref name="parity"/>: this shard's own, other shards' and the host's.</summary>
    private void Deliver(int parity)
    {
        var own = _outboxes[parity][Index].Items;
        var inbound = _inbound[parity];
        var total = own.Length + _posted.Count;
        foreach (var batch in inbound)
        {
            total += batch.Length;
        }
        if (total > 0)
        {
            if (_inbox.Length < total)
            {
                _inbox.Dispose();
                _inbox = new PagedTable<Envelope<TMessage>>((int)BitOperations.RoundUpToPowerOf2((uint)total));
                _slotOf = new int[_inbox.Length];
            }
            var k = Resolve(own, 0);
            foreach (var batch in inbound)
            {
                k = Resolve(batch.Span, k);
            }
            Resolve(_posted.Items, k);
            Distribute(own, inbound, total);
        }
        Array.Clear(inbound);
        _posted.Clear();
        _delivered = total;
    }

    /// <summary>
    /// Finds each envelope's slot (activating actors on their first message). Counting is left
    /// to a separate pass, so that cache misses in the directory overlap instead of waiting
    /// behind unpredictable branches.
    /// </summary>
    private int Resolve(ReadOnlySpan<Envelope<TMessage>> items, int k)
    {
        // Each target's hash is worked out once, when its entry is prefetched, and kept until its turn here.
        Span<ulong> hashes = stackalloc ulong[PrefetchDistance];
        for (var i = 0; i < Math.Min(PrefetchDistance, items.Length); i++)
        {
            hashes[i] = items[i].Target.Hash;
            _directory.Prefetch(hashes[i]);
        }
        for (var i = 0; i < items.Length; i++)
        {
            var target = items[i].Target;
            var hash = hashes[i & (PrefetchDistance - 1)];
            if (i + PrefetchDistance < items.Length)
            {
                var ahead = items[i + PrefetchDistance].Target.Hash;
                hashes[i & (PrefetchDistance - 1)] = ahead;
                _directory.Prefetch(ahead);
            }
            var slot = _directory.Find(target, hash);
            if (slot < 0)
            {
                slot = AddSlot(target, Types.Activate(target));
                _activations++;
            }
            _slotOf[k++] = slot;
        }
        return k;
    }

    /// <summary>Lays the inboxes out in slot order, so turns read them front to back, each sorted canonically.</summary>
    private void Distribute(ReadOnlySpan<Envelope<TMessage>> own, ReadOnlyMemory<Envelope<TMessage>>[] inbound, int total)
    {
        _hasMail.EnsureCapacity(ActorCount);
        _hasMany.EnsureCapacity(ActorCount);
        var mailCount = _mailCount.Span;
        var mailEnd = _mailEnd.Span;
        foreach (var slot in _slotOf.AsSpan(0, total))
        {
            mailCount[slot]++;
            _hasMail.AddUnchecked(slot);
        }
        var offset = 0;
        for (var word = 0; word < _hasMail.WordCount; word++)
        {
            var bits = _hasMail.PeekWord(word);
            var many = 0UL;
            while (bits != 0)
            {
                var bit = BitOperations.TrailingZeroCount(bits);
                var slot = (word << 6) + bit;
                bits &= bits - 1;
                var count = mailCount[slot];
                mailEnd[slot] = offset;
                offset += count;
                many |= (ulong)(count > 1 ? 1 : 0) << bit;
            }
            _hasMany.OrWord(word, many);
        }
        var k = Scatter(own, 0);
        foreach (var batch in inbound)
        {
            k = Scatter(batch.Span, k);
        }
        Scatter(_posted.Items, k);
        for (var word = 0; word < _hasMail.WordCount; word++)
        {
            _runnable.OrWord(word, _hasMail.TakeWord(word));
        }
        for (var word = 0; word < _hasMany.WordCount; word++)
        {
            var bits = _hasMany.TakeWord(word);
            while (bits != 0)
            {
                var slot = (word << 6) + BitOperations.TrailingZeroCount(bits);
                bits &= bits - 1;
                var count = mailCount[slot];
                CanonicalOrder<TMessage>.Sort(_inbox.Span.Slice(mailEnd[slot] - count, count));
            }
        }
    }

    private int Scatter(ReadOnlySpan<Envelope<TMessage>> items, int k)
    {
        var end = k + items.Length;
        var inbox = _inbox.Span;
        var mailEnd = _mailEnd.Span;
        var slotOf = _slotOf;
        foreach (ref readonly var envelope in items)
        {
            if (k + PrefetchDistance < end)
            {
                PrefetchInbox(mailEnd[slotOf[k + PrefetchDistance]]);
            }
            inbox[mailEnd[slotOf[k++]]++] = envelope;
        }
        return k;
    }

    /// <summary>
    /// Asks the CPU for the inbox line an envelope further on will be written to: envelopes land
    /// at scattered places, and waiting for each line in turn is most of what scattering costs.
    /// </summary>
    private unsafe void PrefetchInbox(int index)
    {
        if (Sse.IsSupported)
        {
            Sse.Prefetch0(_inbox.AddressOf(index));
        }
    }

    private int AddSlot(ActorId id, Actor<TMessage> actor)
    {
        var slot = ActorCount;
        if (slot == _ids.Length)
        {
            var capacity = slot * 2;
            Array.Resize(ref _ids, capacity);
            Array.Resize(ref _actors, capacity);
            _mailCount = _mailCount.Grown(capacity);
            _mailEnd = _mailEnd.Grown(capacity);
        }
        _directory.Add(id, slot);
        NoteSlotTaken(slot, id);
        _ids[slot] = id;
        _actors[slot] = actor;
        ActorCount++;
        return slot;
    }

    private static EnvelopeBuffer<TMessage>[] NewOutboxes(int shards)
    {
        var outboxes = new EnvelopeBuffer<TMessage>[shards];
        for (var i = 0; i < shards; i++)
        {
            outboxes[i] = new EnvelopeBuffer<TMessage>();
        }
        return outboxes;
    }
}
