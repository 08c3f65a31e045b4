using GbaSim.Model.Ecosystem;
using GbaSim.Model.Policies;
using GbaSim.Model.World;

namespace GbaSim.Tests.Model.Actors;

public sealed class PolicyProgrammeTests
{
    private const City Home = City.Guangzhou;

    private static readonly Dictionary<string, double> Grants = new() { ["financingGrant"] = 5e6, ["marketReward"] = 3e6, ["startUpGrant"] = 1e6 };

    private static EcosystemMessage Claim(long technology, ChainStage stage) =>
        EcosystemMessage.Of(MessageKind.FundingApplication, new Deal(technology == 0 ? default : TestTechnologies.Make(technology, Sector.Marine, 0.5f, stage, Home), 0, 0, false));

    private static ProbeActor Firm(ActorHarness harness, long serial) => harness.AddProbe(ModelActors.FirmId(Home, Sector.Marine, serial));

    private static double[] Paid(ProbeActor probe) => probe.Of(MessageKind.Capital).Select(m => m.Message.Capital.Amount).ToArray();

    [Fact]
    public void Sector_finance_pays_each_claim_once_per_technology_and_within_its_budget()
    {
        var budget = Grants["financingGrant"] + Grants["marketReward"] + Grants["startUpGrant"] + 2e6;
        var harness = new ActorHarness(policies: [TestPolicies.Spec(PolicyType.SectorFinance, budget: budget, parameters: Grants)]);
        var policy = harness.AddPolicy(0);
        var (a, b, c, d) = (Firm(harness, 1), Firm(harness, 2), Firm(harness, 3), Firm(harness, 4));
        a.Send(ActorHarness.PolicyId(0), Claim(11, ChainStage.Financing));
        a.Send(ActorHarness.PolicyId(0), Claim(11, ChainStage.Financing));
        a.Send(ActorHarness.PolicyId(0), Claim(11, ChainStage.Market));
        b.Send(ActorHarness.PolicyId(0), Claim(0, ChainStage.BasicResearch));
        b.Send(ActorHarness.PolicyId(0), Claim(0, ChainStage.BasicResearch));
        harness.Run();
        c.Send(ActorHarness.PolicyId(0), Claim(12, ChainStage.Financing));
        harness.Run();
        d.Send(ActorHarness.PolicyId(0), Claim(13, ChainStage.Financing));
        harness.Run(3);

        Assert.Equal([Grants["financingGrant"], Grants["marketReward"]], Paid(a));
        Assert.Equal([Grants["startUpGrant"]], Paid(b));
        // What is left of the budget, not the full grant; then nothing.
        Assert.Equal([budget - Grants["financingGrant"] - Grants["marketReward"] - Grants["startUpGrant"]], Paid(c));
        Assert.Empty(Paid(d));
        Assert.Equal(budget, policy.Spent, 3);
        Assert.Equal(4, policy.Payments);
        Assert.All(new[] { a, b, c }.SelectMany(p => p.Of(MessageKind.Capital)), m =>
        {
            Assert.Equal(CapitalPurpose.Subsidy, m.Message.Capital.Purpose);
            Assert.Equal(0, m.Message.Capital.Policy);
        });
        Assert.Equal([11L, 11L], a.Of(MessageKind.Capital).Select(m => m.Message.Capital.TechnologyId));
    }

    [Fact]
    public void Research_funding_pays_the_covered_institutions_in_proportion_to_researchers()
    {
        const double budget = 12e6;
        const int months = 12;
        var harness = new ActorHarness(policies: [TestPolicies.Spec(PolicyType.CrossBorderResearchFunding, start: 0, end: months - 1, budget: budget)]);
        var policy = harness.AddPolicy(0);

        harness.Run(2);

        // By default the grants go to research institutions in Hong Kong and Macao, less what each link loses.
        var world = harness.World;
        var covered = world.ResearchInstitutions.Where(i => world.Institutions[i].City.IsHongKongOrMacao()).ToArray();
        Assert.Equal(3, covered.Length);
        var researchers = covered.Sum(i => (double)world.Institutions[i].Researchers);
        foreach (var i in covered)
        {
            var institution = world.Institutions[i];
            var grant = Assert.Single(harness.Probe(ModelActors.InstitutionId(i)).Of(MessageKind.Capital, 1)).Message.Capital;
            Assert.Equal(CapitalPurpose.Grant, grant.Purpose);
            var sent = budget / months * institution.Researchers / researchers;
            Assert.Equal(sent * (1 - world.Link(Home, institution.City).CapitalLoss), grant.Amount, 3);
        }
        Assert.All(world.ResearchInstitutions.Except(covered), i => Assert.Empty(harness.Probe(ModelActors.InstitutionId(i)).Of(MessageKind.Capital)));
        Assert.Equal(2 * budget / months, policy.Spent, 3);
    }

