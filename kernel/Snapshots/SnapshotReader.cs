using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace GbaSim.Kernel.Snapshots;

/// <summary>Reads back what a <see cref="SnapshotWriter"/> wrote, in the same order; a snapshot cut short is an error, not a default.</summary>
public sealed class SnapshotReader(ReadOnlyMemory<byte> bytes)
{
    private int _position;

    public bool AtEnd => _position == bytes.Length;

    public T Read<T>()
        where T : unmanaged
    {
        var value = MemoryMarshal.Read<T>(Take(Unsafe.SizeOf<T>()));
        return value;
    }

    public string ReadString() => Encoding.UTF8.GetString(Take(Read<int>()));

    public T[] ReadArray<T>()
        where T : unmanaged
    {
        var count = Read<int>();
        if (count < 0)
        {
            throw new InvalidDataException($"A snapshot holds a negative count at byte {_position - sizeof(int)}.");
        }
        return MemoryMarshal.Cast<byte, T>(Take(checked(count * Unsafe.SizeOf<T>()))).ToArray();
    }

    /// <summary>Replaces the list's items with those written by <see cref="SnapshotWriter.WriteList{T}"/>.</summary>
    public void ReadList<T>(List<T> into)
        where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(into);
        into.Clear();
        into.AddRange(ReadArray<T>());
    }

    /// <summary>Fills a fixed-size array written with <see cref="SnapshotWriter.WriteSpan{T}"/>.</summary>
    public void ReadInto<T>(T[] into)
        where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(into);
        var values = ReadArray<T>();
        if (values.Length != into.Length)
        {
            throw new InvalidDataException($"A snapshot holds {values.Length} values where {into.Length} belong.");
        }
        values.CopyTo(into, 0);
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count > bytes.Length - _position)
        {
            throw new InvalidDataException($"A snapshot ends at byte {bytes.Length}, before the {count} bytes wanted at byte {_position}.");
        }
        var span = bytes.Span.Slice(_position, count);
        _position += count;
        return span;
    }
}
