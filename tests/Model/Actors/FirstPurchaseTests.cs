using GbaSim.Model.Ecosystem;
using GbaSim.Model.Policies;
using GbaSim.Model.World;

namespace GbaSim.Tests.Model.Actors;

/// <summary>First-purchase procurement: orders signed once per technology while the budget lasts, paid at launch, and backing a fund application only within the policy's scope.</summary>
public sealed class FirstPurchaseTests
{
    private const City Home = City.Shenzhen;
    private const Sector Field = Sector.ArtificialIntelligence;

    private static PolicySpec Orders(double budget, PolicyScope? scope = null) =>
        TestPolicies.Spec(PolicyType.FirstPurchase, budget: budget, scope: scope, parameters: new() { ["orderValue"] = 3e6, ["fundOddsUplift"] = 0.5 });

    private static EcosystemMessage Ask(MessageKind kind, long technology) =>
        EcosystemMessage.Of(kind, new Deal(TestTechnologies.Make(technology, Field, 0.5f, ChainStage.Financing), 0, 0, false));

    [Fact]
    public void Orders_are_signed_once_per_technology_while_the_year_budget_lasts_and_paid_once_at_launch()
    {
        var harness = new ActorHarness(policies: [Orders(budget: 7e6)]);
        var programme = harness.AddPolicy(0);
        var firms = Enumerable.Range(0, 4).Select(i => harness.AddProbe(ModelActors.FirmId(Home, Field, i))).ToArray();
        firms[0].Send(ActorHarness.PolicyId(0), Ask(MessageKind.OrderRequest, 1));
        firms[1].Send(ActorHarness.PolicyId(0), Ask(MessageKind.OrderRequest, 1));
        firms[2].Send(ActorHarness.PolicyId(0), Ask(MessageKind.OrderRequest, 2));
        firms[3].Send(ActorHarness.PolicyId(0), Ask(MessageKind.OrderRequest, 3));
        harness.Run(3);

        // Two orders of 3 million fit the 7 million; the same technology is not ordered twice.
        Assert.Equal([1, 0, 1, 0], firms.Select(f => f.Of(MessageKind.OrderSigned).Count));
        Assert.Equal(6e6, programme.Spent, 3);

        firms[0].Send(ActorHarness.PolicyId(0), Ask(MessageKind.PolicyClaim, 1));
        firms[3].Send(ActorHarness.PolicyId(0), Ask(MessageKind.PolicyClaim, 3));
        harness.Run(3);
        firms[0].Send(ActorHarness.PolicyId(0), Ask(MessageKind.PolicyClaim, 1));
        harness.Run(3);

        Assert.Equal([3e6], firms[0].Of(MessageKind.Capital).Select(m => m.Message.Capital.Amount));
        Assert.Empty(firms[3].Of(MessageKind.Capital));
        Assert.Equal(6e6, programme.Spent, 3);
    }

    [Fact]
    public void An_order_backs_a_fund_application_only_for_firms_in_the_policy_scope()
    {
        var scope = new PolicyScope([Home], [], [Field], [], []);
        var schedule = new WorldModel(ModelFixtures.World(), 1, [Orders(1e9, scope)], 1).Schedule;

        Assert.Equal(0.5, schedule.OrderBacking(0, Field, Place.Of(Home)));
        Assert.Equal(0, schedule.OrderBacking(0, Sector.Marine, Place.Of(Home)));
        Assert.Equal(0, schedule.OrderBacking(0, Field, Place.Of(City.HongKong)));
        Assert.Equal(0, schedule.OrderBacking(200, Field, Place.Of(Home)));
    }

    [Fact]
    public void A_firm_with_an_order_asks_funds_for_less_and_says_the_order_backs_it()
    {
        var harness = new ActorHarness(TestWorlds.With(SpinOffInFinancing.Steady(0)), [Orders(1e9)], seed: 4);
        var programme = harness.AddPolicy(0);
        var firm = SpinOffInFinancing.Start(harness);
        SpinOffInFinancing.Refuse(harness, firm);
        harness.Run();
        SpinOffInFinancing.Refuse(harness, firm);
        harness.Run(2);

        var applications = harness.World.FundsFor(SpinOffInFinancing.Home, ChainStage.Financing)
            .SelectMany(f => harness.Probe(harness.InstitutionId(harness.World.Institutions[f].Key)).Of(MessageKind.FundingApplication))
            .OrderBy(m => m.Step).Select(m => m.Message.Deal).ToArray();
        var need = harness.Parameters.FinancingNeed;
        // The order is signed the month after the technology entered financing, so the third application is the first it backs.
        Assert.Equal([(need, false), (need, false), (need - 3e6, true)], applications.Select(a => (a.Amount, a.Success)));
        Assert.Equal(3e6, programme.Spent, 3);
        Assert.Equal(3e6, Assert.Single(firm.Orders).Value);
    }
}
