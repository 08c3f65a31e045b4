using GbaSim.Model.Ecosystem;
using GbaSim.Model.Firms;
using GbaSim.Model.Policies;
using GbaSim.Model.World;

namespace GbaSim.Tests.Model.Actors;

/// <summary>IP-backed lending: a firm refused by a fund borrows against its patents and launches, and the lender lends only while the period's money lasts.</summary>
public sealed class PatentLoanTests
{
    private const City Home = SpinOffInFinancing.Home;
    private const Sector Field = SpinOffInFinancing.Field;

    private static PolicySpec Lending(double budget, double collateral = 2e7) =>
        TestPolicies.Spec(PolicyType.IpBackedLending, budget: budget, parameters: new() { ["collateralPerPatent"] = collateral, ["loanMonths"] = 10, ["interestRate"] = 0.12 });

    private static EcosystemMessage Application(long technology, double amount) =>
        EcosystemMessage.Of(MessageKind.LoanApplication, new Deal(TestTechnologies.Make(technology, Field, 0.5f, ChainStage.Financing), amount, 0, false));

    /// <summary>The spin-off in financing, with patents piling up when <paramref name="patentsPerTalent"/> is high, refused by the fund it asked.</summary>
    private static (Firm Firm, ActorHarness Harness) RefusedByItsFund(double patentsPerTalent, Action<ActorHarness> addLender)
    {
        var harness = new ActorHarness(TestWorlds.With(SpinOffInFinancing.Steady(patentsPerTalent)), [Lending(1e9)], seed: 4);
        addLender(harness);
        var firm = SpinOffInFinancing.Start(harness);
        SpinOffInFinancing.Refuse(harness, firm);
        return (firm, harness);
    }

    [Fact]
    public void A_firm_with_patents_refused_by_its_fund_borrows_against_them_launches_and_repays_with_interest()
    {
        var (firm, harness) = RefusedByItsFund(patentsPerTalent: 50, h => h.AddPolicy(0));
        var lender = harness.Actor<PolicyProgramme>(ActorHarness.PolicyId(0));

        harness.Run(3);

        Assert.True(firm.InventionPatents >= 1);
        Assert.Equal(1, firm.Products);
        Assert.Empty(firm.Pipeline);
        var need = harness.Parameters.FinancingNeed;
        Assert.Equal(need, lender.Spent, 3);
        // Twelve per cent a year over ten months: the debt is 110% of the loan, in ten instalments.
        var loan = Assert.Single(firm.Loans);
        Assert.Equal(need * 1.1 / 10, loan.Instalment, 3);

        harness.Run(4);
        Assert.True(lender.Repaid >= 2 * loan.Instalment - 1e-3, $"{lender.Repaid} repaid");
        // What is owed and what arrived add up to the debt but for the month's instalment, still on its way.
        Assert.Equal(need * 1.1, firm.Loans[0].Outstanding + lender.Repaid + loan.Instalment, 3);
    }

    [Fact]
    public void A_firm_without_patents_is_not_lent_to_and_waits_for_another_investor()
    {
        var (firm, harness) = RefusedByItsFund(patentsPerTalent: 0, h => h.AddProbe(ActorHarness.PolicyId(0)));

        harness.Run(3);

        Assert.Empty(harness.Probe(ActorHarness.PolicyId(0)).Of(MessageKind.LoanApplication));
        Assert.Equal(0, firm.Products);
        Assert.Empty(firm.Loans);
    }

    [Fact]
    public void The_lender_lends_once_per_technology_and_nothing_the_period_money_cannot_cover_until_the_next_year()
    {
        var harness = new ActorHarness(policies: [Lending(budget: 25e6)]);
        var lender = harness.AddPolicy(0);
        var firms = Enumerable.Range(0, 4).Select(i => harness.AddProbe(ModelActors.FirmId(Home, Field, i))).ToArray();
        firms[0].Send(ActorHarness.PolicyId(0), Application(1, 10e6));
        firms[1].Send(ActorHarness.PolicyId(0), Application(2, 10e6));
        firms[2].Send(ActorHarness.PolicyId(0), Application(1, 1e6));
        firms[3].Send(ActorHarness.PolicyId(0), Application(3, 10e6));
        harness.Run(3);

        var answers = firms.Select(f => Assert.Single(f.Of(MessageKind.FundingDecision)).Message.Deal).ToArray();
        Assert.Equal([true, true, false, false], answers.Select(a => a.Success));
        Assert.All(answers, a => Assert.Equal(PolicyProgramme.Lender(0), a.Counterpart));
        Assert.Equal(20e6, lender.Spent, 3);

        harness.Run(10);
        firms[3].Send(ActorHarness.PolicyId(0), Application(3, 10e6));
        harness.Run(3);
        Assert.True(firms[3].Of(MessageKind.FundingDecision)[1].Message.Deal.Success);
        Assert.Equal(30e6, lender.Spent, 3);
    }
}
