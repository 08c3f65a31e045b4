using GbaSim.Model.Ecosystem;
using GbaSim.Model.Firms;
using GbaSim.Model.Institutions;
using GbaSim.Model.Policies;
using GbaSim.Model.World;

namespace GbaSim.Tests.Model.Actors;

/// <summary>The levers that pay firms, people and incubators: what they pay, and that nothing is paid or acts once the period's budget is spent.</summary>
public sealed class LeverProgrammeTests
{
    private const City Home = City.Shenzhen;

    private static ProbeActor Firm(ActorHarness harness, long serial) => harness.AddProbe(ModelActors.FirmId(Home, Sector.ArtificialIntelligence, serial));

    private static EcosystemMessage Claim(double amount) => EcosystemMessage.Of(MessageKind.PolicyClaim, new Deal(default, amount, 0, false));

    private static double[] Paid(ProbeActor probe) => probe.Of(MessageKind.Capital).Select(m => m.Message.Capital.Amount).ToArray();

    private static Firm TaxPayer(ActorHarness harness, bool highTech) =>
        harness.AddFirm(ModelActors.FirmId(Home, Sector.ArtificialIntelligence, 99), new FirmProfile(Home, Zone.None, Sector.ArtificialIntelligence, FirmStage.Mature, -60, 50, 1e7, 2, 1, highTech));

    [Fact]
    public void Tax_relief_is_the_standard_tax_less_the_high_tech_rate_after_the_extra_deduction()
    {
        var policy = TestPolicies.Spec(PolicyType.HighTechTaxRelief);
        var harness = new ActorHarness(policies: [policy]);
        var highTech = TaxPayer(harness, highTech: true);

        // Profit 1,000,000 and R&D costs 300,000: 25% of the profit, less 15% of (profit − 100% × costs).
        Assert.Equal((0.25 * 1e6) - (0.15 * 7e5), highTech.TaxRelief(policy, 1e6, 3e5), 6);
        // A deduction larger than the profit leaves no tax at all; a loss has none to spare.
        Assert.Equal(0.25 * 2e5, highTech.TaxRelief(policy, 2e5, 3e5), 6);
        Assert.Equal(0, highTech.TaxRelief(policy, -1e5, 3e5));
    }

    [Fact]
    public void Relief_lowers_the_after_tax_price_of_R_and_D_most_for_firms_at_the_standard_rate()
    {
        var policy = TestPolicies.Spec(PolicyType.HighTechTaxRelief);
        var harness = new ActorHarness(policies: [policy]);
        var highTech = TaxPayer(harness, highTech: true);
        var other = harness.AddFirm(ModelActors.FirmId(Home, Sector.Marine, 98), new FirmProfile(Home, Zone.None, Sector.Marine, FirmStage.Mature, -60, 50, 1e7, 2, 1, false));

        // A yuan of R&D costs 0.75 after tax without relief; with it, 1 − 15% × 2 for a high-tech enterprise, 1 − 25% × 2 for another firm.
        Assert.Equal(0.70 / 0.75, highTech.ResearchPrice(policy, 1e6, 3e5), 9);
        Assert.Equal(0.50 / 0.75, other.ResearchPrice(policy, 1e6, 3e5), 9);
        // A firm without profit has no tax to save, with or without relief.
        Assert.Equal(1, other.ResearchPrice(policy, -1, 3e5));
    }

    [Fact]
    public void Hong_Kong_two_tier_deduction_spares_more_tax_on_the_first_tier()
    {
        // Profits tax 16.5% with no lower rate; 200% extra on the first 1.2 million a year (100,000 a month), 100% on the rest.
        var policy = TestPolicies.Spec(PolicyType.HighTechTaxRelief, parameters: new()
        {
            ["standardRate"] = 0.165, ["highTechRate"] = 0.165, ["rdExtraDeduction"] = 1, ["firstTierExtraDeduction"] = 2, ["firstTierYuan"] = 1.2e6,
        });
        var firm = TaxPayer(new ActorHarness(policies: [policy]), highTech: false);

        var deduction = (1 * 3e5) + (1 * 1e5);
        Assert.Equal(0.165 * deduction, firm.TaxRelief(policy, 1e6, 3e5), 6);
    }

