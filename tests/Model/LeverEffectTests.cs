using System.Globalization;
using GbaSim.Contracts.Runs;
using GbaSim.Model.Ecosystem;
using GbaSim.Tests.Sharding;

namespace GbaSim.Tests.Model;

/// <summary>
/// Each lever's variant file, as committed, run on a 5% sample for three years against the
/// baseline with the same seed (common random numbers, as <c>gba-small</c> runs it), moves its
/// target in the direction docs/model.md gives. The runs go through a silo as any client's would.
/// </summary>
[Collection(OneSiloCollection.Name)]
public sealed class LeverEffectTests(OneSiloCluster silo)
{
    private static readonly City[] NineCities = Cities.All.Where(c => !c.IsHongKongOrMacao()).ToArray();

    /// <summary>The share of job-seekers who look in another city each month in the migration tests (the model's default is 0.006).</summary>
    private const double Mobile = 0.1;

    private readonly SiloRuns _runs = new(silo.Cluster);

    /// <summary>
    /// A committed scenario of the library, cut to the small sample and horizon of <c>gba-small</c>;
    /// with <paramref name="mobility"/> its job-seekers look for work in another city that share of
    /// months, so that the few people who cross the border in the sample become enough to measure.
    /// </summary>
    private async Task<PolicyRun> Small(string scenario, double? mobility = null)
    {
        var text = $"extends: {Path.GetFileName(scenario)}\nname: {Path.GetFileNameWithoutExtension(scenario)}-small\nhorizon: 36\nscale: 0.05\n"
            + (mobility is { } m ? $"parameters:\n  migrationMonthly: {m.ToString(CultureInfo.InvariantCulture)}\n" : "");
        var path = Path.Combine(Path.GetDirectoryName(scenario) ?? "", $"{Path.GetFileNameWithoutExtension(scenario)}-small-test.yaml").Replace('\\', '/');
        var run = await silo.Cluster.Run(new RunRequest(text, path, null, Environment.GetEnvironmentVariable("LT_SEED") is { } seed ? ulong.Parse(seed, CultureInfo.InvariantCulture) : null, null, null, null, Granularity.Shard));
        return new PolicyRun(_runs, run);
    }

    private async Task<(PolicyRun Baseline, PolicyRun Variant)> Compare(string variant, double? mobility = null)
    {
        var runs = await Task.WhenAll(Small("gba-baseline.yaml", mobility), Small(variant, mobility));
        return (runs[0], runs[1]);
    }

    [Fact]
    public async Task High_tech_tax_relief_starts_more_R_and_D_and_yields_more_inventions()
    {
        var (baseline, variant) = await Compare("variants/high-tech-tax-relief.yaml");

        Assert.True(variant.Summary["technologiesStarted"] > baseline.Summary["technologiesStarted"] * 1.02, $"{variant.Summary["technologiesStarted"]} vs {baseline.Summary["technologiesStarted"]}");
        var (before, after) = (await baseline.Total("inventionPatents"), await variant.Total("inventionPatents"));
        Assert.True(after > before, $"{after} vs {before}");
        Assert.True(variant.Summary["policySpending"] > baseline.Summary["policySpending"]);
    }

    [Fact]
    public async Task Income_tax_subsidy_turns_more_Hong_Kong_and_Macao_migrants_towards_the_nine_Guangdong_cities()
    {
        var (baseline, variant) = await Compare("variants/talent-income-tax-subsidy.yaml", Mobile);

        // The refund raises the pull of the nine cities only for people leaving Hong Kong and Macao:
        // of those, a larger share heads there (a share, so a pool a few people larger does not count).
        var (before, after) = (await ShareHeadingForTheNineCities(baseline), await ShareHeadingForTheNineCities(variant));
        Assert.True(after > before + 0.01, $"{after:P1} vs {before:P1} of Hong Kong and Macao's migrants");
        Assert.True(variant.Summary["policySpending"] > baseline.Summary["policySpending"]);
    }

    [Fact(Skip = "Since the seed items and the recalibration joined the levers, the incubator lever's effect on closures (about 1%) is within one seed's noise on gba-small's sample; it needs replications under common random numbers")]
    public async Task Incubator_support_incubates_more_start_ups_and_fewer_close()
    {
        var (baseline, variant) = await Compare("variants/incubator-support.yaml");

        var (before, after) = (await baseline.Total("incubated"), await variant.Total("incubated"));
        Assert.True(after > before, $"{after} vs {before}");
        var (closedBefore, closedAfter) = (await baseline.Total("closures"), await variant.Total("closures"));
        Assert.True(closedAfter < closedBefore, $"{closedAfter} vs {closedBefore}");
    }

    [Fact]
    public async Task Talent_pass_loses_fewer_migrants_crossing_into_Hong_Kong_and_Macao()
    {
        var (baseline, variant) = await Compare("variants/talent-pass.yaml", Mobile);

        // Losses are counted where migrants leave: the nine Guangdong cities.
        var (before, after) = (await baseline.Total("migrantsLost", NineCities), await variant.Total("migrantsLost", NineCities));
        Assert.True(after < before * 0.97, $"{after} vs {before}");
        Assert.True(variant.Summary["policySpending"] > baseline.Summary["policySpending"]);
    }

    [Fact]
    public async Task Ip_ownership_reform_spins_off_more_firms_from_research_in_the_nine_cities()
    {
        var (baseline, variant) = await Compare("variants/ip-ownership-reform.yaml");

        // Spin-offs are the firms founded that entrepreneurs did not create.
        async Task<double> SpinOffs(PolicyRun run) => await run.Total("births", NineCities) - await run.Total("firmsCreated", NineCities);
        var (before, after) = (await SpinOffs(baseline), await SpinOffs(variant));
        Assert.True(after > before * 1.2, $"{after} vs {before}");
    }

    /// <summary>Of the migrants leaving Hong Kong and Macao from the policies' start (2026, month 12), the share bound for the nine Guangdong cities.</summary>
    private static async Task<double> ShareHeadingForTheNineCities(PolicyRun run)
    {
        var (toNine, all) = (0.0, 0.0);
        foreach (var line in (await run.Table("flows")).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1))
        {
            // month,year_month,kind,from_city,to_city,amount
            var cells = line.Split(',');
            if (cells[2] != "talent" || int.Parse(cells[0], CultureInfo.InvariantCulture) < 12 || !InHongKongOrMacao(cells[3]))
            {
                continue;
            }
            var amount = double.Parse(cells[5], CultureInfo.InvariantCulture);
            all += amount;
            toNine += InHongKongOrMacao(cells[4]) ? 0 : amount;
        }
        Assert.True(all > 0, "nobody left Hong Kong or Macao");
        return toNine / all;
    }

    private static bool InHongKongOrMacao(string name) =>
        Cities.TryParse(name, out var city) ? city.IsHongKongOrMacao() : throw new FormatException($"no city named {name}");
}
