using System.Runtime.CompilerServices;

namespace GbaSim.Kernel.Messaging;

/// <summary>
/// A growable batch of envelopes for one destination shard. Its array is kept between
/// steps, so once a run has warmed up, sending allocates nothing.
/// </summary>
public sealed class EnvelopeBuffer<TMessage>
    where TMessage : unmanaged
{
    private Envelope<TMessage>[] _items;

    public EnvelopeBuffer(int capacity = 16) => _items = new Envelope<TMessage>[Math.Max(1, capacity)];

    public int Count { get; private set; }

    public ReadOnlySpan<Envelope<TMessage>> Items => _items.AsSpan(0, Count);

    /// <summary>The envelopes as memory over the buffer's own array: valid until the buffer is next cleared or added to.</summary>
    public ReadOnlyMemory<Envelope<TMessage>> Memory => _items.AsMemory(0, Count);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(in Envelope<TMessage> envelope)
    {
        var items = _items;
        var count = Count;
        if ((uint)count < (uint)items.Length)
        {
            items[count] = envelope;
            Count = count + 1;
            return;
        }
        Grow(envelope);
    }

    private void Grow(in Envelope<TMessage> envelope)
    {
        Array.Resize(ref _items, _items.Length * 2);
        _items[Count++] = envelope;
    }

    public void AddRange(ReadOnlySpan<Envelope<TMessage>> envelopes)
    {
        if (Count + envelopes.Length > _items.Length)
        {
            Array.Resize(ref _items, Math.Max(_items.Length * 2, Count + envelopes.Length));
        }
        envelopes.CopyTo(_items.AsSpan(Count));
        Count += envelopes.Length;
    }

    public void Clear() => Count = 0;
}
