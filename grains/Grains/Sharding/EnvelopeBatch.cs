using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using GbaSim.Kernel.Messaging;

namespace GbaSim.Grains.Sharding;

/// <summary>
/// The envelopes one shard's actors sent another shard's actors in one step. Inside a silo the
/// batch is handed over as it is, without a copy: it is immutable, and the sender does not
/// touch its buffer again until the receiving step has run (outboxes alternate by step parity).
/// Between silos it travels as the envelopes' raw bytes (see <see cref="EnvelopeBatchConverter"/>);
/// every silo of a cluster runs on the same byte order.
/// </summary>
[Immutable]
public sealed class EnvelopeBatch
{
    private readonly Array? _envelopes;
    private readonly int _offset;
    private readonly byte[]? _bytes;

    private EnvelopeBatch(Array? envelopes, int offset, byte[]? bytes, int count, int envelopeSize)
    {
        _envelopes = envelopes;
        _offset = offset;
        _bytes = bytes;
        Count = count;
        EnvelopeSize = envelopeSize;
    }

    public int Count { get; }

    /// <summary>The size of one envelope in bytes, which both ends must agree on.</summary>
    public int EnvelopeSize { get; }

    public static EnvelopeBatch Of<TMessage>(ReadOnlyMemory<Envelope<TMessage>> envelopes)
        where TMessage : unmanaged
    {
        if (!MemoryMarshal.TryGetArray(envelopes, out var segment) || segment.Array is null)
        {
            throw new ArgumentException("A batch wraps part of an envelope array.", nameof(envelopes));
        }
        return new EnvelopeBatch(segment.Array, segment.Offset, null, segment.Count, Unsafe.SizeOf<Envelope<TMessage>>());
    }

    /// <summary>The envelopes, typed: the sender's own array inside a silo, a copy of the bytes after a journey between silos.</summary>
    public ReadOnlyMemory<Envelope<TMessage>> As<TMessage>()
        where TMessage : unmanaged
    {
        if (Unsafe.SizeOf<Envelope<TMessage>>() != EnvelopeSize)
        {
            throw new InvalidOperationException($"This batch holds envelopes of {EnvelopeSize} bytes, not of {typeof(TMessage).Name} messages.");
        }
        if (_envelopes is Envelope<TMessage>[] typed)
        {
            return typed.AsMemory(_offset, Count);
        }
        var copy = new Envelope<TMessage>[Count];
        _bytes.AsSpan(0, Count * EnvelopeSize).CopyTo(MemoryMarshal.AsBytes(copy.AsSpan()));
        return copy;
    }

    internal static EnvelopeBatch FromBytes(byte[] bytes, int count, int envelopeSize) => new(null, 0, bytes, count, envelopeSize);

    /// <summary>The envelopes' bytes, for the journey to another silo.</summary>
    internal byte[] ToBytes()
    {
        if (_bytes is not null)
        {
            return _bytes;
        }
        var bytes = new byte[Count * EnvelopeSize];
        var all = MemoryMarshal.CreateReadOnlySpan(ref MemoryMarshal.GetArrayDataReference(_envelopes!), (_offset + Count) * EnvelopeSize);
        all[(_offset * EnvelopeSize)..].CopyTo(bytes);
        return bytes;
    }
}
