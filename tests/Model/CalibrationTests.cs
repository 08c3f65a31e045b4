using GbaSim.Contracts.Runs;
using GbaSim.Tests.Sharding;

namespace GbaSim.Tests.Model;

/// <summary>
/// The committed baseline's first simulated year against the seed figures (±15%), at reduced
/// scale. Full-scale figures are in docs/model.md; a reduced sample adds noise, so the facility
/// share (a few dozen projects at this scale) is averaged over seeds and given a wider band.
/// </summary>
[Collection(OneSiloCollection.Name)]
public sealed class CalibrationTests(OneSiloCluster silo)
{
    private async Task<IReadOnlyDictionary<string, double>> YearOne(double scale, ulong seed)
    {
        var run = await silo.Cluster.Run(new RunRequest(null, null, "gba-baseline.yaml", seed, scale, null, null, Granularity.Shard, Months: 12));
        return run.Summary!;
    }

    [Fact]
    public async Task First_year_lands_within_15_percent_of_the_seed_figures()
    {
        var summary = await YearOne(0.2, 20250101);
        Assert.InRange(summary["year1.highTechEnterprises"], 57_000 * 0.85, 57_000 * 1.15);
        Assert.InRange(summary["year1.patentsGranted"], 780_000 * 0.85, 780_000 * 1.15);
        Assert.InRange(summary["year1.inventionPatents"], 100_000 * 0.85, 100_000 * 1.15);
    }

    [Fact]
    public async Task Hong_Kong_and_Macao_take_about_a_tenth_of_facility_projects()
    {
        var shares = await Task.WhenAll(new[] { 1UL, 2UL, 3UL }.Select(async seed => (await YearOne(0.2, seed))["year1.facilityProjectsHkMacaoShare"]));
        Assert.InRange(shares.Average(), 0.06, 0.16);
    }
}
