using System.Buffers;
using System.Runtime.CompilerServices;

namespace GbaSim.Kernel.Messaging;

/// <summary>
/// Orders an inbox by sender identity, then by the sender's sequence number, so that what a
/// actor reads never depends on which thread or shard delivered a message first.
/// </summary>
internal readonly struct CanonicalOrder<TMessage> : IComparer<Envelope<TMessage>>
    where TMessage : unmanaged
{
    /// <summary>Beyond this many presorted runs sorting keys beats merging them.</summary>
    private const int MaxMergedRuns = 64;

    public int Compare(Envelope<TMessage> x, Envelope<TMessage> y) => Precedes(y, x) ? 1 : Precedes(x, y) ? -1 : 0;

    /// <summary>
    /// Whether <paramref name="x"/> comes before <paramref name="y"/>: the comparison behind every
    /// sort here, inlined and reading the envelopes in place, since inboxes of two or three are
    /// ordered by the hundred thousand each step and a call apiece cost more than the comparing.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Precedes(in Envelope<TMessage> x, in Envelope<TMessage> y)
    {
        int xType = x.Sender.Type.Code, yType = y.Sender.Type.Code;
        if (xType != yType)
        {
            return xType < yType;
        }
        long xKey = x.Sender.Key, yKey = y.Sender.Key;
        return xKey != yKey ? xKey < yKey : x.Sequence < y.Sequence;
    }

    /// <summary>
    /// Sorts an inbox. An inbox is laid out source shard by source shard, and each shard's senders
    /// run in identity order, so it is usually a few ascending runs: those are merged, which costs
    /// a fraction of a full sort. Keys are unique, so every way of sorting gives the same order.
    /// </summary>
    public static void Sort(Span<Envelope<TMessage>> inbox)
    {
        if (inbox.Length == 2)
        {
            // The commonest inbox that needs ordering: two envelopes, one comparison.
            if (Precedes(inbox[1], inbox[0]))
            {
                (inbox[0], inbox[1]) = (inbox[1], inbox[0]);
            }
            return;
        }
        if (inbox.Length <= 16)
        {
            InsertionSort(inbox);
            return;
        }
        Span<int> starts = stackalloc int[MaxMergedRuns + 1];
        var runs = 1;
        for (var i = 1; i < inbox.Length; i++)
        {
            if (Precedes(inbox[i], inbox[i - 1]))
            {
                if (runs == MaxMergedRuns)
                {
                    SortByKey(inbox);
                    return;
                }
                starts[runs++] = i;
            }
        }
        if (runs > 1)
        {
            starts[runs] = inbox.Length;
            MergeRuns(inbox, starts[..(runs + 1)]);
        }
    }

    /// <summary>
    /// Sorts an inbox of many short runs (a city's mail from thousands of firms, those founded
    /// during the run sending last) by its 128-bit keys with their positions, then moves each
    /// envelope once: a general sort would compare and move whole envelopes many times each.
    /// </summary>
    private static void SortByKey(Span<Envelope<TMessage>> inbox)
    {
        var n = inbox.Length;
        var keys = ArrayPool<UInt128>.Shared.Rent(n);
        var positions = ArrayPool<int>.Shared.Rent(n);
        var copy = ArrayPool<Envelope<TMessage>>.Shared.Rent(n);
        for (var i = 0; i < n; i++)
        {
            keys[i] = KeyOf(inbox[i]);
            positions[i] = i;
        }
        keys.AsSpan(0, n).Sort(positions.AsSpan(0, n));
        inbox.CopyTo(copy);
        for (var i = 0; i < n; i++)
        {
            inbox[i] = copy[positions[i]];
        }
        ArrayPool<Envelope<TMessage>>.Shared.Return(copy);
        ArrayPool<int>.Shared.Return(positions);
        ArrayPool<UInt128>.Shared.Return(keys);
    }

    /// <summary>Sender type, sender key and sequence as one unsigned number that orders as <see cref="Compare"/> does (each sign bit flipped).</summary>
    internal static UInt128 KeyOf(in Envelope<TMessage> envelope)
    {
        var type = (ulong)(uint)(envelope.Sender.Type.Code ^ int.MinValue);
        var key = (ulong)(envelope.Sender.Key ^ long.MinValue);
        var sequence = (uint)(envelope.Sequence ^ int.MinValue);
        return new UInt128((type << 32) | (key >> 32), (key << 32) | sequence);
    }

    /// <summary>
    /// Merges neighbouring runs pairwise until one is left; <paramref name="starts"/> ends with the
    /// length. Passes go back and forth between the inbox and a scratch copy, so each moves every
    /// envelope once.
    /// </summary>
    private static void MergeRuns(Span<Envelope<TMessage>> items, Span<int> starts)
    {
        var rented = ArrayPool<Envelope<TMessage>>.Shared.Rent(items.Length);
        var scratch = rented.AsSpan(0, items.Length);
        var inScratch = false;
        var runs = starts.Length - 1;
        while (runs > 1)
        {
            var from = inScratch ? scratch : items;
            var to = inScratch ? items : scratch;
            var merged = 0;
            for (var r = 0; r < runs; r += 2)
            {
                var start = starts[r];
                if (r + 1 < runs)
                {
                    var middle = starts[r + 1];
                    var end = starts[r + 2];
                    Merge(from[start..middle], from[middle..end], to[start..end]);
                }
                else
                {
                    from[start..starts[r + 1]].CopyTo(to[start..]);
                }
                starts[merged++] = start;
            }
            starts[merged] = items.Length;
            runs = merged;
            inScratch = !inScratch;
        }
        if (inScratch)
        {
            scratch.CopyTo(items);
        }
        ArrayPool<Envelope<TMessage>>.Shared.Return(rented);
    }

    private static void Merge(ReadOnlySpan<Envelope<TMessage>> left, ReadOnlySpan<Envelope<TMessage>> right, Span<Envelope<TMessage>> into)
    {
        int i = 0, j = 0, k = 0;
        while (i < left.Length && j < right.Length)
        {
            into[k++] = Precedes(right[j], left[i]) ? right[j++] : left[i++];
        }
        left[i..].CopyTo(into[k..]);
        right[j..].CopyTo(into[(k + left.Length - i)..]);
    }

    private static void InsertionSort(Span<Envelope<TMessage>> items)
    {
        for (var i = 1; i < items.Length; i++)
        {
            var item = items[i];
            var j = i - 1;
            while (j >= 0 && Precedes(item, items[j]))
            {
                items[j + 1] = items[j];
                j--;
            }
            items[j + 1] = item;
        }
    }
}
