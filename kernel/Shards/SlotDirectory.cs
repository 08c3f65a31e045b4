using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;
using GbaSim.Kernel.Identity;

namespace GbaSim.Kernel.Shards;

/// <summary>
/// Maps the identities of a shard's actors to their slots: open addressing with linear
/// probing over 16-byte entries, so a lookup touches one cache line, in a table on large pages
/// (lookups land anywhere in it). The table is kept at most a quarter full: at half full nearly
/// half of all look-ups went on to a second entry, and a table twice the size cost less than those.
/// </summary>
internal sealed class SlotDirectory
{
    private PagedTable<Entry> _entries = new(64);
    private int _count;

    public int Count => _count;

    public int Find(ActorId id) => Find(id, id.Hash);

    /// <summary>Finds <paramref name="id"/> whose <see cref="ActorId.Hash"/> the caller has already worked out.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Find(ActorId id, ulong hash)
    {
        var entries = _entries.Span;
        var mask = entries.Length - 1;
        var i = (int)hash & mask;
        while (true)
        {
            ref var e = ref entries[i];
            if (e.SlotPlusOne == 0)
            {
                return -1;
            }
            if (e.Key == id.Key && e.Type == id.Type.Code)
            {
                return e.SlotPlusOne - 1;
            }
            i = (i + 1) & mask;
        }
    }

    /// <summary>
    /// Asks the CPU to start loading the line where the identity of <paramref name="hash"/> would be, so that a
    /// later <see cref="Find"/> does not wait for memory. A prefetch never faults, so the
    /// address need not stay valid. The entry after it is asked for too: a look-up that misses
    /// the first entry goes on to it, and for one entry in four it starts the next line.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public unsafe void Prefetch(ulong hash)
    {
        if (Sse.IsSupported)
        {
            var mask = _entries.Length - 1;
            var i = (int)hash & mask;
            Sse.Prefetch0(_entries.AddressOf(i));
            Sse.Prefetch0(_entries.AddressOf((i + 1) & mask));
        }
    }

    public void Add(ActorId id, int slot)
    {
        if ((_count + 1) * 4 > _entries.Length)
        {
            Grow();
        }
        Insert(_entries.Span, id.Key, id.Type.Code, id.Hash, slot + 1);
        _count++;
    }

    private void Grow()
    {
        var larger = new PagedTable<Entry>(_entries.Length * 2);
        foreach (var e in _entries.Span)
        {
            if (e.SlotPlusOne != 0)
            {
                Insert(larger.Span, e.Key, e.Type, new ActorId(new ActorType(e.Type), e.Key).Hash, e.SlotPlusOne);
            }
        }
        _entries.Dispose();
        _entries = larger;
    }

    private static void Insert(Span<Entry> entries, long key, int type, ulong hash, int slotPlusOne)
    {
        var mask = entries.Length - 1;
        var i = (int)hash & mask;
        while (entries[i].SlotPlusOne != 0)
        {
            if (entries[i].Key == key && entries[i].Type == type)
            {
                throw new InvalidOperationException($"Grain {new ActorId(new ActorType(type), key)} is already active.");
            }
            i = (i + 1) & mask;
        }
        entries[i] = new Entry { Key = key, Type = type, SlotPlusOne = slotPlusOne };
    }

    private struct Entry
    {
        public long Key;
        public int Type;
        public int SlotPlusOne;
    }
}
