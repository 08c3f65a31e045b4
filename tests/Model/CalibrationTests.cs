using GbaSim.Engine.Runs;
using GbaSim.Engine.Scenarios;

namespace GbaSim.Tests.Model;

/// <summary>
/// The committed baseline's first simulated year against the seed figures (±15%), at reduced
/// scale. Full-scale figures are in docs/model.md; a reduced sample adds noise, so the facility
/// share (a few dozen projects at this scale) is averaged over seeds and given a wider band.
/// </summary>
public sealed class CalibrationTests
{
    private static RunResult YearOne(double scale, ulong seed)
    {
        var baseline = ScenarioLoader.Load(Path.Combine(Scenarios.Repository.Root, "scenarios", "gba-baseline.yaml"));
        return ScenarioRunner.Run(baseline, new RunOptions { Scale = scale, Seed = seed, Threads = 2, Months = 12 });
    }

    [Fact]
    public void First_year_lands_within_15_percent_of_the_seed_figures()
    {
        var summary = YearOne(0.2, 20250101).Summary;
        Assert.InRange(summary["year1.highTechEnterprises"], 57_000 * 0.85, 57_000 * 1.15);
        Assert.InRange(summary["year1.patentsGranted"], 780_000 * 0.85, 780_000 * 1.15);
        Assert.InRange(summary["year1.inventionPatents"], 100_000 * 0.85, 100_000 * 1.15);
    }

    [Fact]
    public void Hong_Kong_and_Macao_take_about_a_tenth_of_facility_projects()
    {
        var shares = new[] { 1UL, 2UL, 3UL }.Select(seed => YearOne(0.2, seed).Summary["year1.facilityProjectsHkMacaoShare"]).ToArray();
        Assert.InRange(shares.Average(), 0.06, 0.16);
    }
}
