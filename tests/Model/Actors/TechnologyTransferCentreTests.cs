using GbaSim.Model.Ecosystem;
using GbaSim.Model.Institutions;
using GbaSim.Model.World;

namespace GbaSim.Tests.Model.Actors;

public sealed class TechnologyTransferCentreTests
{
    private const string Centre = "gz-ttc";
    private const City Home = City.Guangzhou;

    /// <summary>A match is all but certain (the centre caps the odds at 0.98), so capacity is what limits matches.</summary>
    private static readonly ModelParameters Eager = ModelParameters.Default with { LicenceMatchProbability = 1 };

    private static ActorHarness Harness(double capacity, ModelParameters? parameters = null) =>
        new(TestWorlds.Changing(Centre, c => c with { Capacity = capacity }, parameters ?? Eager));

    private static Technology Offer(ActorHarness harness, long id, Sector field, float quality, string licensor)
    {
        var technology = TestTechnologies.Make(id, field, quality, origin: harness.World.Institutions[harness.IndexOf(licensor)].City);
        harness.Post(harness.InstitutionId(Centre), EcosystemMessage.Of(MessageKind.LicenceOffer, new Deal(technology, 0, harness.IndexOf(licensor), false)));
        return technology;
    }

    private static EcosystemMessage Demand(Sector field, double budget) =>
        EcosystemMessage.Of(MessageKind.TechnologyDemand, new Deal(new Technology(0, field, ChainStage.Breakthrough, 4, Home, 0, 0, 0, 0, 0), budget, 0, false));

    private static ProbeActor[] Firms(ActorHarness harness, Sector sector, int count) =>
        Enumerable.Range(0, count).Select(i => harness.AddProbe(ModelActors.FirmId(Home, sector, i))).ToArray();

    [Fact]
    public void Transfer_centre_matches_no_more_than_its_capacity_each_month()
    {
        const int capacity = 3;
        var harness = Harness(capacity);
        var centre = harness.AddInstitution<TechnologyTransferCentre>(Centre);
        for (var i = 1; i <= 12; i++)
        {
            Offer(harness, i, Sector.NextGenerationIct, 0.6f, "sysu");
        }
        var firms = Firms(harness, Sector.NextGenerationIct, 6);
        for (var month = 0; month < 5; month++)
        {
            foreach (var firm in firms)
            {
                firm.Send(harness.InstitutionId(Centre), Demand(Sector.NextGenerationIct, 1e8));
            }
            harness.Run();
        }
        harness.Run(2);

        var licences = firms.SelectMany(f => f.Of(MessageKind.Licensed)).ToArray();
        Assert.All(licences.GroupBy(l => l.Step), month => Assert.True(month.Count() <= capacity, $"{month.Count()} licences in step {month.Key}"));
        Assert.InRange(licences.Length, 10, 12);
        Assert.Equal(licences.Length, centre.Matches);
        Assert.Equal(licences.Length, licences.Select(l => l.Message.Deal.Technology.Id).Distinct().Count());
        var reported = harness.Probe(ActorHarness.CityId(Home)).Of(MessageKind.InstitutionReport).Sum(m => m.Message.InstitutionReport.TransactionValue);
        Assert.Equal(centre.TransactionValue, reported, 3);
    }

    [Fact]
    public void Transfer_centre_matches_only_offers_and_demands_of_the_same_field()
    {
        var harness = Harness(capacity: 5);
        var centre = harness.AddInstitution<TechnologyTransferCentre>(Centre);
        var offered = Offer(harness, 1, Sector.NextGenerationIct, 0.7f, "sysu");
        var other = Firms(harness, Sector.ArtificialIntelligence, 3);
        foreach (var firm in other)
        {
            firm.Send(harness.InstitutionId(Centre), Demand(Sector.ArtificialIntelligence, 1e8));
        }
        harness.Run(3);

        Assert.Empty(other.SelectMany(f => f.Of(MessageKind.Licensed)));
        Assert.Equal(0, centre.Matches);

        var same = Firms(harness, Sector.NextGenerationIct, 1)[0];
        same.Send(harness.InstitutionId(Centre), Demand(Sector.NextGenerationIct, 1e8));
        harness.Run(3);

        var licence = Assert.Single(same.Of(MessageKind.Licensed));
        Assert.Equal(offered.Id, licence.Message.Deal.Technology.Id);
    }

