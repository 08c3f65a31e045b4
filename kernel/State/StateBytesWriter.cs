using System.Buffers.Binary;
using System.Text;
using GbaSim.Kernel.Identity;
using GbaSim.Kernel.Snapshots;

namespace GbaSim.Kernel.State;

/// <summary>
/// Writes actor states as the bytes the result hash is taken over. Field names are skipped
/// (they never vary between runs); every value is written with a type tag in a fixed
/// little-endian layout, so the bytes are the same on every machine.
/// </summary>
public sealed class StateBytesWriter : IStateWriter
{
    private readonly SegmentedBytes _buffer;

    public StateBytesWriter(int capacity = 256) => _buffer = new SegmentedBytes(capacity);

    /// <summary>The bytes written so far.</summary>
    public byte[] ToArray() => _buffer.ToArray();

    public int Length => _buffer.Length;

    /// <summary>Starts an actor's record: its identity, before the fields its state writes.</summary>
    public void WriteActor(ActorId id)
    {
        var span = _buffer.GetSpan(13);
        span[0] = 0xA0;
        BinaryPrimitives.WriteInt32LittleEndian(span[1..], id.Type.Code);
        BinaryPrimitives.WriteInt64LittleEndian(span[5..], id.Key);
        _buffer.Advance(13);
    }

    public void Write(string name, long value)
    {
        var span = _buffer.GetSpan(9);
        span[0] = 1;
        BinaryPrimitives.WriteInt64LittleEndian(span[1..], value);
        _buffer.Advance(9);
    }

    public void Write(string name, double value)
    {
        var span = _buffer.GetSpan(9);
        span[0] = 2;
        BinaryPrimitives.WriteInt64LittleEndian(span[1..], BitConverter.DoubleToInt64Bits(value));
        _buffer.Advance(9);
    }

    public void Write(string name, bool value)
    {
        var span = _buffer.GetSpan(2);
        span[0] = 3;
        span[1] = value ? (byte)1 : (byte)0;
        _buffer.Advance(2);
    }

    public void Write(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var bytes = Encoding.UTF8.GetByteCount(value);
        var span = _buffer.GetSpan(5 + bytes);
        span[0] = 4;
        BinaryPrimitives.WriteInt32LittleEndian(span[1..], bytes);
        Encoding.UTF8.GetBytes(value, span[5..]);
        _buffer.Advance(5 + bytes);
    }

    public void BeginObject(string name) => Tag(5);

    public void EndObject() => Tag(6);

    public void BeginArray(string name) => Tag(7);

    public void EndArray() => Tag(8);

    private void Tag(byte tag)
    {
        _buffer.GetSpan(1)[0] = tag;
        _buffer.Advance(1);
    }
}
