using GbaSim.Contracts.Runs;
using GbaSim.Engine.Scenarios;
using GbaSim.Model.Ecosystem;
using GbaSim.Model.Policies;
using GbaSim.Tests.Scenarios;
using GbaSim.Tests.Sharding;

namespace GbaSim.Tests.Model;

/// <summary>
/// Each policy, run against the same world with the same seed (common random numbers), moves
/// its target in the expected direction through the model's own mechanics. The runs go through
/// a silo as any client's would.
/// </summary>
[Collection(OneSiloCollection.Name)]
public sealed class PolicyEffectTests(OneSiloCluster silo)
{
    private const double Scale = 0.05;
    private const int Horizon = 36;

    private readonly SiloRuns _runs = new(silo.Cluster);

    private async Task<PolicyRun> Run(params PolicyDefinition[] policies)
    {
        var run = await _runs.Run(ModelFixtures.Scenario(scale: Scale, horizon: Horizon, seed: 11, policies: policies));
        return new PolicyRun(_runs, run);
    }

    /// <summary>The baseline and the variant with <paramref name="policy"/>, run side by side (common random numbers).</summary>
    private async Task<(PolicyRun Baseline, PolicyRun Variant)> Compare(PolicyDefinition policy)
    {
        var runs = await Task.WhenAll(Run(), Run(policy));
        return (runs[0], runs[1]);
    }

    [Fact]
    public async Task Pilot_platform_raises_the_transformation_rate()
    {
        var (baseline, variant) = await Compare(ModelFixtures.Policy(PolicyType.PilotPlatform, parameters: new() { ["extraSlots"] = 200, ["successUplift"] = 0.3 }));
        Assert.True(variant.Summary["conversion.transformation"] > baseline.Summary["conversion.transformation"] + 0.05,
            $"{variant.Summary["conversion.transformation"]} vs {baseline.Summary["conversion.transformation"]}");
    }

    [Fact]
    public async Task Cross_border_facilitation_loses_fewer_migrants_between_Shenzhen_and_Hong_Kong()
    {
        var scope = new PolicyScope([], [], [], [], [(City.Shenzhen, City.HongKong)]);
        var (baseline, variant) = await Compare(ModelFixtures.Policy(PolicyType.CrossBorderFacilitation, scope: scope, parameters: new() { ["talentFrictionReduction"] = 0.9 }));
        var (before, after) = (await baseline.Total("migrantsLost", City.Shenzhen, City.HongKong), await variant.Total("migrantsLost", City.Shenzhen, City.HongKong));
        // The cities' losses include migrants bound elsewhere, whom the pair's facilitation does not touch; the direction is the claim.
        Assert.True(after < before, $"{after} vs {before}");
    }

    [Fact]
    public async Task Research_funding_across_the_border_raises_results_in_Hong_Kong_and_Macao()
    {
        var (baseline, variant) = await Compare(ModelFixtures.Policy(PolicyType.CrossBorderResearchFunding, budget: 2e10));
        var (before, after) = (await baseline.Total("researchResults", City.HongKong, City.Macao), await variant.Total("researchResults", City.HongKong, City.Macao));
        Assert.True(after > before * 1.1, $"{after} vs {before}");
        Assert.True(variant.Summary["policySpending"] > 0);
    }

    [Fact]
    public async Task Transfer_capacity_raises_technology_transaction_value()
    {
        var (baseline, variant) = await Compare(ModelFixtures.Policy(PolicyType.TechnologyTransferCapacity, parameters: new() { ["extraMatchesPerMonth"] = 400 }));
        Assert.True(variant.Summary["technologyTransactionValue"] > baseline.Summary["technologyTransactionValue"] * 1.1,
            $"{variant.Summary["technologyTransactionValue"]} vs {baseline.Summary["technologyTransactionValue"]}");
    }

    [Fact]
    public void Sector_finance_keeps_more_firms_of_its_sector_alive()
    {
        // On the committed world: in the compact test world no firm of the sector runs short of cash within three years, so grants change nothing there.
        var world = ScenarioLoader.Load(Repository.PathOf("scenarios/gba-small.yaml")).World;
        var scope = new PolicyScope([], [], [Sector.ArtificialIntelligence], [], []);
        var policy = ModelFixtures.Policy(PolicyType.SectorFinance, scope: scope, budget: 5e9, parameters: new() { ["financingGrant"] = 2e7, ["startUpGrant"] = 2e7 });
        // Run in this process so that closures are counted among the sector's own firms: over all
        // sectors, the firms the grants keep open take staff and deals from others, and the sum hides the effect.
        double before = 0, after = 0;
        foreach (var seed in new ulong[] { 11, 12, 13 })
        {
            var (baseline, variant) = (
                InProcessBaseline.Start(ModelFixtures.Scenario(scale: Scale, horizon: Horizon, seed: seed, world: world), Scale, Horizon),
                InProcessBaseline.Start(ModelFixtures.Scenario(scale: Scale, horizon: Horizon, seed: seed, policies: [policy], world: world), Scale, Horizon));
            before += baseline.Firms().Count(f => f.Sector == Sector.ArtificialIntelligence && f.Closed);
            after += variant.Firms().Count(f => f.Sector == Sector.ArtificialIntelligence && f.Closed);
        }
        Assert.True(after < before, $"{after} vs {before}");
    }

    [Fact]
    public async Task Talent_attraction_draws_more_migrants_into_the_city()
    {
        var scope = new PolicyScope([City.Zhuhai], [], [], [], []);
        var (baseline, variant) = await Compare(ModelFixtures.Policy(PolicyType.TalentAttraction, scope: scope, budget: 1e10, parameters: new() { ["attractiveness"] = 1.0 }));
        var (before, after) = (await baseline.Total("migrantsIn", City.Zhuhai), await variant.Total("migrantsIn", City.Zhuhai));
        Assert.True(after > before * 1.3, $"{after} vs {before}");
        Assert.True(variant.Summary["policySpending"] > 0);
    }

    [Fact]
    public async Task Facility_capacity_with_open_access_grants_more_projects_to_Hong_Kong_and_Macao()
    {
        var scope = new PolicyScope([], [], [], ["csns"], []);
        var (baseline, variant) = await Compare(ModelFixtures.Policy(PolicyType.FacilityCapacity, scope: scope, parameters: new() { ["extraProjectsPerYear"] = 240, ["openAccess"] = 1 }));
        Assert.True(variant.Summary["facilityProjects"] > baseline.Summary["facilityProjects"] * 1.5);
        var (before, after) = (await baseline.Total("facilityProjectsHkMacao"), await variant.Total("facilityProjectsHkMacao"));
        Assert.True(after > before, $"{after} vs {before}");
    }

    [Fact]
    public async Task Ip_protection_raises_licence_value_and_firm_revenue()
    {
        var (baseline, variant) = await Compare(ModelFixtures.Policy(PolicyType.IpProtection, parameters: new() { ["licenceValueUplift"] = 1.0, ["imitationReduction"] = 1.0 }));
        Assert.True(variant.Summary["technologyTransactionValue"] > baseline.Summary["technologyTransactionValue"]);
        Assert.True(await variant.Total("revenue") > await baseline.Total("revenue"));
    }

    [Fact]
    public async Task A_policy_never_spends_more_than_its_yearly_budget()
    {
        var variant = await Run(ModelFixtures.Policy(PolicyType.CrossBorderResearchFunding, budget: 1e6));
        Assert.InRange(variant.Summary["policySpending"], 2.5e6, (Horizon / 12 * 1e6) + 1);
    }
}
