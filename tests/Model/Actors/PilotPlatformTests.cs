using GbaSim.Model.Ecosystem;
using GbaSim.Model.Institutions;
using GbaSim.Model.Policies;
using GbaSim.Model.World;

namespace GbaSim.Tests.Model.Actors;

public sealed class PilotPlatformTests
{
    private const string Platform = "gz-pilot";
    private const City Home = City.Guangzhou;

    private static ActorHarness Harness(double slots, params PolicySpec[] policies) =>
        new(TestWorlds.Changing(Platform, p => p with { Capacity = slots }), policies);

    private static ProbeActor[] Firms(ActorHarness harness, int count) =>
        Enumerable.Range(0, count).Select(i => harness.AddProbe(ModelActors.FirmId(Home, Sector.MedicalEquipment, i))).ToArray();

    private static void Request(ActorHarness harness, ProbeActor firm, long technology, float quality = 0.5f) =>
        firm.Send(harness.InstitutionId(Platform), EcosystemMessage.Of(MessageKind.PilotRequest, new Deal(TestTechnologies.Make(technology, Sector.MedicalEquipment, quality, ChainStage.Transformation), 0, 0, false)));

    [Fact]
    public void Pilot_platform_runs_at_most_its_slots_and_turns_the_rest_away_at_once()
    {
        const int slots = 3;
        var harness = Harness(slots);
        var platform = harness.AddInstitution<PilotPlatform>(Platform);
        var firms = Firms(harness, 5);
        foreach (var (firm, i) in firms.Select((f, i) => (f, i)))
        {
            Request(harness, firm, 100 + i);
        }
        var months = harness.Parameters.PilotMonths;

        harness.Run(months + 3);

        // Requests sent in step 0 reach the platform in step 1; refusals arrive in step 2, results in step months + 2.
        var results = firms.Select(f => f.Of(MessageKind.PilotResult)).ToArray();
        Assert.All(results, r => Assert.Single(r));
        var refused = results.Select(r => r[0]).Where(r => r.Message.Deal.Amount < 0).ToArray();
        Assert.Equal(firms.Length - slots, refused.Length);
        Assert.All(refused, r =>
        {
            Assert.Equal(2, r.Step);
            Assert.False(r.Message.Deal.Success);
        });
        // The first requests in canonical order (lowest firm keys) took the slots.
        Assert.All(results.Take(slots), r =>
        {
            Assert.True(r[0].Message.Deal.Amount >= 0);
            Assert.Equal(months + 2, r[0].Step);
        });
        Assert.Equal(slots, platform.Started);
        Assert.Equal(firms.Length - slots, platform.TurnedAway);
    }

    [Fact]
    public void Pilot_platform_never_runs_more_than_its_slots_at_once_and_reuses_them()
    {
        const int slots = 3;
        var harness = Harness(slots);
        var platform = harness.AddInstitution<PilotPlatform>(Platform);
        var firms = Firms(harness, 5);
        var requests = 0;
        for (var month = 0; month < 12; month++)
        {
            foreach (var firm in firms)
            {
                Request(harness, firm, ++requests);
            }
            harness.Run();
            Assert.InRange(harness.State(harness.InstitutionId(Platform)).GetProperty("running").GetInt64(), 0, slots);
        }
        // The last requests reach the platform in step 12; its refusals reach the firms in step 13.
        harness.Run(2);

        Assert.Equal(requests, platform.Started + platform.TurnedAway);
        Assert.True(platform.Started > slots, $"only {platform.Started} pilots started");
        var refusals = firms.SelectMany(f => f.Of(MessageKind.PilotResult)).Count(r => r.Message.Deal.Amount < 0);
        Assert.Equal(platform.TurnedAway, refusals);
    }

    [Fact]
    public void Pilot_success_odds_rise_with_the_pilot_platform_policy_uplift()
    {
        const float quality = 0.3f;
        const double uplift = 0.3;
        static double SuccessRate(params PolicySpec[] policies)
        {
            var harness = Harness(200, policies);
            harness.AddInstitution<PilotPlatform>(Platform);
            var firms = Firms(harness, 4);
            var technology = 0;
            foreach (var firm in firms)
            {
                for (var i = 0; i < 50; i++)
                {
                    Request(harness, firm, ++technology, quality);
                }
            }
            harness.Run(harness.Parameters.PilotMonths + 3);
            var results = firms.SelectMany(f => f.Of(MessageKind.PilotResult)).ToArray();
            Assert.Equal(200, results.Length);
            Assert.All(results, r => Assert.True(r.Message.Deal.Amount >= 0));
            return results.Count(r => r.Message.Deal.Success) / (double)results.Length;
        }

        var p = ModelParameters.Default;
        var odds = p.PilotBaseSuccess + (p.PilotQualityWeight * quality);
        var baseline = SuccessRate();
        var supported = SuccessRate(TestPolicies.Spec(PolicyType.PilotPlatform, parameters: new() { ["extraSlots"] = 0, ["successUplift"] = uplift }));

        Assert.InRange(baseline, odds - 0.1, odds + 0.1);
        Assert.InRange(supported, odds + uplift - 0.1, odds + uplift + 0.1);
        Assert.True(supported > baseline);
    }
}
