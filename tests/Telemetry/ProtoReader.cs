namespace GbaSim.Tests.Telemetry;

/// <summary>
/// Just enough of the protobuf wire format to walk OTLP messages by hand: fields are read one at
/// a time as (number, wire type, value); length-delimited values are handed back as bytes to be
/// read by a nested reader. No generated code and no protobuf package.
/// </summary>
public ref struct ProtoReader(ReadOnlySpan<byte> data)
{
    private readonly ReadOnlySpan<byte> _data = data;
    private int _position;

    public int Field { get; private set; }

    public int WireType { get; private set; }

    /// <summary>A varint or fixed value of the current field.</summary>
    public ulong Number { get; private set; }

    /// <summary>A length-delimited value of the current field.</summary>
    public ReadOnlySpan<byte> Bytes { get; private set; }

    public bool Next()
    {
        if (_position >= _data.Length)
        {
            return false;
        }
        var key = Varint();
        Field = (int)(key >> 3);
        WireType = (int)(key & 7);
        switch (WireType)
        {
            case 0:
                Number = Varint();
                break;
            case 1:
                Number = BitConverter.ToUInt64(_data.Slice(_position, 8));
                _position += 8;
                break;
            case 2:
                var length = (int)Varint();
                Bytes = _data.Slice(_position, length);
                _position += length;
                break;
            case 5:
                Number = BitConverter.ToUInt32(_data.Slice(_position, 4));
                _position += 4;
                break;
            default:
                throw new InvalidDataException($"Unsupported protobuf wire type {WireType} at byte {_position}.");
        }
        return true;
    }

    public readonly string Text => System.Text.Encoding.UTF8.GetString(Bytes);

    private ulong Varint()
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = _data[_position++];
            value |= (ulong)(b & 0x7f) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }
    }
}
