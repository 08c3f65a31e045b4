using GbaSim.Engine.Runs;
using GbaSim.Engine.Scenarios;
using GbaSim.Model.Ecosystem;
using GbaSim.Model.Policies;

namespace GbaSim.Tests.Model;

/// <summary>
/// Each policy, run against the same world with the same seed (common random numbers), moves
/// its target in the expected direction through the model's own mechanics.
/// </summary>
public sealed class PolicyEffectTests
{
    private const double Scale = 0.05;
    private const int Horizon = 36;

    private static (RunResult Result, List<MonthRecord> Months) Run(params PolicyDefinition[] policies)
    {
        var months = new List<MonthRecord>();
        var result = ScenarioRunner.Run(ModelFixtures.Scenario(scale: Scale, horizon: Horizon, seed: 11, policies: policies), new RunOptions { Threads = 2 }, months.Add);
        return (result, months);
    }

    private static double Sum(List<MonthRecord> months, Func<MonthRecord, double> figure) => months.Sum(figure);

    [Fact]
    public void Pilot_platform_raises_the_transformation_rate()
    {
        var baseline = Run();
        var variant = Run(ModelFixtures.Policy(PolicyType.PilotPlatform, parameters: new() { ["extraSlots"] = 200, ["successUplift"] = 0.3 }));
        Assert.True(variant.Result.Summary["conversion.transformation"] > baseline.Result.Summary["conversion.transformation"] + 0.05,
            $"{variant.Result.Summary["conversion.transformation"]} vs {baseline.Result.Summary["conversion.transformation"]}");
    }

    [Fact]
    public void Cross_border_facilitation_loses_fewer_migrants_between_Shenzhen_and_Hong_Kong()
    {
        static double Lost(List<MonthRecord> months) => months.Sum(m => m.Cities[City.Shenzhen].MigrantsLost + m.Cities[City.HongKong].MigrantsLost);
        var baseline = Run();
        var scope = new PolicyScope([], [], [], [], [(City.Shenzhen, City.HongKong)]);
        var variant = Run(ModelFixtures.Policy(PolicyType.CrossBorderFacilitation, scope: scope, parameters: new() { ["talentFrictionReduction"] = 0.9 }));
        Assert.True(Lost(variant.Months) < Lost(baseline.Months) * 0.8, $"{Lost(variant.Months)} vs {Lost(baseline.Months)}");
    }

    [Fact]
    public void Research_funding_across_the_border_raises_results_in_Hong_Kong_and_Macao()
    {
        static double Results(List<MonthRecord> months) => months.Sum(m => m.Cities[City.HongKong].ResearchResults + m.Cities[City.Macao].ResearchResults);
        var baseline = Run();
        var variant = Run(ModelFixtures.Policy(PolicyType.CrossBorderResearchFunding, budget: 2e10));
        Assert.True(Results(variant.Months) > Results(baseline.Months) * 1.1, $"{Results(variant.Months)} vs {Results(baseline.Months)}");
        Assert.True(variant.Result.Summary["policySpending"] > 0);
    }

    [Fact]
    public void Transfer_capacity_raises_technology_transaction_value()
    {
        var baseline = Run();
        var variant = Run(ModelFixtures.Policy(PolicyType.TechnologyTransferCapacity, parameters: new() { ["extraMatchesPerMonth"] = 400 }));
        Assert.True(variant.Result.Summary["technologyTransactionValue"] > baseline.Result.Summary["technologyTransactionValue"] * 1.1,
            $"{variant.Result.Summary["technologyTransactionValue"]} vs {baseline.Result.Summary["technologyTransactionValue"]}");
    }

    [Fact]
    public void Sector_finance_keeps_more_firms_of_its_sector_alive_within_its_budget()
    {
        var baseline = Run();
        var scope = new PolicyScope([], [], [Sector.ArtificialIntelligence], [], []);
        var variant = Run(ModelFixtures.Policy(PolicyType.SectorFinance, scope: scope, budget: 5e9, parameters: new() { ["financingGrant"] = 2e7, ["startUpGrant"] = 5e6 }));
        Assert.InRange(variant.Result.Summary["policySpending"], 1, 5e9);
        // Grants keep start-ups of the sector alive: fewer firms close.
        Assert.True(Sum(variant.Months, m => m.Region.Closures) < Sum(baseline.Months, m => m.Region.Closures),
            $"{Sum(variant.Months, m => m.Region.Closures)} vs {Sum(baseline.Months, m => m.Region.Closures)}");
    }

    [Fact]
    public void Talent_attraction_draws_more_migrants_into_the_city()
    {
        static double Arrivals(List<MonthRecord> months) => months.Sum(m => m.Cities[City.Zhuhai].MigrantsIn);
        var baseline = Run();
        var scope = new PolicyScope([City.Zhuhai], [], [], [], []);
        var variant = Run(ModelFixtures.Policy(PolicyType.TalentAttraction, scope: scope, budget: 1e10, parameters: new() { ["attractiveness"] = 1.0 }));
        Assert.True(Arrivals(variant.Months) > Arrivals(baseline.Months) * 1.3, $"{Arrivals(variant.Months)} vs {Arrivals(baseline.Months)}");
        Assert.True(variant.Result.Summary["policySpending"] > 0);
    }

    [Fact]
    public void Facility_capacity_with_open_access_grants_more_projects_to_Hong_Kong_and_Macao()
    {
        static double HkMacao(List<MonthRecord> months) => months.Sum(m => m.Region.FacilityProjectsHkMacao);
        var baseline = Run();
        var scope = new PolicyScope([], [], [], ["csns"], []);
        var variant = Run(ModelFixtures.Policy(PolicyType.FacilityCapacity, scope: scope, parameters: new() { ["extraProjectsPerYear"] = 240, ["openAccess"] = 1 }));
        Assert.True(variant.Result.Summary["facilityProjects"] > baseline.Result.Summary["facilityProjects"] * 1.5);
        Assert.True(HkMacao(variant.Months) > HkMacao(baseline.Months), $"{HkMacao(variant.Months)} vs {HkMacao(baseline.Months)}");
    }

    [Fact]
    public void Ip_protection_raises_licence_value_and_firm_revenue()
    {
        var baseline = Run();
        var variant = Run(ModelFixtures.Policy(PolicyType.IpProtection, parameters: new() { ["licenceValueUplift"] = 1.0, ["imitationReduction"] = 1.0 }));
        Assert.True(variant.Result.Summary["technologyTransactionValue"] > baseline.Result.Summary["technologyTransactionValue"]);
        Assert.True(Sum(variant.Months, m => m.Region.Revenue) > Sum(baseline.Months, m => m.Region.Revenue));
    }

    [Fact]
    public void A_policy_never_spends_more_than_its_budget()
    {
        var variant = Run(ModelFixtures.Policy(PolicyType.CrossBorderResearchFunding, budget: 1e6, parameters: new() { ["grantShareOfBudgetPerYear"] = 1.0 }));
        Assert.InRange(variant.Result.Summary["policySpending"], 0.5e6, 1e6 + 1);
    }
}
