using GbaSim.Model.Ecosystem;
using GbaSim.Model.Firms;
using GbaSim.Model.Policies;
using GbaSim.Model.World;

namespace GbaSim.Tests.Model.Actors;

/// <summary>Firms move between the cities and zones of their territory, and a firm-attraction policy draws them into its zone within its budget.</summary>
public sealed class FirmRelocationTests
{
    private const int Firms = 300;

    /// <summary>Every firm weighs a move each year; none closes by chance or loses staff.</summary>
    private static readonly ModelParameters Reviewing = ModelParameters.Default with { RelocationReviewYearly = 1, FirmExitRate = 0, StartUpExitRate = 0, TalentAttritionMonthly = 0 };

    private static readonly PolicyScope NanshaAerospace = new([], [Zone.Nansha], [Sector.CommercialAerospace], [], []);

    private static PolicySpec Attraction(double budget = 1e12) => TestPolicies.Spec(
        PolicyType.FirmAttraction,
        budget: budget,
        scope: NanshaAerospace,
        parameters: new() { ["relocationGrant"] = 1e8, ["rentSubsidyMonthly"] = 1e6, ["rentMonths"] = 100 });

    /// <summary>Aerospace firms in Guangzhou outside Nansha, founded a year before the run, so they weigh a move in step 0.</summary>
    private static ActorHarness Guangzhou(params PolicySpec[] policies)
    {
        var harness = new ActorHarness(TestWorlds.With(Reviewing), policies, seed: 5);
        for (var i = 0; i < Firms; i++)
        {
            harness.AddFirm(ModelActors.FirmId(City.Guangzhou, Sector.CommercialAerospace, i), new FirmProfile(City.Guangzhou, Zone.None, Sector.CommercialAerospace, FirmStage.Growth, -12, 20, 5e8, 1, 0.6, true));
        }
        return harness;
    }

    private static int InNansha(ActorHarness harness) => harness.Firms().Count(f => f.Firm.Zone == Zone.Nansha);

    [Fact]
    public void Firms_move_within_their_territory_and_pay_for_the_move()
    {
        var harness = Guangzhou();

        harness.Run(2);

        var moved = harness.Firms().Where(f => f.Firm.Relocations > 0).Select(f => f.Firm).ToArray();
        Assert.InRange(moved.Length, 10, Firms / 2);
        Assert.All(moved, f => Assert.Equal(Territory.Mainland, f.City.TerritoryOf()));
        Assert.All(moved, f => Assert.NotEqual(new Place(City.Guangzhou, Zone.None), f.Here));
        // The move costs RelocationCostMonths of labour (the same in every mainland city of the fixture), on top of the trade stayers also had.
        var stayer = harness.Firms().First(f => f.Firm.Relocations == 0).Firm;
        var moveCost = Reviewing.RelocationCostMonths * 20 * harness.World.MonthlyLabourCost(City.Guangzhou);
        Assert.All(moved, f => Assert.Equal(stayer.Cash - moveCost, f.Cash, 0));
    }

    [Fact]
    public void Firm_attraction_draws_firms_of_its_sector_into_its_zone()
    {
        var baseline = Guangzhou();
        var variant = Guangzhou(Attraction());

        baseline.Run(2);
        variant.Run(2);

        // Common random numbers: the same firms weigh the same draws; only the package differs.
        Assert.True(InNansha(variant) > InNansha(baseline) + 10, $"{InNansha(variant)} vs {InNansha(baseline)}");
        var claims = variant.Probe(ActorHarness.PolicyId(0)).Of(MessageKind.RelocationClaim);
        Assert.Equal(InNansha(variant), claims.Count);
        Assert.All(claims, c => Assert.Equal(new Place(City.Guangzhou, Zone.Nansha), c.Message.Deal.Sender));
    }

    [Fact]
    public void Firm_attraction_pays_each_claim_its_package_until_the_budget_is_spent()
    {
        const double package = 1e8 + (1e6 * 100);
        var harness = new ActorHarness(policies: [Attraction(budget: 2.5 * package)]);
        var policy = harness.AddPolicy(0);
        var firms = Enumerable.Range(0, 4).Select(i => harness.AddProbe(ModelActors.FirmId(City.Guangzhou, Sector.CommercialAerospace, i))).ToArray();
        foreach (var firm in firms)
        {
            firm.Send(ActorHarness.PolicyId(0), EcosystemMessage.Of(MessageKind.RelocationClaim, new Deal(default, 0, 0, false, new Place(City.Guangzhou, Zone.Nansha))));
        }

        harness.Run(3);

        Assert.Equal([package, package, 0.5 * package], firms.SelectMany(f => f.Of(MessageKind.Capital)).Select(m => m.Message.Capital.Amount));
        Assert.Equal(2.5 * package, policy.Spent, 3);
    }
}
