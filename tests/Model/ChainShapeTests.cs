using System.Text.Json;
using GbaSim.Contracts.Runs;
using GbaSim.Tests.Sharding;

namespace GbaSim.Tests.Model;

/// <summary>
/// The committed baseline's chain has the shape the statistics describe, at the quick 5%
/// sample: most technologies start in firms, every transfer centre trades, and technologies
/// take years, not months, to reach the market.
/// </summary>
[Collection(OneSiloCollection.Name)]
public sealed class ChainShapeTests(OneSiloCluster silo)
{
    private Task<RunInfo> Baseline(int months) => CommittedBaseline.Run(silo.Cluster, 0.05, months);

    private async Task<JsonElement> Inspect(RunInfo run, string institution) =>
        JsonDocument.Parse(await silo.Cluster.Client.GetGrain<IRunGrain>(run.Id).Inspect("institution", institution)).RootElement.GetProperty("state");

    [Fact]
    public async Task Most_technologies_originate_in_firms_and_both_big_transfer_centres_match_offers()
    {
        var run = await Baseline(48);

        Assert.InRange(run.Summary!["share.technologiesFromFirms"], 0.55, 0.95);
        foreach (var centre in new[] { "south-china-tech-market", "hkust-transfer-hq" })
        {
            var state = await Inspect(run, centre);
            Assert.True(state.GetProperty("matches").GetInt64() > 0, $"{centre}: {state}");
        }
    }

    [Fact]
    public async Task Discovery_to_market_takes_years()
    {
        var run = await Baseline(144);

        // Mansfield's studies put research to first commercial use at six to seven years; the run starts with its pipeline full and follows every technology, so the median is not cut short by the window.
        // The full baseline gives 75 months (docs/model.md §9.5); this 5% sample gives 68, so the band allows its noise around 72-84.
        Assert.InRange(run.Summary!["medianMonthsToMarket"], 64, 90);
        Assert.True(run.Summary!["medianMonthsToMarket.launchesInRun"] < run.Summary!["medianMonthsToMarket"], "the run's own launches miss the slowest");
    }

    [Fact]
    public async Task Finance_binds_so_a_good_part_of_the_technologies_seeking_money_never_reach_the_market()
    {
        var run = await Baseline(48);

        // Funds approve about a quarter of applications and a fund-financed launch spends the money raised, so financing is a real gate.
        Assert.InRange(run.Summary!["conversion.financing"], 0.4, 0.85);
    }
}
