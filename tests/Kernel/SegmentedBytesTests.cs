using GbaSim.Kernel.Identity;
using GbaSim.Kernel.Snapshots;
using GbaSim.Kernel.State;

namespace GbaSim.Tests.Kernel;

/// <summary>Snapshots and state digests written in segments: the same bytes as one contiguous buffer, with one large copy only.</summary>
public sealed class SegmentedBytesTests
{
    [Fact]
    public void Snapshot_spread_over_many_segments_reads_back_bit_for_bit()
    {
        var large = Enumerable.Range(0, 300_000).Select(i => i * 0.5).ToArray();
        var writer = new SnapshotWriter();
        for (var i = 0; i < 5_000; i++)
        {
            writer.Write(i);
            writer.Write($"actor {i}");
        }
        writer.WriteSpan<double>(large);
        writer.Write(long.MaxValue);

        var bytes = writer.ToArray();
        var reader = new SnapshotReader(bytes);
        for (var i = 0; i < 5_000; i++)
        {
            Assert.Equal(i, reader.Read<int>());
            Assert.Equal($"actor {i}", reader.ReadString());
        }
        Assert.Equal(large, reader.ReadArray<double>());
        Assert.Equal(long.MaxValue, reader.Read<long>());
        Assert.True(reader.AtEnd);
        Assert.Equal(bytes.Length, writer.Length);
    }

    [Fact]
    public void A_span_asked_for_beyond_a_segment_is_contiguous()
    {
        var bytes = new SegmentedBytes();
        bytes.Write([1, 2, 3]);
        var span = bytes.GetSpan(200_000);
        Assert.True(span.Length >= 200_000);
        span[..200_000].Fill(7);
        bytes.Advance(200_000);

        var all = bytes.ToArray();
        Assert.Equal(200_003, all.Length);
        Assert.Equal(new byte[] { 1, 2, 3 }, all[..3]);
        Assert.All(all[3..], b => Assert.Equal(7, b));
    }

    [Fact]
    public void A_megabyte_snapshot_allocates_about_twice_its_size_not_three_times()
    {
        var payload = new byte[4 << 20];
        new Random(1).NextBytes(payload);
        WriteSnapshot(payload);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var bytes = WriteSnapshot(payload);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // Segments plus the final copy: a doubling buffer would have added at least its final size again.
        Assert.InRange(allocated, bytes.Length, (long)(bytes.Length * 2.2));
    }

    [Fact]
    public void State_digest_records_are_each_actors_bytes_in_order()
    {
        var writer = new StateBytesWriter();
        var ends = new List<int>();
        for (var key = 0L; key < 20_000; key++)
        {
            writer.WriteActor(new ActorId(new ActorType(1), key));
            writer.Write("value", key * 7);
            ends.Add(writer.Length);
        }
        var bytes = writer.ToArray();

        Assert.Equal(20_000 * (13 + 9), bytes.Length);
        Assert.Equal(ends[^1], bytes.Length);
        Assert.Equal(0xA0, bytes[ends[9_999]]);
    }

    private static byte[] WriteSnapshot(byte[] payload)
    {
        var writer = new SnapshotWriter();
        writer.WriteSpan<byte>(payload);
        return writer.ToArray();
    }
}
