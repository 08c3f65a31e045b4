using GbaSim.Model.Ecosystem;
using GbaSim.Model.Institutions;
using GbaSim.Model.World;

namespace GbaSim.Tests.Model.Actors;

public sealed class FundTests
{
    private const string Fund = "sz-vc";
    private const City Home = City.Shenzhen;
    private const double Need = 12_000_000;

    /// <summary>Funds approve whatever they can afford with the highest odds they allow (0.95).</summary>
    private static readonly ModelParameters Keen = ModelParameters.Default with { FundApprovalBase = 10 };

    /// <summary>A fund holding <paramref name="capitalAtStep1"/> when it decides on applications sent in step 0: a full fund takes no inflow.</summary>
    private static ActorHarness Harness(double capitalAtStep1, string fund = Fund) =>
        new(TestWorlds.Changing(fund, f => f with { Capital = capitalAtStep1 }, Keen));

    private static EcosystemMessage Application(long technology, float quality, double amount) =>
        EcosystemMessage.Of(MessageKind.FundingApplication, new Deal(TestTechnologies.Make(technology, Sector.Marine, quality, ChainStage.Financing, Home), amount, 0, false));

    [Fact]
    public void Fund_finances_the_best_applications_first_while_its_capital_lasts()
    {
        var capital = 3.5 * Need;
        var harness = Harness(capital);
        var fund = harness.AddInstitution<Fund>(Fund);
        // Ten firms, the higher the key the better the technology, so quality order is not key order by accident.
        var applicants = Enumerable.Range(0, 10)
            .Select(i => (Probe: harness.AddProbe(ModelActors.FirmId(Home, Sector.Marine, 9 - i)), Quality: 0.95f - (0.1f * i)))
            .ToArray();
        foreach (var (probe, quality) in applicants)
        {
            probe.Send(harness.InstitutionId(Fund), Application((long)(quality * 100), quality, Need));
        }

        harness.Run(2);
        Assert.Equal(capital - (3 * Need), fund.Capital, 3);
        harness.Run();

        var decisions = applicants.Select(a => (a.Quality, Decision: Assert.Single(a.Probe.Of(MessageKind.FundingDecision)).Message.Deal)).ToArray();
        var approved = decisions.Where(d => d.Decision.Success).ToArray();
        Assert.Equal(3, approved.Length);
        Assert.Equal(3, fund.Deals);
        Assert.Equal(7, fund.Declined);
        Assert.Equal(3 * Need, fund.Invested);
        Assert.All(approved, d => Assert.Equal(Need, d.Decision.Amount));
        Assert.All(approved, d => Assert.Equal(harness.IndexOf(Fund), d.Decision.Counterpart));
        // Best first: only a run of unlucky refusals (5% each) could push an approval below the top five.
        Assert.All(approved, d => Assert.True(d.Quality >= decisions.Select(x => x.Quality).OrderDescending().ElementAt(4)));
        Assert.All(decisions.Where(d => !d.Decision.Success), d => Assert.Equal(0, d.Decision.Amount));
    }

    [Fact]
    public void Fund_declines_an_application_it_cannot_afford()
    {
        var capital = 0.8 * Need;
        var harness = Harness(capital);
        var fund = harness.AddInstitution<Fund>(Fund);
        var firm = harness.AddProbe(ModelActors.FirmId(Home, Sector.Marine, 0));
        firm.Send(harness.InstitutionId(Fund), Application(1, 0.95f, Need));

        harness.Run(2);
        Assert.Equal(capital, fund.Capital, 3);
        harness.Run();

        var decision = Assert.Single(firm.Of(MessageKind.FundingDecision)).Message.Deal;
        Assert.False(decision.Success);
        Assert.Equal(0, decision.Amount);
        Assert.Equal(1, fund.Declined);
        Assert.Equal(0, fund.Deals);
    }

    [Fact]
    public void Fund_capital_grows_with_repayments_but_its_yearly_inflow_never_lifts_it_beyond_its_committed_size()
    {
        var harness = Harness(2 * Need);
        var fund = harness.AddInstitution<Fund>(Fund);
        var initial = harness.World.Institutions[harness.IndexOf(Fund)].Capital;
        harness.Run(24);
        Assert.Equal(initial, fund.Capital, 3);

        harness.Post(harness.InstitutionId(Fund), EcosystemMessage.Of(new CapitalFlow(CapitalPurpose.Repayment, ChainStage.Market, Home, -1, 250_000, 0)));
        harness.Run(3);

        Assert.Equal(initial + 250_000, fund.Capital, 3);
        Assert.Equal(250_000, fund.Income);
    }

    [Fact]
    public void Fund_that_has_invested_is_topped_up_by_its_yearly_inflow_only_back_to_its_committed_size()
    {
        var harness = Harness(2 * Need);
        var fund = harness.AddInstitution<Fund>(Fund);
        var initial = fund.Capital;
        harness.AddProbe(ModelActors.FirmId(Home, Sector.Marine, 1)).Send(harness.InstitutionId(Fund), Application(1, 0.9f, Need));
        harness.Run(3);
        Assert.Equal(1, fund.Deals);
        var monthly = initial * harness.Parameters.FundAnnualInflow / 12;
        Assert.InRange(fund.Capital, initial - Need, initial - Need + (3 * monthly) + 1);

        harness.Run(120);

        Assert.Equal(initial, fund.Capital, 3);
    }

    [Fact]
    public void Fund_investment_across_a_border_arrives_less_the_link_capital_loss()
    {
        const string hongKongFund = "hk-vc";
        var harness = Harness(5 * Need, hongKongFund);
        harness.AddInstitution<Fund>(hongKongFund);
        var firm = harness.AddProbe(ModelActors.FirmId(Home, Sector.Marine, 0));
        firm.Send(harness.InstitutionId(hongKongFund), Application(1, 0.9f, Need));

        harness.Run(3);

        var decision = Assert.Single(firm.Of(MessageKind.FundingDecision)).Message.Deal;
        Assert.True(decision.Success);
        Assert.Equal(Need * (1 - harness.World.Link(City.HongKong, Home).CapitalLoss), decision.Amount, 3);
        var flow = Assert.Single(harness.Probe(ActorHarness.LedgerId(City.HongKong)).Of(MessageKind.Flow)).Message.Flow;
        Assert.Equal(new FlowRecord(FlowKind.Capital, City.HongKong, Home, Need), flow);
    }
}
