using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using GbaSim.Kernel.Identity;

namespace GbaSim.Kernel.State;

/// <summary>
/// Feeds grain states into SHA-256. Field names are skipped (they never vary between runs);
/// every value is written with a type tag in a fixed little-endian layout, so the hash is the
/// same on every machine.
/// </summary>
public sealed class HashingStateWriter : IStateWriter, IDisposable
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _used;

    public void WriteActor(ActorId id)
    {
        Reserve(13);
        _buffer[_used] = 0xA0;
        BinaryPrimitives.WriteInt32LittleEndian(_buffer.AsSpan(_used + 1), id.Type.Code);
        BinaryPrimitives.WriteInt64LittleEndian(_buffer.AsSpan(_used + 5), id.Key);
        _used += 13;
    }

    public void Write(string name, long value)
    {
        Reserve(9);
        _buffer[_used] = 1;
        BinaryPrimitives.WriteInt64LittleEndian(_buffer.AsSpan(_used + 1), value);
        _used += 9;
    }

    public void Write(string name, double value)
    {
        Reserve(9);
        _buffer[_used] = 2;
        BinaryPrimitives.WriteInt64LittleEndian(_buffer.AsSpan(_used + 1), BitConverter.DoubleToInt64Bits(value));
        _used += 9;
    }

    public void Write(string name, bool value)
    {
        Reserve(2);
        _buffer[_used] = 3;
        _buffer[_used + 1] = value ? (byte)1 : (byte)0;
        _used += 2;
    }

    public void Write(string name, string value)
    {
        var bytes = Encoding.UTF8.GetByteCount(value);
        Reserve(5);
        _buffer[_used] = 4;
        BinaryPrimitives.WriteInt32LittleEndian(_buffer.AsSpan(_used + 1), bytes);
        _used += 5;
        if (bytes > _buffer.Length - _used)
        {
            Flush();
            _hash.AppendData(Encoding.UTF8.GetBytes(value));
            return;
        }
        _used += Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_used));
    }

    public void BeginObject(string name) => Tag(5);

    public void EndObject() => Tag(6);

    public void BeginArray(string name) => Tag(7);

    public void EndArray() => Tag(8);

    /// <summary>The SHA-256 of everything written, as lower-case hex.</summary>
    public string Finish()
    {
        Flush();
        return Convert.ToHexStringLower(_hash.GetHashAndReset());
    }

    public void Dispose() => _hash.Dispose();

    private void Tag(byte tag)
    {
        Reserve(1);
        _buffer[_used++] = tag;
    }

    private void Reserve(int bytes)
    {
        if (_used + bytes > _buffer.Length)
        {
            Flush();
        }
    }

    private void Flush()
    {
        _hash.AppendData(_buffer, 0, _used);
        _used = 0;
    }
}
