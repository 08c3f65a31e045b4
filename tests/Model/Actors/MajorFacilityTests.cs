using GbaSim.Model.Ecosystem;
using GbaSim.Model.Institutions;
using GbaSim.Model.Policies;

namespace GbaSim.Tests.Model.Actors;

public sealed class MajorFacilityTests
{
    private const string Facility = "csns";
    private static readonly string[] Mainland = ["sysu", "sustech", "gz-lab", "sz-other", "dg-other"];

    private static ActorHarness Harness(double capacityPerYear, params PolicySpec[] policies) =>
        new(TestWorlds.Changing(Facility, f => f with { Capacity = capacityPerYear }), policies);

    private static void Apply(ActorHarness harness, string applicant, float quality) =>
        harness.Post(harness.InstitutionId(Facility), EcosystemMessage.Of(MessageKind.FacilityApplication, new Deal(TestTechnologies.Make(0, Sector.Marine, quality, ChainStage.BasicResearch), 0, harness.IndexOf(applicant), false)));

    private static IReadOnlyList<ReceivedMessage> Grants(ActorHarness harness, string applicant) =>
        harness.Probe(harness.InstitutionId(applicant)).Of(MessageKind.FacilityGrant);

    private static IReadOnlyList<ReceivedMessage> Grants(ActorHarness harness, IEnumerable<string> applicants) =>
        applicants.SelectMany(a => Grants(harness, a)).ToArray();

    /// <summary>Whole projects granted in quarter <paramref name="quarter"/> (from 1) when fractions carry over.</summary>
    private static int Slots(double perYear, int quarter) => (int)Math.Floor(quarter * perYear / 4) - (int)Math.Floor((quarter - 1) * perYear / 4);

    [Fact]
    public void Facility_grants_no_more_projects_a_quarter_than_a_quarter_of_its_capacity_carrying_fractions_over()
    {
        const double capacity = 10;
        var harness = Harness(capacity);
        var facility = harness.AddInstitution<MajorFacility>(Facility);
        for (var month = 0; month < 12; month++)
        {
            foreach (var applicant in Mainland)
            {
                Apply(harness, applicant, 0.5f);
            }
            harness.Run();
        }
        harness.Run();

        var grants = Grants(harness, Mainland);
        // Allocations happen in the last month of each quarter (steps 2, 5, 8, 11) and arrive a step later.
        var byStep = Enumerable.Range(0, 13).Select(step => grants.Count(g => g.Step == step)).ToArray();
        var expected = Enumerable.Range(0, 13).Select(step => step % 3 == 0 && step > 0 ? Slots(capacity, step / 3) : 0).ToArray();
        Assert.Equal(expected, byStep);
        Assert.Equal((int)capacity, grants.Count);
        Assert.Equal(grants.Count, facility.Projects);
        Assert.All(grants, g =>
        {
            Assert.Equal(harness.Parameters.FacilityProjectMonths, g.Message.Deal.Amount);
            Assert.Equal(harness.IndexOf(Facility), g.Message.Deal.Counterpart);
        });
        var reported = harness.Probe(ActorHarness.CityId(City.Dongguan)).Of(MessageKind.InstitutionReport).Sum(m => m.Message.InstitutionReport.FacilityProjects);
        Assert.Equal(grants.Count, reported);
    }

    [Fact]
    public void Facility_grants_the_best_scored_applications_of_the_quarter_first()
    {
        var harness = Harness(capacityPerYear: 8);
        harness.AddInstitution<MajorFacility>(Facility);
        Apply(harness, "gz-lab", 0.2f);
        Apply(harness, "sz-other", 0.15f);
        Apply(harness, "dg-other", 0.1f);
        harness.Run(2);
        // The strongest applications arrive in the quarter's last month; the jitter on scores (±25%) cannot reorder these.
        Apply(harness, "sysu", 0.9f);
        Apply(harness, "sustech", 0.85f);
        harness.Run(2);

        Assert.Single(Grants(harness, "sysu"));
        Assert.Single(Grants(harness, "sustech"));
        Assert.Empty(Grants(harness, ["gz-lab", "sz-other", "dg-other"]));
    }

    [Fact]
    public void Hong_Kong_applicants_meet_the_access_friction_which_open_access_lifts()
    {
        static (int HongKong, int Mainland, long Reported) Allocate(params PolicySpec[] policies)
        {
            var harness = Harness(16, policies);
            harness.AddInstitution<MajorFacility>(Facility);
            for (var month = 0; month < 12; month++)
            {
                for (var i = 0; i < 10; i++)
                {
                    Apply(harness, "hku", 0.6f);
                    Apply(harness, "sysu", 0.6f);
                }
                harness.Run();
            }
            harness.Run();
            var reported = harness.Probe(ActorHarness.CityId(City.Dongguan)).Of(MessageKind.InstitutionReport).Sum(m => (long)m.Message.InstitutionReport.FacilityProjectsHkMacao);
            return (Grants(harness, "hku").Count, Grants(harness, "sysu").Count, reported);
        }

        var scope = new PolicyScope([], [], [], [Facility], []);
        var friction = Allocate();
        var open = Allocate(TestPolicies.Spec(PolicyType.FacilityCapacity, scope: scope, parameters: new() { ["extraProjectsPerYear"] = 0, ["openAccess"] = 1 }));

        Assert.Equal(16, friction.HongKong + friction.Mainland);
        Assert.Equal(16, open.HongKong + open.Mainland);
        Assert.True(friction.HongKong <= 16 * 0.1, $"{friction.HongKong} of 16 projects to Hong Kong with the friction");
        Assert.InRange(open.HongKong, 16 * 0.25, 16 * 0.75);
        Assert.Equal(friction.HongKong, friction.Reported);
        Assert.Equal(open.HongKong, open.Reported);
    }

    [Fact]
    public void Facility_capacity_policy_adds_its_projects_to_the_year()
    {
        const double capacity = 8, extra = 12;
        var policy = TestPolicies.Spec(PolicyType.FacilityCapacity, scope: new PolicyScope([], [], [], [Facility], []), parameters: new() { ["extraProjectsPerYear"] = extra });
        var harness = Harness(capacity, policy);
        harness.AddInstitution<MajorFacility>(Facility);
        for (var month = 0; month < 12; month++)
        {
            foreach (var applicant in Mainland)
            {
                Apply(harness, applicant, 0.5f);
            }
            harness.Run();
        }
        harness.Run();

        Assert.Equal((int)(capacity + extra), Grants(harness, Mainland).Count);
    }
}
