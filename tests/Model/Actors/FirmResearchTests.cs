using GbaSim.Model.Ecosystem;
using GbaSim.Model.Firms;
using GbaSim.Model.Institutions;
using GbaSim.Model.World;
using GbaSim.Kernel.Identity;

namespace GbaSim.Tests.Model.Actors;

public sealed class FirmResearchTests
{
    private const City Home = City.Shenzhen;
    private const Sector Field = Sector.ArtificialIntelligence;
    private static readonly ActorId Lab = ModelActors.FirmId(Home, Field, 0);

    /// <summary>Busy R&amp;D: many projects that break through quickly; no firm closes by chance.</summary>
    private static readonly ModelParameters Busy = ModelParameters.Default with
    {
        FirmExitRate = 0, StartUpExitRate = 0, FirmProjectsPerTalent = 1, FirmBreakthroughMonthly = 0.3, TechnologyDemandShare = 0,
    };

    private static Firm Firm(ActorHarness harness, int talent = 100, ActorId? id = null) =>
        harness.AddFirm(id ?? Lab, new FirmProfile(Home, Zone.None, Field, FirmStage.Growth, -60, talent, 5e8, 1, 0.6, true));

    [Fact]
    public void Firm_projects_break_through_into_its_own_pipeline_without_a_licence()
    {
        var harness = new ActorHarness(TestWorlds.With(Busy), seed: 2);
        var firm = Firm(harness);

        harness.Run(6);

        var started = harness.Probe(ActorHarness.LedgerId(Home)).Of(MessageKind.Transition).Select(m => m.Message.Transition)
            .Where(t => t.To == ChainStage.BasicResearch && t.Outcome == TransitionOutcome.Advanced).ToArray();
        Assert.True(started.Length > 20, $"{started.Length} projects");
        Assert.All(started, t => Assert.Equal((HolderKind.Firm, Lab.Key), (t.HolderKind, t.Holder)));
        Assert.Contains(firm.Pipeline, item => started.Any(t => t.Technology.Id == item.Technology.Id));
        Assert.Empty(harness.Probe(harness.InstitutionId("sz-ttc")).Of(MessageKind.TechnologyDemand));
    }

    [Fact]
    public void Collaboration_ties_grow_with_joint_projects_and_fade_without_them()
    {
        float Strongest(double decay)
        {
            // About one project a month, nearly all of them joint.
            var harness = new ActorHarness(TestWorlds.With(Busy with { FirmProjectsPerTalent = 0.12, CollaborationShare = 1, TieDecayMonthly = decay }), seed: 5);
            var firm = Firm(harness);
            harness.Run(24);
            Assert.NotEmpty(firm.Ties);
            Assert.All(firm.Ties, tie => Assert.True(harness.World.Institutions[tie.Partner].Kind.DoesResearch()));
            return firm.Ties.Max(t => t.Strength);
        }

        Assert.True(Strongest(0) > Strongest(0.9) + 1);
    }

    [Fact]
    public void More_R_and_D_staff_set_a_faster_pace_within_half_and_twice_the_typical()
    {
        var harness = new ActorHarness(TestWorlds.With(Busy));
        var small = Firm(harness, talent: 2, id: ModelActors.FirmId(Home, Field, 1));
        var typical = Firm(harness, talent: (int)ModelParameters.Default.FirmTalentMedian, id: ModelActors.FirmId(Home, Field, 2));
        var large = Firm(harness, talent: 40, id: ModelActors.FirmId(Home, Field, 3));
        var huge = Firm(harness, talent: 100_000, id: ModelActors.FirmId(Home, Field, 4));

        Assert.Equal(1.0, typical.TalentPace, 6);
        Assert.True(small.TalentPace < typical.TalentPace && typical.TalentPace < large.TalentPace);
        Assert.Equal(2.0, huge.TalentPace, 6);
    }

    [Fact]
    public void Institution_sends_departing_researchers_to_the_city_pool_and_asks_it_to_replace_them()
    {
        var world = TestWorlds.Only(ModelParameters.Default with { SpinOffShare = 0 },
            TestWorlds.Institution("lab", InstitutionKind.University, Home, researchers: 5000, sectors: [Field]));
        var harness = new ActorHarness(world, seed: 3);
        var lab = harness.AddInstitution<ResearchInstitution>("lab");

        harness.Run(2);

        var city = harness.Probe(ActorHarness.CityId(Home));
        var left = city.Of(MessageKind.Talent).Sum(m => m.Message.Talent.Count);
        var asked = city.Of(MessageKind.TalentDemand).Sum(m => m.Message.Talent.Count);
        // One month's departures have reached the city (about 0.8% of 5,000); the second month's are on their way.
        Assert.InRange(left, 20, 70);
        Assert.Equal(left, asked);
        Assert.True(lab.Researchers < 5000 - left, $"{lab.Researchers}");
        var pace = lab.TalentPace;

        city.Send(harness.InstitutionId("lab"), EcosystemMessage.Of(MessageKind.Talent, new TalentFlow(TalentMove.Hire, Field, TalentLevel.Senior, Home, Home, 2000)));
        harness.Run(2);

        Assert.True(lab.TalentPace > pace, $"{lab.TalentPace} vs {pace}");
    }
}