    [Fact]
    public void Tax_relief_pays_claims_until_the_year_budget_is_spent_and_again_the_next_year()
    {
        const double budget = 250_000;
        var harness = new ActorHarness(policies: [TestPolicies.Spec(PolicyType.HighTechTaxRelief, budget: budget)]);
        var policy = harness.AddPolicy(0);
        var (a, b) = (Firm(harness, 1), Firm(harness, 2));
        a.Send(ActorHarness.PolicyId(0), Claim(100_000));
        b.Send(ActorHarness.PolicyId(0), Claim(100_000));
        harness.Run();
        a.Send(ActorHarness.PolicyId(0), Claim(100_000));
        b.Send(ActorHarness.PolicyId(0), Claim(100_000));
        harness.Run(3);

        // The month that overdraws the budget pays every claim in proportion to what is left; then nothing until the policy's next year.
        Assert.Equal([100_000.0, 25_000.0], Paid(a));
        Assert.Equal([100_000.0, 25_000.0], Paid(b));
        Assert.Equal(budget, policy.Spent, 3);
        Assert.All(a.Of(MessageKind.Capital), m => Assert.Equal(Home, m.Message.Capital.From));

        a.Send(ActorHarness.PolicyId(0), Claim(100_000));
        harness.Run(3);
        Assert.Equal([100_000.0, 25_000.0], Paid(a));

        harness.Run(6);
        b.Send(ActorHarness.PolicyId(0), Claim(100_000));
        harness.Run(3);
        Assert.Equal([100_000.0, 25_000.0, 100_000.0], Paid(b));
    }

    [Fact]
    public void Income_tax_subsidy_refunds_counted_arrivals_each_month_until_the_budget_is_spent()
    {
        var wage = ModelFixtures.World().Cities.First(c => c.City == Home).MonthlyWage;
        var refund = (0.25 - 0.15) * wage;
        var budget = 25 * refund;
        var harness = new ActorHarness(policies: [TestPolicies.Spec(PolicyType.TalentIncomeTaxSubsidy, budget: budget, parameters: new() { ["stayYears"] = 100 })]);
        var policy = harness.AddPolicy(0);
        var city = harness.AddProbe(ActorHarness.CityId(Home));
        city.Send(ActorHarness.PolicyId(0), EcosystemMessage.Of(MessageKind.SubsidyClaim, new TalentFlow(TalentMove.Migrate, default, TalentLevel.Professional, Home, Home, 10)));

        harness.Run(5);

        // Ten people, refunded a month's tax above 15% each month: 10, 10 (less their thinning), then the 5 left of the budget.
        var paid = Paid(city);
        Assert.Equal(3, paid.Length);
        Assert.Equal(10 * refund, paid[0], 3);
        Assert.Equal(budget, policy.Spent, 3);
        // Every city is told, so the refund stops drawing anyone until the next policy year.
        Assert.Single(city.Of(MessageKind.BudgetSpent));
        Assert.Equal(11, city.Of(MessageKind.BudgetSpent)[0].Message.Deal.Amount);
    }

    [Fact]
    public void Income_tax_subsidy_draws_Hong_Kong_talent_to_covered_mainland_cities_only()
    {
        var policy = TestPolicies.Spec(PolicyType.TalentIncomeTaxSubsidy, scope: new PolicyScope([Home], [], [], [], []));
        var subsidised = new WorldModel(ModelFixtures.World(), 1, [policy], 1);
        var without = new WorldModel(ModelFixtures.World(), 1, [], 1);
        double Pull(WorldModel world, City from, City to) => GbaSim.Model.Municipalities.MigrationPull.Weight(world, 0, from, to, world.Schedule.Policies.Select(_ => -1).ToArray());

        // Net wage from 75% to 85% of the gross: the pull rises by (0.85 / 0.75) ^ sensitivity.
        var expected = Math.Pow(0.85 / 0.75, ModelParameters.Default.MigrationSensitivity);
        Assert.Equal(expected, Pull(subsidised, City.HongKong, Home) / Pull(without, City.HongKong, Home), 6);
        Assert.Equal(Pull(without, City.Guangzhou, Home), Pull(subsidised, City.Guangzhou, Home), 9);
        Assert.Equal(Pull(without, City.HongKong, City.Guangzhou), Pull(subsidised, City.HongKong, City.Guangzhou), 9);
        Assert.Equal(0, subsidised.Schedule.TaxSubsidyUplift(0, City.HongKong, Home, [5]));
    }

