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

    private const double Scale = 0.05;

    /// <summary>The month index (from the baseline's start, 2025-01) at which the variants' policies start, 2026-01.</summary>
    private const int PolicyStartMonth = 12;

    /// <summary>
    /// The share of job-seekers who look in another city each month in the migration tests (the
    /// model's default is 0.006): at the default, gba-small's sample sends a few dozen people a
    /// year across the border, too few for a lever that acts on them to show.
    /// </summary>
    private const double Mobile = 0.3;

    /// <summary>Seeds of the replicated tests; the first is the baseline's own.</summary>
    private static readonly ulong[] Seeds = [20250101, 20250102, 20250103];

    private readonly SiloRuns _runs = new(silo.Cluster);

    /// <summary>
    /// A committed scenario of the library, cut to the small sample and horizon of <c>gba-small</c>;
    /// with <paramref name="mobility"/> its job-seekers look for work in another city that share of
    /// months, so that the few people who cross the border in the sample become enough to measure.
    /// </summary>
    private async Task<PolicyRun> Small(string scenario, double? mobility = null, ulong? seed = null, double scale = Scale)
    {
        var text = $"extends: {Path.GetFileName(scenario)}\nname: {Path.GetFileNameWithoutExtension(scenario)}-small\nhorizon: 36\nscale: {scale.ToString(CultureInfo.InvariantCulture)}\n"
            + (mobility is { } m ? $"parameters:\n  migrationMonthly: {m.ToString(CultureInfo.InvariantCulture)}\n" : "");
        var path = Path.Combine(Path.GetDirectoryName(scenario) ?? "", $"{Path.GetFileNameWithoutExtension(scenario)}-small-test.yaml").Replace('\\', '/');
        var run = await silo.Cluster.Run(new RunRequest(text, path, null, seed, null, null, null, Granularity.Shard));
        return new PolicyRun(_runs, run);
    }

    private async Task<(PolicyRun Baseline, PolicyRun Variant)> Compare(string variant, double? mobility = null, ulong? seed = null, double scale = Scale)
    {
        var runs = await Task.WhenAll(Small("gba-baseline.yaml", mobility, seed, scale), Small(variant, mobility, seed, scale));
        return (runs[0], runs[1]);
    }

    /// <summary>The baseline and the variant under each of <see cref="Seeds"/> (common random numbers within each pair).</summary>
    private Task<(PolicyRun Baseline, PolicyRun Variant)[]> Replications(string variant, double? mobility = null) =>
        Task.WhenAll(Seeds.Select(seed => Compare(variant, mobility, seed)));

    [Fact]
    public async Task High_tech_tax_relief_starts_more_R_and_D()
    {
        var (baseline, variant) = await Compare("variants/high-tech-tax-relief.yaml");

        // Invention patents follow staff, not projects: they move by about 0.2%, within one pair's noise.
        Assert.True(variant.Summary["technologiesStarted"] > baseline.Summary["technologiesStarted"] * 1.02, $"{variant.Summary["technologiesStarted"]} vs {baseline.Summary["technologiesStarted"]}");
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

    [Fact]
    public async Task Incubator_support_incubates_more_start_ups()
    {
        var (baseline, variant) = await Compare("variants/incubator-support.yaml");

        var (before, after) = (await baseline.Total("incubated"), await variant.Total("incubated"));
        Assert.True(after > before * 1.03, $"{after} vs {before}");
        Assert.True(variant.Summary["policySpending"] > baseline.Summary["policySpending"]);
    }

    [Fact]
    public async Task Talent_pass_loses_fewer_migrants_crossing_into_Hong_Kong_and_Macao()
    {
        var pairs = await Replications("variants/talent-pass.yaml", Mobile);

        // Passes cut the loss of the seniors among the migrants heading for Hong Kong and Macao (a
        // fifth of them): pooled over the seeds, the share lost on the way falls by about two points.
        var before = await ShareLostOnTheWayToHongKongAndMacao(pairs.Select(p => p.Baseline));
        var after = await ShareLostOnTheWayToHongKongAndMacao(pairs.Select(p => p.Variant));
        Assert.True(after < before - 0.005, $"{after:P2} vs {before:P2} lost on the way to Hong Kong and Macao");
        Assert.All(pairs, p => Assert.True(p.Variant.Summary["policySpending"] > p.Baseline.Summary["policySpending"]));
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

    [Fact]
    public async Task Joint_labs_turn_more_basic_research_into_breakthroughs()
    {
        var (baseline, variant) = await Compare("variants/joint-labs.yaml");

        // Firms' own research counts too, so the labs' rise is diluted: 6-10% over three seeds.
        var (before, after) = (baseline.Summary["conversion.basic-research"], variant.Summary["conversion.basic-research"]);
        Assert.True(after > before * 1.04, $"{after} vs {before}");
        Assert.True(variant.Summary["policySpending"] > baseline.Summary["policySpending"]);
    }

    [Fact]
    public async Task Ip_backed_lending_brings_more_financed_technologies_to_market()
    {
        var (baseline, variant) = await Compare("variants/ip-backed-lending.yaml");

        var (before, after) = (baseline.Summary["conversion.financing"], variant.Summary["conversion.financing"]);
        Assert.True(after > before * 1.1, $"{after} vs {before}");
        Assert.True(variant.Summary["policySpending"] > baseline.Summary["policySpending"]);
    }

    [Fact]
    public async Task First_purchase_orders_get_more_launches_financed()
    {
        // Launches are few on a 5% sample, so this lever is compared on 20%: +6% to +12% over three seeds.
        var (baseline, variant) = await Compare("variants/first-purchase.yaml", scale: 0.2);

        var (before, after) = (baseline.Summary["conversion.financing"], variant.Summary["conversion.financing"]);
        Assert.True(after > before * 1.04, $"{after} vs {before}");
        Assert.True(variant.Summary["technologiesCommercialized"] > baseline.Summary["technologiesCommercialized"]);
        Assert.True(variant.Summary["policySpending"] > baseline.Summary["policySpending"]);
    }

    /// <summary>Of the migrants leaving Hong Kong and Macao from the policies' start, the share bound for the nine Guangdong cities.</summary>
    private static async Task<double> ShareHeadingForTheNineCities(PolicyRun run)
    {
        var (toNine, all) = (0.0, 0.0);
        foreach (var (from, to, amount) in await TalentFlowsFromPolicyStart(run))
        {
            if (InHongKongOrMacao(from))
            {
                all += amount;
                toNine += InHongKongOrMacao(to) ? 0 : amount;
            }
        }
        Assert.True(all > 0, "nobody left Hong Kong or Macao");
        return toNine / all;
    }

    /// <summary>
    /// Of the migrants who set out for Hong Kong and Macao from the policies' start, the share that
    /// did not arrive, pooled over the runs. Departures are the sample's own flows; arrivals are a
    /// figure, scaled back up to the region, so they are scaled down again.
    /// </summary>
    private static async Task<double> ShareLostOnTheWayToHongKongAndMacao(IEnumerable<PolicyRun> runs)
    {
        var (departed, arrived) = (0.0, 0.0);
        foreach (var run in runs)
        {
            departed += (await TalentFlowsFromPolicyStart(run)).Where(f => InHongKongOrMacao(f.To)).Sum(f => f.Amount);
            var months = await run.Months(City.HongKong, City.Macao);
            arrived += months.Where(m => m.Month >= PolicyStartMonth).Sum(m => m.Figures["migrantsIn"]) * Scale;
        }
        Assert.True(departed > 0, "nobody set out for Hong Kong or Macao");
        return 1 - (arrived / departed);
    }

    /// <summary>The run's talent flows (from, to, people) of the months from the policies' start, 2026-01.</summary>
    private static async Task<IReadOnlyList<(string From, string To, double Amount)>> TalentFlowsFromPolicyStart(PolicyRun run)
    {
        var flows = new List<(string, string, double)>();
        foreach (var line in (await run.Table("flows")).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1))
        {
            // month,year_month,kind,from_city,to_city,amount
            var cells = line.Split(',');
            if (cells[2] == "talent" && int.Parse(cells[0], CultureInfo.InvariantCulture) >= PolicyStartMonth)
            {
                flows.Add((cells[3], cells[4], double.Parse(cells[5], CultureInfo.InvariantCulture)));
            }
        }
        return flows;
    }

    private static bool InHongKongOrMacao(string name) =>
        Cities.TryParse(name, out var city) ? city.IsHongKongOrMacao() : throw new FormatException($"no city named {name}");
}
