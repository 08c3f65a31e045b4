using System.Globalization;
using System.Text.Json;
using GbaSim.Contracts.Runs;
using GbaSim.Model.Ecosystem;
using GbaSim.Model.World;
using GbaSim.Tests.Sharding;

namespace GbaSim.Tests.Model;

/// <summary>
/// Patterns the innovation literature reports, checked on the committed baseline at the quick
/// 5% sample: discovery-to-market lags spread with a long right tail, firm sizes are heavy
/// tailed, licence values are skewed, and Hong Kong and Macao research more than they launch
/// (research in Hong Kong, production in Guangdong). docs/model.md shows the figures.
/// </summary>
[Collection(OneSiloCollection.Name)]
public sealed class StylisedFactsTests(OneSiloCluster silo)
{
    private readonly SiloRuns _runs = new(silo.Cluster);

    private Task<RunInfo> Baseline() => CommittedBaseline.Run(silo.Cluster, 0.05, 144);

    /// <summary>The transitions table as rows keyed by column name.</summary>
    private async Task<IReadOnlyList<Dictionary<string, string>>> Transitions(RunInfo run)
    {
        var lines = (await _runs.Table(run, "transitions")).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var header = lines[0].Split(',');
        return lines.Skip(1).Select(line => header.Zip(line.Split(',').Select(v => v.Trim('"'))).ToDictionary(p => p.First, p => p.Second)).ToArray();
    }

    [Fact]
    public async Task Lags_to_market_spread_with_a_long_right_tail_and_Hong_Kong_researches_more_than_it_launches()
    {
        var run = await Baseline();
        var rows = await Transitions(run);
        var launches = rows.Where(r => r["to_stage"] == "market" && r["outcome"] == "advanced").ToArray();
        var lags = launches.Select(r => int.Parse(r["month"], CultureInfo.InvariantCulture) - int.Parse(r["born_step"], CultureInfo.InvariantCulture)).Order().ToArray();

        Assert.True(lags.Length > 200, $"{lags.Length} launches");
        var median = lags[lags.Length / 2];
        var p90 = lags[lags.Length * 9 / 10];
        Assert.True(lags.Average() > median, $"mean {lags.Average():F1}, median {median}");
        Assert.True(p90 > 1.8 * median, $"p90 {p90}, median {median}");

        static bool HongKongOrMacao(string city) => city is "Hong Kong" or "Macao";
        var started = rows.Where(r => r["to_stage"] == "basic-research" && r["from_stage"] == "basic-research" && r["outcome"] == "advanced" && r["holder_kind"] == "institution").ToArray();
        var researchShare = started.Count(r => HongKongOrMacao(r["city"])) / (double)started.Length;
        var launchShare = launches.Count(r => HongKongOrMacao(r["city"])) / (double)launches.Length;
        Assert.True(launchShare < researchShare / 2, $"Hong Kong and Macao: {researchShare:P1} of institutions' results, {launchShare:P1} of launches");
    }

    [Fact]
    public async Task Launches_come_from_the_first_months_as_the_region_starts_with_its_pipeline_full()
    {
        var rows = await Transitions(await Baseline());

        // Technologies under way before the run launch from the first months, and most of the first year's launches are theirs.
        var first = rows.Where(r => r["to_stage"] == "market" && r["outcome"] == "advanced" && int.Parse(r["month"], CultureInfo.InvariantCulture) < 12).ToArray();
        Assert.Contains(first, r => int.Parse(r["month"], CultureInfo.InvariantCulture) < 3);
        var fromBefore = first.Count(r => int.Parse(r["born_step"], CultureInfo.InvariantCulture) < 0);
        Assert.True(fromBefore > first.Length / 2, $"{fromBefore} of the first year's {first.Length} launches were discovered before the run");
        var underWay = rows.Where(r => r["outcome"] == "advanced" && r["month"] == "0" && r["from_stage"] == r["to_stage"] && int.Parse(r["born_step"], CultureInfo.InvariantCulture) < 0).ToArray();
        Assert.Contains(underWay, r => r["to_stage"] == "financing");
    }

    [Fact]
    public async Task Firm_sizes_are_heavy_tailed()
    {
        var run = await Baseline();
        var grain = silo.Cluster.Client.GetGrain<IRunGrain>(run.Id);
        var sizes = new List<long>();
        foreach (var sector in new[] { Sector.NextGenerationIct, Sector.ArtificialIntelligence, Sector.SmartEquipment })
        {
            for (var serial = 0; serial < 60; serial++)
            {
                var state = JsonDocument.Parse(await grain.Inspect("firm", ModelActors.FirmName(ModelActors.FirmId(City.Shenzhen, sector, serial).Key))).RootElement.GetProperty("state");
                if (!state.GetProperty("closed").GetBoolean())
                {
                    sizes.Add(state.GetProperty("talent").GetInt64());
                }
            }
        }

        sizes.Sort();
        var median = sizes[sizes.Count / 2];
        Assert.True(sizes.Count > 60, $"{sizes.Count} firms still open");
        Assert.True(sizes.Average() > 1.3 * median, $"mean {sizes.Average():F1}, median {median}");
        Assert.True(sizes[^1] > 5 * median, $"largest {sizes[^1]}, median {median}");
    }

    [Fact]
    public async Task Licence_values_are_skewed_so_the_top_tenth_of_licences_holds_about_half_or_more_of_their_value()
    {
        var run = await Baseline();
        var rows = await Transitions(run);
        // A licence is the step from breakthrough to proof of concept at a firm that paid for it (a spin-off pays nothing).
        var values = rows
            .Where(r => r["from_stage"] == "breakthrough" && r["to_stage"] == "proof-of-concept" && r["holder_kind"] == "firm")
            .Select(r => double.Parse(r["funding_millions"], CultureInfo.InvariantCulture))
            .Where(v => v > 0)
            .OrderDescending()
            .ToArray();

        Assert.True(values.Length > 100, $"{values.Length} licences");
        var topTenth = values.Take(values.Length / 10).Sum() / values.Sum();
        // Scherer and Harhoff (2000): in eight samples of inventions and innovations the top 10% took 48% to 93% of the returns.
        Assert.InRange(topTenth, 0.45, 0.93);
    }
}
