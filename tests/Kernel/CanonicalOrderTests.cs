using GbaSim.Kernel.Identity;
using GbaSim.Kernel.Messaging;

namespace GbaSim.Tests.Kernel;

/// <summary>The canonical inbox order, whatever shape the inbox arrives in: presorted runs (as shards deliver them) or none.</summary>
public sealed class CanonicalOrderTests
{
    private static readonly ActorType Sender = ActorType.Of("order-test");

    [Theory]
    [InlineData(1, 40)]
    [InlineData(3, 200)]
    [InlineData(9, 5_000)]
    [InlineData(63, 2_000)]
    [InlineData(64, 2_000)]
    [InlineData(65, 2_000)]
    [InlineData(500, 3_000)]
    public void Inbox_of_presorted_runs_sorts_as_a_full_sort_does(int runs, int size)
    {
        var random = new Random(runs * 7919 + size);
        // Unique (sender, sequence) keys, shuffled, then cut into runs each sorted on its own.
        var keys = Enumerable.Range(0, size).Select(i => (Sender: (long)random.Next(size / 4 + 1), Sequence: i)).OrderBy(_ => random.Next()).ToArray();
        var inbox = keys.Select(k => new Envelope<int>(new ActorId(Sender, 1), new ActorId(Sender, k.Sender), k.Sequence, k.Sequence)).ToArray();
        var cut = Enumerable.Range(1, size - 1).OrderBy(_ => random.Next()).Take(runs - 1).Order().Prepend(0).Append(size).ToArray();
        for (var r = 0; r + 1 < cut.Length; r++)
        {
            inbox.AsSpan(cut[r], cut[r + 1] - cut[r]).Sort(default(CanonicalOrder<int>));
        }
        var expected = inbox.ToArray();
        Array.Sort(expected, default(CanonicalOrder<int>));

        CanonicalOrder<int>.Sort(inbox);

        Assert.Equal(expected.Select(e => (e.Sender, e.Sequence)), inbox.Select(e => (e.Sender, e.Sequence)));
    }

    [Fact]
    public void Inbox_of_many_runs_orders_signed_types_keys_and_sequences_as_the_comparer_does()
    {
        var random = new Random(12);
        int[] types = [int.MinValue, -3, 0, 1, ActorType.Of("firm").Code, int.MaxValue];
        long[] keys = [long.MinValue, -1L << 40, -1, 0, 1, 1L << 40, long.MaxValue];
        // Every (type, key, sequence) once, shuffled, so that the inbox is far more than 64 runs.
        var inbox = (from type in types
                     from key in keys
                     from sequence in new[] { int.MinValue, -1, 0, 1, int.MaxValue }
                     select new Envelope<int>(new ActorId(Sender, 1), new ActorId(new ActorType(type), key), sequence, 0))
            .OrderBy(_ => random.Next()).ToArray();
        var expected = inbox.ToArray();
        Array.Sort(expected, default(CanonicalOrder<int>));

        CanonicalOrder<int>.Sort(inbox);

        Assert.Equal(expected.Select(e => (e.Sender, e.Sequence)), inbox.Select(e => (e.Sender, e.Sequence)));
    }
}