    [Fact]
    public void Research_funding_scoped_to_institutions_pays_only_those()
    {
        const double budget = 7e6;
        var scope = new PolicyScope([], [], [], ["sysu", "gz-lab"], []);
        var harness = new ActorHarness(policies: [TestPolicies.Spec(PolicyType.CrossBorderResearchFunding, start: 0, end: 6, budget: budget, scope: scope)]);
        harness.AddPolicy(0);

        harness.Run(2);

        var sysu = harness.Probe(harness.InstitutionId("sysu")).Of(MessageKind.Capital).Single().Message.Capital.Amount;
        var lab = harness.Probe(harness.InstitutionId("gz-lab")).Of(MessageKind.Capital).Single().Message.Capital.Amount;
        // A yearly budget: a twelfth a month, however short the policy's window.
        Assert.Equal(budget / 12, sysu + lab, 3);
        Assert.Equal(harness.World.Institutions[harness.IndexOf("sysu")].Researchers / (double)harness.World.Institutions[harness.IndexOf("gz-lab")].Researchers, sysu / lab, 6);
        Assert.Empty(harness.Probe(harness.InstitutionId("hku")).Of(MessageKind.Capital));
    }

    [Theory]
    [InlineData(PolicyType.PilotPlatform)]
    [InlineData(PolicyType.CrossBorderFacilitation)]
    [InlineData(PolicyType.IpProtection)]
    [InlineData(PolicyType.FacilityCapacity)]
    [InlineData(PolicyType.TechnologyTransferCapacity)]
    public void Operating_policy_spends_a_total_budget_evenly_over_its_stated_months(PolicyType type)
    {
        const int start = 2, end = 5;
        const double budget = 4.4e6;
        var harness = new ActorHarness(policies: [TestPolicies.Spec(type, start: start, end: end, budget: budget, budgetPer: BudgetPeriod.Total)]);
        var policy = harness.AddPolicy(0);

        var monthly = new List<double>();
        for (var step = 0; step < end + 3; step++)
        {
            harness.Run();
            monthly.Add(policy.SpentThisMonth);
        }

        var share = budget / (end - start + 1);
        Assert.Equal(Enumerable.Range(0, end + 3).Select(s => s >= start && s <= end ? share : 0), monthly);
        Assert.Equal(budget, policy.Spent, 3);
    }

    [Fact]
    public void Paying_policy_spends_nothing_outside_its_active_window()
    {
        const int start = 3, end = 4;
        var harness = new ActorHarness(policies: [TestPolicies.Spec(PolicyType.SectorFinance, start: start, end: end, parameters: Grants)]);
        var policy = harness.AddPolicy(0);
        var firm = Firm(harness, 1);
        var spent = new List<double>();
        void Step(params long[] claims)
        {
            foreach (var technology in claims)
            {
                firm.Send(ActorHarness.PolicyId(0), Claim(technology, ChainStage.Financing));
            }
            harness.Run();
            spent.Add(policy.SpentThisMonth);
        }

        Step(21);     // reaches the policy in step 1, before it starts
        Step();
        Step(21, 22); // step 3: paid, the first claim included (it was not paid before)
        Step();
        Step(23);     // step 5: the policy has ended
        Step();
        Step();

        Assert.Equal([0, 0, 0, 2 * Grants["financingGrant"], 0, 0, 0], spent);
        Assert.Equal([21L, 22L], firm.Of(MessageKind.Capital).Select(m => m.Message.Capital.TechnologyId));
        Assert.Equal(2, policy.Payments);
    }

