using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace GbaSim.Kernel.Snapshots;

/// <summary>
/// Writes a shard's state as bytes for a checkpoint: numbers as their bits, strings as UTF-8,
/// and spans of plain structs (messages, technologies) as their memory, so that reading them
/// back with <see cref="SnapshotReader"/> gives the same values bit for bit.
/// </summary>
public sealed class SnapshotWriter
{
    private readonly SegmentedBytes _buffer = new();

    public int Length => _buffer.Length;


    public void Write<T>(T value)
        where T : unmanaged
    {
        var size = Unsafe.SizeOf<T>();
        MemoryMarshal.Write(_buffer.GetSpan(size), in value);
        _buffer.Advance(size);
    }

    public void Write(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var bytes = Encoding.UTF8.GetByteCount(value);
        Write(bytes);
        Encoding.UTF8.GetBytes(value, _buffer.GetSpan(bytes));
        _buffer.Advance(bytes);
    }

    /// <summary>Writes a count and then the structs' memory.</summary>
    public void WriteSpan<T>(ReadOnlySpan<T> values)
        where T : unmanaged
    {
        Write(values.Length);
        _buffer.Write(MemoryMarshal.AsBytes(values));
    }

    public void WriteList<T>(List<T> values)
        where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(values);
        WriteSpan<T>(CollectionsMarshal.AsSpan(values));
    }

    public byte[] ToArray() => _buffer.ToArray();
}
