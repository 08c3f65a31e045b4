using System.Numerics;
using System.Runtime.CompilerServices;

namespace GbaSim.Kernel.Shards;

/// <summary>A set of actor slots as a bitmap: adding is one OR, and iterating visits slots in order.</summary>
internal sealed class SlotSet
{
    private ulong[] _words = new ulong[1];

    /// <summary>Adds a slot; inlined, since every turn that does not halt puts its slot back this way.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(int slot)
    {
        var words = _words;
        var word = slot >> 6;
        if ((uint)word < (uint)words.Length)
        {
            words[word] |= 1UL << slot;
            return;
        }
        AddBeyond(slot);
    }

    private void AddBeyond(int slot)
    {
        EnsureCapacity(slot + 1);
        _words[slot >> 6] |= 1UL << slot;
    }

    public void EnsureCapacity(int slots)
    {
        var words = (slots + 63) >> 6;
        if (words > _words.Length)
        {
            Array.Resize(ref _words, Math.Max(_words.Length * 2, words));
        }
    }

    /// <summary>Adds a slot below the capacity ensured beforehand, without a branch.</summary>
    public void AddUnchecked(int slot) => _words[slot >> 6] |= 1UL << slot;

    public int WordCount => _words.Length;

    /// <summary>An independent set holding the same slots, for a forked run.</summary>
    public SlotSet Copy() => new() { _words = (ulong[])_words.Clone() };

    public void Save(Snapshots.SnapshotWriter writer) => writer.WriteSpan<ulong>(_words);

    public static SlotSet Load(Snapshots.SnapshotReader reader)
    {
        var words = reader.ReadArray<ulong>();
        return new() { _words = words.Length == 0 ? new ulong[1] : words };
    }

    /// <summary>Removes and returns the slots of one 64-slot word, for iteration that may add to the set.</summary>
    public ulong TakeWord(int word)
    {
        var bits = _words[word];
        _words[word] = 0;
        return bits;
    }

    public ulong PeekWord(int word) => _words[word];

    public bool Contains(int slot) => (slot >> 6) < _words.Length && (_words[slot >> 6] & (1UL << slot)) != 0;

    public void Clear() => Array.Clear(_words);

    public void OrWord(int word, ulong bits)
    {
        if (word >= _words.Length)
        {
            Array.Resize(ref _words, Math.Max(_words.Length * 2, word + 1));
        }
        _words[word] |= bits;
    }

    public int Count()
    {
        var total = 0;
        foreach (var w in _words)
        {
            total += BitOperations.PopCount(w);
        }
        return total;
    }
}