    [Fact]
    public void Talent_attraction_pays_a_relocation_subsidy_per_arrival()
    {
        var scope = new PolicyScope([City.Zhuhai], [], [], [], []);
        var spec = TestPolicies.Spec(PolicyType.TalentAttraction, scope: scope, parameters: new() { ["relocationSubsidy"] = 50_000 });
        var harness = new ActorHarness(TestWorlds.With(ModelParameters.Default with { MigrationMonthly = 0, StartUpFormationRate = 0 }), [spec]);
        harness.AddCity(City.Zhuhai);
        var policy = harness.AddPolicy(0);
        harness.Post(ActorHarness.CityId(City.Zhuhai), EcosystemMessage.Of(MessageKind.Talent, new TalentFlow(TalentMove.Migrate, Sector.Marine, TalentLevel.Professional, City.Macao, City.Zhuhai, 40)));

        harness.Run(2);

        Assert.Equal(40 * 50_000, policy.Spent, 3);
        Assert.Equal(1, policy.Payments);
    }

    [Theory]
    [InlineData(35)]
    [InlineData(143)]
    public void Yearly_budget_is_booked_at_a_twelfth_a_month_whatever_the_horizon(int end)
    {
        const double budget = 12e6;
        var harness = new ActorHarness(policies: [TestPolicies.Spec(PolicyType.PilotPlatform, end: end, budget: budget)]);
        var policy = harness.AddPolicy(0);

        harness.Run(24);

        Assert.Equal(budget / 12, policy.SpentThisMonth, 3);
        Assert.Equal(2 * budget, policy.Spent, 3);
    }

    [Fact]
    public void Paying_policy_renews_a_yearly_budget_each_year_and_pays_nothing_more_within_a_year()
    {
        var budget = Grants["financingGrant"];
        var harness = new ActorHarness(policies: [TestPolicies.Spec(PolicyType.SectorFinance, budget: budget, parameters: Grants)]);
        var policy = harness.AddPolicy(0);
        var firm = Firm(harness, 1);
        firm.Send(ActorHarness.PolicyId(0), Claim(31, ChainStage.Financing));
        harness.Run(5);
        firm.Send(ActorHarness.PolicyId(0), Claim(32, ChainStage.Financing));
        harness.Run(8);
        Assert.Equal(budget, policy.Spent, 3);
        firm.Send(ActorHarness.PolicyId(0), Claim(33, ChainStage.Financing));
        harness.Run(3);

        Assert.Equal(2 * budget, policy.Spent, 3);
        Assert.Equal([31L, 33L], firm.Of(MessageKind.Capital).Select(m => m.Message.Capital.TechnologyId));
    }

    [Fact]
    public void Talent_policy_whose_budget_is_spent_tells_every_city_its_subsidy_has_stopped_until_the_year_ends()
    {
        var scope = new PolicyScope([City.Zhuhai], [], [], [], []);
        var spec = TestPolicies.Spec(PolicyType.TalentAttraction, scope: scope, budget: 1e6, parameters: new() { ["relocationSubsidy"] = 50_000 });
        var harness = new ActorHarness(TestWorlds.With(ModelParameters.Default with { MigrationMonthly = 0, StartUpFormationRate = 0 }), [spec]);
        harness.AddCity(City.Zhuhai);
        var policy = harness.AddPolicy(0);
        harness.Post(ActorHarness.CityId(City.Zhuhai), EcosystemMessage.Of(MessageKind.Talent, new TalentFlow(TalentMove.Migrate, Sector.Marine, TalentLevel.Professional, City.Macao, City.Zhuhai, 40)));

        harness.Run(4);

        Assert.Equal(1e6, policy.Spent, 3);
        var stopped = Assert.Single(harness.Probe(ActorHarness.CityId(City.Macao)).Of(MessageKind.BudgetSpent)).Message.Deal;
        Assert.Equal((11.0, 0L), (stopped.Amount, stopped.Counterpart));
        Assert.Equal(11, harness.State(ActorHarness.CityId(City.Zhuhai)).GetProperty("subsidyPausedUntil").GetProperty("0").GetInt64());
    }
}