    [Fact]
    public void Incubator_support_opens_the_places_it_pays_for_and_none_once_its_budget_is_spent()
    {
        const string hub = "qianhai-hub";
        var parameters = new Dictionary<string, double> { ["extraPlaces"] = 4, ["placeCostPerYear"] = 12_000, ["rentSubsidy"] = 0 };
        // Two months of four places: 2 × 4 × 1,000 yuan.
        var harness = new ActorHarness(TestWorlds.Changing(hub, i => i with { Capacity = 1 }), [TestPolicies.Spec(PolicyType.IncubatorSupport, budget: 8_000, parameters: parameters)]);
        var policy = harness.AddPolicy(0);
        var incubator = harness.AddInstitution<Incubator>(hub);
        var startUps = Enumerable.Range(0, 12).Select(i => Firm(harness, i)).ToArray();
        harness.Run();
        foreach (var startUp in startUps.Take(6))
        {
            startUp.Send(harness.InstitutionId(hub), EcosystemMessage.Of(MessageKind.IncubationRequest, new Deal(default, 0, 0, false)));
        }
        harness.Run(3);
        foreach (var startUp in startUps.Skip(6))
        {
            startUp.Send(harness.InstitutionId(hub), EcosystemMessage.Of(MessageKind.IncubationRequest, new Deal(default, 0, 0, false)));
        }
        harness.Run(2);

        // One place of its own and four paid for while the money lasted; none added after.
        Assert.Equal(5, startUps.Take(6).Count(s => s.Of(MessageKind.IncubationGrant).Count > 0));
        Assert.All(startUps.Skip(6), s => Assert.Empty(s.Of(MessageKind.IncubationGrant)));
        Assert.Equal(8_000, policy.Spent, 3);
        Assert.Equal(5, incubator.Admitted);
    }

    [Fact]
    public void Talent_pass_cuts_loss_and_delay_for_senior_talent_crossing_into_covered_cities_until_its_budget_is_spent()
    {
        var policy = TestPolicies.Spec(PolicyType.TalentPass, budget: 9_000, scope: new PolicyScope([City.HongKong], [], [], [], []));
        var world = new WorldModel(ModelFixtures.World(), 1, [policy], 1);
        int[] issuing = [-1], spent = [11];

        Assert.Equal(0.2, world.Schedule.PassFactor(0, Home, City.HongKong, TalentLevel.Senior, issuing), 9);
        Assert.Equal(1, world.Schedule.PassFactor(0, Home, City.HongKong, TalentLevel.Professional, issuing));
        Assert.Equal(1, world.Schedule.PassFactor(0, City.HongKong, Home, TalentLevel.Senior, issuing));
        Assert.Equal(1, world.Schedule.PassFactor(0, City.Guangzhou, Home, TalentLevel.Senior, issuing));
        Assert.Equal(1, world.Schedule.PassFactor(3, Home, City.HongKong, TalentLevel.Senior, spent));

        // Three passes at 3,000 yuan spend the year's budget; every city is then told passes have stopped.
        var harness = new ActorHarness(policies: [policy]);
        var programme = harness.AddPolicy(0);
        var city = harness.AddProbe(ActorHarness.CityId(City.HongKong));
        city.Send(ActorHarness.PolicyId(0), EcosystemMessage.Of(MessageKind.SubsidyClaim, new TalentFlow(TalentMove.Migrate, default, TalentLevel.Professional, City.HongKong, City.HongKong, 5)));
        harness.Run(3);
        Assert.Equal(9_000, programme.Spent, 3);
        Assert.Equal(11, Assert.Single(city.Of(MessageKind.BudgetSpent)).Message.Deal.Amount);
    }

    [Fact]
    public void Ip_ownership_reform_raises_spin_off_odds_only_at_covered_institutions_while_active()
    {
        var policy = TestPolicies.Spec(PolicyType.IpOwnershipReform, start: 12, scope: new PolicyScope([], [], [], ["sustech"], []), parameters: new() { ["spinOffUplift"] = 0.5 });
        var schedule = new WorldModel(ModelFixtures.World(), 1, [policy], 1).Schedule;

        Assert.Equal(0.5, schedule.SpinOffUplift(12, "sustech", Home));
        Assert.Equal(0, schedule.SpinOffUplift(11, "sustech", Home));
        Assert.Equal(0, schedule.SpinOffUplift(12, "sz-other", Home));
    }
}
