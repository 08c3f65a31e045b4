using GbaSim.Tests.Sharding;

namespace GbaSim.Tests.Model;

/// <summary>
/// The 5% sample stands for the whole region: the baseline's headline figures for its first two
/// years at scale 0.05 lie within 6% of those at scale 1 (shares within 0.05), so quick runs can
/// be read as full ones.
/// </summary>
[Collection(OneSiloCollection.Name)]
public sealed class ScaleConsistencyTests(OneSiloCluster silo)
{
    private const double Tolerance = 0.06;

    private async Task<IReadOnlyDictionary<string, double>> Baseline(double scale) =>
        (await CommittedBaseline.Run(silo.Cluster, scale, 24)).Summary!;

    [Fact]
    public async Task Headline_figures_at_scale_one_twentieth_match_the_full_population()
    {
        var (sample, full) = (await Baseline(0.05), await Baseline(1));

        foreach (var year in new[] { 2025, 2026 })
        {
            foreach (var figure in new[] { "highTechEnterprises", "patentsGranted", "inventionPatents", "rdPersonnel" })
            {
                var key = $"year.{year}.{figure}";
                Assert.True(Math.Abs((sample[key] / full[key]) - 1) <= Tolerance, $"{key}: {sample[key]:N0} at 0.05, {full[key]:N0} at 1");
            }
        }
        Assert.InRange(sample["share.technologiesFromFirms"] - full["share.technologiesFromFirms"], -0.05, 0.05);
    }
}