    [Fact]
    public void Transfer_centre_licenses_the_best_offer_with_its_price_and_licensor()
    {
        // Without spread every licence is worth its base price, so the price can be checked exactly.
        var harness = Harness(capacity: 3, Eager with { LicenceValueSpread = 0 });
        harness.AddInstitution<TechnologyTransferCentre>(Centre);
        var weak = Offer(harness, 1, Sector.NextGenerationIct, 0.3f, "sysu");
        var strong = Offer(harness, 2, Sector.NextGenerationIct, 0.9f, "sustech");
        var firms = Firms(harness, Sector.NextGenerationIct, 2);
        var (rich, poor) = (firms[0], firms[1]);
        const double smallBudget = 100_000;
        rich.Send(harness.InstitutionId(Centre), Demand(Sector.NextGenerationIct, 1e9));
        poor.Send(harness.InstitutionId(Centre), Demand(Sector.NextGenerationIct, smallBudget));
        harness.Run(3);

        // Demands are served in canonical order (the richer firm has the lower key), each taking the best offer left.
        var first = Assert.Single(rich.Of(MessageKind.Licensed)).Message.Deal;
        Assert.Equal(strong.Id, first.Technology.Id);
        Assert.Equal(harness.IndexOf("sustech"), first.Counterpart);
        Assert.True(first.Success);
        Assert.Equal(harness.Parameters.LicenceBasePrice * (0.5 + strong.Quality), first.Amount, 6);

        var second = Assert.Single(poor.Of(MessageKind.Licensed)).Message.Deal;
        Assert.Equal(weak.Id, second.Technology.Id);
        Assert.Equal(harness.IndexOf("sysu"), second.Counterpart);
        Assert.Equal(smallBudget, second.Amount);

        // The technology moved from the licensor's city to the firm's: recorded with the licensor's city ledger.
        var flow = Assert.Single(harness.Probe(ActorHarness.LedgerId(City.Shenzhen)).Of(MessageKind.Flow)).Message.Flow;
        Assert.Equal(new FlowRecord(FlowKind.Technology, City.Shenzhen, Home, 1), flow);
    }

    [Fact]
    public void Unmatched_offer_stalls_after_its_lifetime_and_the_ledger_records_it()
    {
        var harness = Harness(capacity: 3);
        var centre = harness.AddInstitution<TechnologyTransferCentre>(Centre);
        var ledger = harness.AddLedger(Home);
        var offered = Offer(harness, 42, Sector.Biotechnology, 0.5f, "sysu");
        var lifetime = harness.Parameters.OfferLifetimeMonths;

        harness.Run(lifetime);
        Assert.Equal(0, centre.Expired);
        Assert.Equal(1, harness.State(harness.InstitutionId(Centre)).GetProperty("offers").GetInt64());

        harness.Run();
        Assert.Equal(1, centre.Expired);
        Assert.Equal(0, harness.State(harness.InstitutionId(Centre)).GetProperty("offers").GetInt64());

        harness.Run();
        var stalled = Assert.Single(ledger.Transitions);
        Assert.Equal(offered.Id, stalled.Technology.Id);
        Assert.Equal(TransitionOutcome.Stalled, stalled.Outcome);
        Assert.Equal((ChainStage.Breakthrough, ChainStage.Breakthrough), (stalled.From, stalled.To));
        Assert.Equal((HolderKind.Institution, (long)harness.IndexOf(Centre), (long)harness.IndexOf("sysu")), (stalled.HolderKind, stalled.Holder, stalled.Counterpart));
        Assert.Equal(1, ledger.StalledAt[(int)ChainStage.Breakthrough]);
    }

    [Fact]
    public void Transfer_centre_takes_back_a_licence_returned_by_a_closed_firm_and_offers_it_again()
    {
        var harness = Harness(capacity: 5);
        var centre = harness.AddInstitution<TechnologyTransferCentre>(Centre);
        Offer(harness, 1, Sector.NextGenerationIct, 0.7f, "sysu");
        var (first, second) = (Firms(harness, Sector.NextGenerationIct, 2)[0], harness.AddProbe(ModelActors.FirmId(Home, Sector.NextGenerationIct, 9)));
        first.Send(harness.InstitutionId(Centre), Demand(Sector.NextGenerationIct, 1e8));
        harness.Run(3);
        var licence = Assert.Single(first.Of(MessageKind.Licensed)).Message.Deal;
        Assert.Equal(1, centre.Matches);

        first.Send(harness.InstitutionId(Centre), EcosystemMessage.Of(MessageKind.LicenceOffer, licence with { Success = true }));
        harness.Run(2);
        Assert.Equal((0L, 0.0, 1L), (centre.Matches, centre.TransactionValue, centre.Returned));

        second.Send(harness.InstitutionId(Centre), Demand(Sector.NextGenerationIct, 1e8));
        harness.Run(3);
        Assert.Equal(1L, Assert.Single(second.Of(MessageKind.Licensed)).Message.Deal.Technology.Id);
        var reported = harness.Probe(ActorHarness.CityId(Home)).Of(MessageKind.InstitutionReport).Sum(m => m.Message.InstitutionReport.TransactionValue);
        Assert.Equal(centre.TransactionValue, reported, 3);
    }
}
