using System.Numerics;
using GbaSim.Kernel.Actors;
using GbaSim.Kernel.Identity;
using GbaSim.Kernel.Messaging;

namespace GbaSim.Kernel.Scheduling;

/// <summary>
/// One partition of a run: the grains whose identity hashes here, their inboxes, and the
/// outboxes they fill. A partition is stepped by one thread at a time, which is what makes
/// every grain's turn single-threaded. Each step it first delivers the messages of the previous
/// step (sorted canonically per grain), then runs the turns of the grains that are awake or
/// have mail. Outboxes alternate between two sets so that delivery of step t-1's messages and
/// sending in step t never touch the same buffers.
/// </summary>
internal sealed class Partition<TMessage>
    where TMessage : unmanaged
{
    private readonly ActorTypeRegistry<TMessage> _types;
    private readonly ActorContext<TMessage> _context;
    private readonly EnvelopeBuffer<TMessage>[][] _outboxes;
    private readonly SlotDirectory _directory = new();
    private SlotSet _runnable = new();
    private readonly SlotSet _hasMail = new();
    private EnvelopeBuffer<TMessage>[][] _sources = [[], []];
    private WakeSchedule? _wakes;
    private ActorId[] _ids = new ActorId[16];
    private Actor<TMessage>[] _grains = new Actor<TMessage>[16];
    private int[] _mailCount = new int[16];
    private int[] _mailEnd = new int[16];
    private Envelope<TMessage>[] _inbox = new Envelope<TMessage>[16];
    private int[] _slotOf = new int[16];

    public Partition(int index, int partitions, ActorTypeRegistry<TMessage> types, ulong seed)
    {
        Index = index;
        _types = types;
        _context = new ActorContext<TMessage>(types, seed);
        _outboxes = [NewOutboxes(partitions), NewOutboxes(partitions)];
    }

    private const int PrefetchDistance = 16;

    public int Index { get; }

    public int GrainCount { get; private set; }

    public long Turns { get; private set; }

    public long Delivered { get; private set; }

    public long Activations { get; private set; }

    public ActorFailure? Failure { get; private set; }

    public EnvelopeBuffer<TMessage> Outbox(int parity, int destination) => _outboxes[parity][destination];

    /// <summary>Every buffer whose messages end up here, per step parity: other partitions' outboxes and host posts.</summary>
    public void ConnectSources(EnvelopeBuffer<TMessage>[] evenSteps, EnvelopeBuffer<TMessage>[] oddSteps) => _sources = [evenSteps, oddSteps];

    public void Add(ActorId id, Actor<TMessage> grain)
    {
        var slot = AddSlot(id, grain);
        _runnable.Add(slot);
    }

    public bool TryGet(ActorId id, out Actor<TMessage> grain)
    {
        var slot = _directory.Find(id);
        grain = slot >= 0 ? _grains[slot] : null!;
        return slot >= 0;
    }

    public void CopyGrains(Span<(ActorId Id, Actor<TMessage> Grain)> target)
    {
        for (var slot = 0; slot < GrainCount; slot++)
        {
            target[slot] = (_ids[slot], _grains[slot]);
        }
    }

    /// <summary>
    /// Copies this partition, between steps, into an empty partition of a forked run: every
    /// grain (through <paramref name="clone"/>) in the same slot, the run set, the wake-ups and
    /// the messages sent in the last step, which sit in the outboxes of <paramref name="parity"/>.
    /// </summary>
    public void CopyInto(Partition<TMessage> target, int parity, Func<ActorId, Actor<TMessage>, Actor<TMessage>> clone)
    {
        if (target.GrainCount != 0)
        {
            throw new InvalidOperationException("A partition is copied only into an empty one.");
        }
        for (var slot = 0; slot < GrainCount; slot++)
        {
            var id = _ids[slot];
            var copy = clone(id, _grains[slot])
                ?? throw new InvalidOperationException($"The clone of grain {_types.Describe(id)} is null.");
            if (ReferenceEquals(copy, _grains[slot]))
            {
                throw new InvalidOperationException($"The clone of grain {_types.Describe(id)} is the grain itself; a fork needs grains of its own.");
            }
            target.AddSlot(id, copy);
        }
        target._runnable = _runnable.Copy();
        target._wakes = _wakes?.Copy();
        var outboxes = _outboxes[parity];
        for (var d = 0; d < outboxes.Length; d++)
        {
            target._outboxes[parity][d].AddRange(outboxes[d].Items);
        }
    }

    /// <summary>Delivers the messages sent in the previous step, then runs this step's turns.</summary>
    public void RunStep(long step)
    {
        Turns = 0;
        Delivered = 0;
        Activations = 0;
        var current = ActorId.System;
        try
        {
            Deliver(_sources[(int)((step + 1) & 1)]);
            _wakes?.Release(step, _runnable);
            var outboxes = _outboxes[step & 1];
            foreach (var outbox in outboxes)
            {
                outbox.Clear();
            }
            _context.UseOutboxes(outboxes);
            for (var word = 0; word < _runnable.WordCount; word++)
            {
                var bits = _runnable.TakeWord(word);
                while (bits != 0)
                {
                    var slot = (word << 6) + BitOperations.TrailingZeroCount(bits);
                    bits &= bits - 1;
                    current = _ids[slot];
                    RunTurn(slot, step);
                }
            }
        }
        catch (Exception ex)
        {
            Failure = new ActorFailure(current, step, ex);
        }
    }

    private void RunTurn(int slot, long step)
    {
        var count = _mailCount[slot];
        _context.BeginTurn(_ids[slot], step, _inbox, _mailEnd[slot] - count, count);
        _grains[slot].OnStep(_context);
        _mailCount[slot] = 0;
        Turns++;
        if (!_context.Halted)
        {
            _runnable.Add(slot);
            _wakes?.Cancel(slot);
        }
        else if (_context.WakeStep > 0)
        {
            (_wakes ??= new WakeSchedule()).Schedule(slot, _context.WakeStep);
        }
        else
        {
            _wakes?.Cancel(slot);
        }
    }

    private void Deliver(EnvelopeBuffer<TMessage>[] sources)
    {
        var total = 0;
        foreach (var source in sources)
        {
            total += source.Count;
        }
        if (total == 0)
        {
            return;
        }
        if (_inbox.Length < total)
        {
            _inbox = new Envelope<TMessage>[BitOperations.RoundUpToPowerOf2((uint)total)];
            _slotOf = new int[_inbox.Length];
        }

        // Resolve each target once; a separate pass counts, so that cache misses in the
        // directory overlap instead of waiting behind unpredictable branches.
        var k = 0;
        foreach (var source in sources)
        {
            var items = source.Items;
            for (var i = 0; i < items.Length; i++)
            {
                if (i + PrefetchDistance < items.Length)
                {
                    _directory.Prefetch(items[i + PrefetchDistance].Target);
                }
                ref readonly var envelope = ref items[i];
                var slot = _directory.Find(envelope.Target);
                if (slot < 0)
                {
                    slot = AddSlot(envelope.Target, _types.Activate(envelope.Target));
                    Activations++;
                }
                _slotOf[k++] = slot;
            }
        }
        _hasMail.EnsureCapacity(GrainCount);
        var mailCount = _mailCount;
        foreach (var slot in _slotOf.AsSpan(0, total))
        {
            mailCount[slot]++;
            _hasMail.AddUnchecked(slot);
        }

        // Lay the inboxes out in slot order, so turns read them front to back.
        var offset = 0;
        for (var word = 0; word < _hasMail.WordCount; word++)
        {
            var bits = _hasMail.PeekWord(word);
            while (bits != 0)
            {
                var slot = (word << 6) + BitOperations.TrailingZeroCount(bits);
                bits &= bits - 1;
                _mailEnd[slot] = offset;
                offset += _mailCount[slot];
            }
        }

        k = 0;
        foreach (var source in sources)
        {
            foreach (ref readonly var envelope in source.Items)
            {
                _inbox[_mailEnd[_slotOf[k++]]++] = envelope;
            }
        }

        for (var word = 0; word < _hasMail.WordCount; word++)
        {
            var bits = _hasMail.TakeWord(word);
            _runnable.OrWord(word, bits);
            while (bits != 0)
            {
                var slot = (word << 6) + BitOperations.TrailingZeroCount(bits);
                bits &= bits - 1;
                var count = _mailCount[slot];
                if (count > 1)
                {
                    CanonicalOrder<TMessage>.Sort(_inbox.AsSpan(_mailEnd[slot] - count, count));
                }
            }
        }
        Delivered = total;
    }

    private int AddSlot(ActorId id, Actor<TMessage> grain)
    {
        var slot = GrainCount;
        if (slot == _ids.Length)
        {
            var capacity = slot * 2;
            Array.Resize(ref _ids, capacity);
            Array.Resize(ref _grains, capacity);
            Array.Resize(ref _mailCount, capacity);
            Array.Resize(ref _mailEnd, capacity);
        }
        _directory.Add(id, slot);
        _ids[slot] = id;
        _grains[slot] = grain;
        GrainCount++;
        return slot;
    }

    private static EnvelopeBuffer<TMessage>[] NewOutboxes(int partitions)
    {
        var outboxes = new EnvelopeBuffer<TMessage>[partitions];
        for (var i = 0; i < partitions; i++)
        {
            outboxes[i] = new EnvelopeBuffer<TMessage>();
        }
        return outboxes;
    }
}
