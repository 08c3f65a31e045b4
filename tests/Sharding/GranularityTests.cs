using GbaSim.Contracts.Runs;

namespace GbaSim.Tests.Sharding;

/// <summary>Hosting every actor in a grain of its own (granularity entity) changes the cost of a run, never its result.</summary>
[Collection(OneSiloCollection.Name)]
public sealed class GranularityTests(OneSiloCluster silo)
{
    [Fact]
    public async Task Gba_small_gives_the_pre_port_hash_at_granularity_entity()
    {
        var run = await silo.Cluster.Run(new RunRequest(null, null, PrePortHash.GbaSmallPath, null, null, null, 8, Granularity.Entity));

        Assert.Equal(Granularity.Entity, run.Granularity);
        Assert.Equal(PrePortHash.GbaSmall, run.ResultHash);
    }

    [Fact]
    public async Task Monthly_figures_are_the_same_at_granularity_entity_and_shard()
    {
        var request = new RunRequest(null, null, PrePortHash.GbaSmallPath, null, null, null, 4, Granularity.Shard, Months: 6);
        var shard = await silo.Cluster.Run(request);
        var entity = await silo.Cluster.Run(request with { Granularity = Granularity.Entity });

        var shardMonths = (await silo.Cluster.Results(shard.Id)).Months;
        var entityMonths = (await silo.Cluster.Results(entity.Id)).Months;
        Assert.Equal(6, shardMonths.Count);
        Assert.Equal(shardMonths.Select(Written), entityMonths.Select(Written));
    }

    private static string Written(MonthInfo month) =>
        $"{month.YearMonth}: {string.Join("; ", month.Figures.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={f.Value:R}"))}";
}
