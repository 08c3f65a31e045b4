using GbaSim.Kernel.Shards;

namespace GbaSim.Tests.Kernel;

/// <summary>The off-heap tables delivery works in: zeroed when made, elements kept when grown, whether on large pages or small.</summary>
public sealed class PagedTableTests
{
    [Theory]
    [InlineData(10, 40)]
    [InlineData(300_000, 700_000)]
    public void Table_starts_zeroed_and_keeps_its_elements_when_grown(int length, int grownTo)
    {
        var table = new PagedTable<long>(length);
        Assert.All(table.Span.ToArray(), value => Assert.Equal(0, value));
        for (var i = 0; i < length; i++)
        {
            table[i] = i * 3L;
        }

        var grown = table.Grown(grownTo);

        Assert.Equal(grownTo, grown.Length);
        Assert.Equal(Enumerable.Range(0, length).Select(i => i * 3L), grown.Span[..length].ToArray());
        Assert.All(grown.Span[length..].ToArray(), value => Assert.Equal(0, value));
        Assert.Throws<ArgumentOutOfRangeException>(() => grown[grownTo]);
        grown.Dispose();
    }
}
