namespace GbaSim.Kernel.Shards;

/// <summary>
/// Actors sleeping until a given step. A actor woken early by a message may change its mind,
/// so the queue keeps stale entries and honours only those matching the actor's latest wish.
/// </summary>
internal sealed class WakeSchedule
{
    private readonly PriorityQueue<int, long> _queue = new();
    private long[] _wanted = new long[64];

    public void Schedule(int slot, long step)
    {
        EnsureCapacity(slot);
        _wanted[slot] = step;
        _queue.Enqueue(slot, step);
    }

    public void Cancel(int slot)
    {
        if (slot < _wanted.Length)
        {
            _wanted[slot] = 0;
        }
    }

    /// <summary>
    /// An independent schedule with the same wishes, stale entries included: they are honoured
    /// or ignored exactly as they would have been here.
    /// </summary>
    public WakeSchedule Copy()
    {
        var copy = new WakeSchedule { _wanted = (long[])_wanted.Clone() };
        copy._queue.EnqueueRange(_queue.UnorderedItems);
        return copy;
    }

    /// <summary>Writes the wishes and the queue (stale entries included, as <see cref="Copy"/> keeps them).</summary>
    public void Save(Snapshots.SnapshotWriter writer)
    {
        writer.WriteSpan<long>(_wanted);
        var entries = _queue.UnorderedItems.Select(e => (e.Element, e.Priority)).ToArray();
        writer.WriteSpan<(int, long)>(entries);
    }

    public static WakeSchedule Load(Snapshots.SnapshotReader reader)
    {
        var schedule = new WakeSchedule { _wanted = reader.ReadArray<long>() };
        schedule._queue.EnqueueRange(reader.ReadArray<(int Slot, long Step)>());
        return schedule;
    }

    /// <summary>Adds to <paramref name="runnable"/> every slot due at or before <paramref name="step"/>.</summary>
    public void Release(long step, SlotSet runnable)
    {
        while (_queue.TryPeek(out var slot, out var due) && due <= step)
        {
            _queue.Dequeue();
            if (_wanted[slot] == due)
            {
                _wanted[slot] = 0;
                runnable.Add(slot);
            }
        }
    }

    private void EnsureCapacity(int slot)
    {
        if (slot >= _wanted.Length)
        {
            Array.Resize(ref _wanted, Math.Max(_wanted.Length * 2, slot + 1));
        }
    }
}
