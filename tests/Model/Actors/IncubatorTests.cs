using GbaSim.Model.Ecosystem;
using GbaSim.Model.Firms;
using GbaSim.Model.Institutions;
using GbaSim.Model.World;

namespace GbaSim.Tests.Model.Actors;

public sealed class IncubatorTests
{
    private const string Hub = "qianhai-hub";
    private const City Home = City.Shenzhen;

    private static ActorHarness Harness(double places, ModelParameters? parameters = null) =>
        new(TestWorlds.Changing(Hub, i => i with { Capacity = places }, parameters));

    private static ProbeActor[] StartUps(ActorHarness harness, int count) =>
        Enumerable.Range(0, count).Select(i => harness.AddProbe(ModelActors.FirmId(Home, Sector.ArtificialIntelligence, i))).ToArray();

    private static void Ask(ActorHarness harness, ProbeActor startUp) =>
        startUp.Send(harness.InstitutionId(Hub), EcosystemMessage.Of(MessageKind.IncubationRequest, new Deal(default, 0, 0, false)));

    [Fact]
    public void Incubator_admits_up_to_its_places_for_the_incubation_months_and_refuses_the_rest()
    {
        const int places = 3;
        var harness = Harness(places);
        var incubator = harness.AddInstitution<Incubator>(Hub);
        var startUps = StartUps(harness, 5);
        foreach (var startUp in startUps)
        {
            Ask(harness, startUp);
        }

        harness.Run(4);

        // Requests are weighed in canonical order: the lowest keys get the places.
        Assert.All(startUps.Take(places), s =>
        {
            var grant = Assert.Single(s.Of(MessageKind.IncubationGrant));
            Assert.Equal(2, grant.Step);
            Assert.Equal(harness.Parameters.IncubationMonths, grant.Message.Deal.Amount);
            Assert.Equal(harness.IndexOf(Hub), grant.Message.Deal.Counterpart);
            Assert.True(grant.Message.Deal.Success);
        });
        Assert.All(startUps.Skip(places), s => Assert.Empty(s.Received));
        Assert.Equal(places, incubator.Admitted);
        Assert.Equal(startUps.Length - places, incubator.Refused);
    }

    [Fact]
    public void Incubator_frees_its_places_when_stays_end_and_never_holds_more_than_it_has()
    {
        const int places = 3;
        var parameters = ModelParameters.Default with { IncubationMonths = 3 };
        var harness = Harness(places, parameters);
        var incubator = harness.AddInstitution<Incubator>(Hub);
        var startUps = StartUps(harness, 5);
        for (var month = 0; month < 12; month++)
        {
            foreach (var startUp in startUps)
            {
                Ask(harness, startUp);
            }
            harness.Run();
            Assert.InRange(harness.State(harness.InstitutionId(Hub)).GetProperty("occupied").GetInt64(), 0, places);
        }
        harness.Run();

        var grantSteps = startUps.SelectMany(s => s.Of(MessageKind.IncubationGrant)).GroupBy(g => g.Step).OrderBy(g => g.Key).ToArray();
        Assert.All(grantSteps, g => Assert.Equal(places, g.Count()));
        // Full for the stay, then the places open again.
        Assert.Equal(2, grantSteps[0].Key);
        Assert.InRange(grantSteps[1].Key - grantSteps[0].Key, parameters.IncubationMonths, parameters.IncubationMonths + 1);
        Assert.True(incubator.Admitted > places);
        Assert.Equal(startUps.Length * 12, incubator.Admitted + incubator.Refused);
    }

    [Fact]
    public void New_firm_asks_its_city_incubator_and_is_incubated_for_the_granted_months()
    {
        var harness = Harness(places: 10);
        harness.AddInstitution<Incubator>(Hub);
        var id = ModelActors.FirmId(Home, Sector.ArtificialIntelligence, 1L << 31);
        harness.Post(id, EcosystemMessage.Of(new Founding(default, Home, Zone.Qianhai, Sector.ArtificialIntelligence, false, harness.Parameters.StartUpCash)));

        harness.Run(4);

        var firm = harness.Actor<Firm>(id);
        // Founded in step 0, admitted in step 1, told in step 2: incubated for exactly IncubationMonths steps from then.
        Assert.Equal(2 + harness.Parameters.IncubationMonths - 1, firm.IncubatedUntil);
        var reports = harness.Probe(ActorHarness.CityId(Home)).Of(MessageKind.FirmReport).Select(m => m.Message.FirmReport.Status).ToArray();
        Assert.Equal(3, reports.Length);
        Assert.Equal([false, false, true], reports.Select(s => (s & FirmStatus.Incubated) != 0));
    }
}
