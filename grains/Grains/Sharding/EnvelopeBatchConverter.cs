namespace GbaSim.Grains.Sharding;

/// <summary>How an <see cref="EnvelopeBatch"/> crosses between silos: as its raw bytes.</summary>
[RegisterConverter]
public sealed class EnvelopeBatchConverter : IConverter<EnvelopeBatch, EnvelopeBatchSurrogate>
{
    public EnvelopeBatch ConvertFromSurrogate(in EnvelopeBatchSurrogate surrogate) =>
        EnvelopeBatch.FromBytes(surrogate.Bytes, surrogate.Count, surrogate.EnvelopeSize);

    public EnvelopeBatchSurrogate ConvertToSurrogate(in EnvelopeBatch value) =>
        new() { Bytes = value.ToBytes(), Count = value.Count, EnvelopeSize = value.EnvelopeSize };
}

[GenerateSerializer, Alias("gbasim.EnvelopeBatch")]
public struct EnvelopeBatchSurrogate
{
    [Id(0)]
    public byte[] Bytes;

    [Id(1)]
    public int Count;

    [Id(2)]
    public int EnvelopeSize;
}
