using GbaSim.Contracts.Runs;
using GbaSim.Engine.Calibration;
using GbaSim.Engine.Experiments;
using GbaSim.Engine.Scenarios;
using GbaSim.Tests.Scenarios;
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

    [Fact]
    public async Task Baseline_hits_every_fitted_target_of_its_targets_file_with_enterprises_and_the_invention_share_rising()
    {
        var scenario = ScenarioLoader.Load(Repository.PathOf("scenarios/gba-baseline.yaml"));
        var targets = CalibrationTargetsReader.Load(Repository.PathOf("scenarios/calibration/targets.yaml"), scenario);
        var run = await CommittedBaseline.Run(silo.Cluster, 0.2, 36);
        var months = (await new SiloRuns(silo.Cluster).Months(run)).Select(m => (IReadOnlyDictionary<string, double>)m.Figures).ToArray();
        var replication = new ReplicationResult(run.Scenario, 0, ulong.Parse(run.Seed, System.Globalization.CultureInfo.InvariantCulture), run.Id, run.ResultHash!, run.Summary!, months);

        foreach (var target in targets.Targets.Where(t => !t.HeldOut))
        {
            var fit = CalibrationFit.Fit(target, [replication], scenario);
            Assert.True(fit.Hit, $"{target.Figure} {target.Year}: {fit.Mean:N0} against {target.Value:N0} ({fit.RelativeError:P1}, tolerance {target.Tolerance:P0})");
        }
        var summary = run.Summary!;
        Assert.True(summary["year.2025.highTechEnterprises"] < summary["year.2026.highTechEnterprises"] && summary["year.2026.highTechEnterprises"] < summary["year.2027.highTechEnterprises"]);
        Assert.True(summary["year.2027.inventionShare"] > summary["year.2025.inventionShare"] + 0.005, $"{summary["year.2025.inventionShare"]:P1} to {summary["year.2027.inventionShare"]:P1}");
    }
}
