using System.Buffers;

namespace GbaSim.Kernel.Snapshots;

/// <summary>
/// Bytes written in segments that never move: a shard's snapshot or state digest grows to
/// megabytes, and a buffer that doubles leaves twice that in discarded arrays on the large-object
/// heap, which only a full collection frees. Segments stay below the large-object threshold, so
/// they die young; only the final copy is one large array.
/// </summary>
internal sealed class SegmentedBytes : IBufferWriter<byte>
{
    /// <summary>The largest ordinary segment: under the runtime's 85,000-byte large-object threshold.</summary>
    private const int SegmentCap = 64 * 1024;

    private readonly List<(byte[] Bytes, int Used)> _full = [];
    private byte[] _current;
    private int _used;
    private int _fullLength;

    /// <param name="firstSegment">The first segment's size; later ones double up to 64 KiB, so one actor's few bytes cost little.</param>
    public SegmentedBytes(int firstSegment = 256) => _current = new byte[Math.Clamp(firstSegment, 16, SegmentCap)];

    public int Length => _fullLength + _used;

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        var needed = Math.Max(1, sizeHint);
        if (_current.Length - _used < needed)
        {
            NextSegment(needed);
        }
        return _current.AsSpan(_used);
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        GetSpan(sizeHint);
        return _current.AsMemory(_used);
    }

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _current.Length - _used);
        _used += count;
    }

    /// <summary>Appends bytes that need not stay together, spread over as many segments as they take.</summary>
    public void Write(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            if (_used == _current.Length)
            {
                NextSegment(1);
            }
            var part = Math.Min(bytes.Length, _current.Length - _used);
            bytes[..part].CopyTo(_current.AsSpan(_used));
            _used += part;
            bytes = bytes[part..];
        }
    }

    public void CopyTo(Span<byte> destination)
    {
        foreach (var (bytes, used) in _full)
        {
            bytes.AsSpan(0, used).CopyTo(destination);
            destination = destination[used..];
        }
        _current.AsSpan(0, _used).CopyTo(destination);
    }

    public byte[] ToArray()
    {
        var all = GC.AllocateUninitializedArray<byte>(Length);
        CopyTo(all);
        return all;
    }

    private void NextSegment(int needed)
    {
        if (_used > 0)
        {
            _full.Add((_current, _used));
            _fullLength += _used;
        }
        _current = new byte[Math.Max(needed, Math.Min(SegmentCap, _current.Length * 2))];
        _used = 0;
    }
}
