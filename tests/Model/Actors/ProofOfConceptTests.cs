using GbaSim.Model.Ecosystem;
using GbaSim.Model.Firms;
using GbaSim.Model.Institutions;
using GbaSim.Model.World;

namespace GbaSim.Tests.Model.Actors;

/// <summary>Proof of concept is a stage of its own between breakthrough and pilot testing, with its centres' capacity and odds.</summary>
public sealed class ProofOfConceptTests
{
    private const City Home = City.Guangzhou;
    private const string Centre = "gz-poc";

    private static readonly ModelParameters Steady = ModelParameters.Default with { FirmExitRate = 0, StartUpExitRate = 0, SelfProofMonthly = 0, ProofAbandonMonthly = 0 };

    /// <summary>The fixture world with a proof-of-concept centre in Guangzhou.</summary>
    private static ActorHarness Harness(double capacity, ModelParameters parameters)
    {
        var world = ModelFixtures.World(parameters);
        world = world with { Institutions = [.. world.Institutions, TestWorlds.Institution(Centre, InstitutionKind.ProofOfConceptCentre, Home, capacity: capacity)] };
        return new ActorHarness(world, seed: 2);
    }

    private static IReadOnlyList<ChainTransition> Transitions(ActorHarness harness) =>
        harness.Probe(ActorHarness.LedgerId(Home)).Of(MessageKind.Transition).Select(m => m.Message.Transition).ToArray();

    [Fact]
    public void Spun_off_breakthrough_is_proven_at_a_centre_for_its_months_before_pilot_testing()
    {
        var harness = Harness(capacity: 5, Steady with { ProofOfConceptBaseSuccess = 1 });
        harness.AddInstitution<PilotPlatform>(Centre);
        var firmId = ModelActors.FirmId(Home, Sector.Biotechnology, 1L << 31);
        var technology = TestTechnologies.Make(9L << 32 | 1, Sector.Biotechnology, 0.6f);
        harness.AddProbe(harness.InstitutionId("sysu")).Send(firmId, EcosystemMessage.Of(new Founding(technology, Home, Zone.None, Sector.Biotechnology, true, 5e6)));

        harness.Run(2);
        var firm = harness.Actor<Firm>(firmId);
        Assert.Equal((PipelineStep.InProof, ChainStage.ProofOfConcept), (firm.Pipeline[0].Step, firm.Pipeline[0].Technology.Stage));
        harness.Run(harness.Parameters.ProofOfConceptMonths + 2);

        Assert.Equal((PipelineStep.InPilot, ChainStage.Transformation), (firm.Pipeline[0].Step, firm.Pipeline[0].Technology.Stage));
        harness.Run();
        var stages = Transitions(harness).Where(t => t.Holder == firmId.Key).Select(t => (t.From, t.To)).ToArray();
        Assert.Equal([(ChainStage.Breakthrough, ChainStage.ProofOfConcept), (ChainStage.ProofOfConcept, ChainStage.Transformation)], stages);
        // Requested in step 1, accepted in step 2, answered ProofOfConceptMonths later and taken the step after.
        var proven = Transitions(harness).Single(t => t.To == ChainStage.Transformation);
        Assert.Equal(1 + 1 + harness.Parameters.ProofOfConceptMonths + 1, proven.Technology.StageSince);
    }

    [Fact]
    public void Centre_proves_at_most_its_capacity_at_once_turns_the_rest_away_and_fails_weak_concepts()
    {
        var harness = Harness(capacity: 2, Steady with { ProofOfConceptBaseSuccess = 0, ProofOfConceptQualityWeight = 0 });
        var centre = harness.AddInstitution<PilotPlatform>(Centre);
        var firms = Enumerable.Range(0, 3).Select(i => harness.AddProbe(ModelActors.FirmId(Home, Sector.Biotechnology, i))).ToArray();
        foreach (var (firm, i) in firms.Select((f, i) => (f, i)))
        {
            var technology = TestTechnologies.Make(100 + i, Sector.Biotechnology, 0.9f, ChainStage.ProofOfConcept, Home);
            firm.Send(harness.InstitutionId(Centre), EcosystemMessage.Of(MessageKind.PilotRequest, new Deal(technology, 0, 0, false)));
        }

        harness.Run(harness.Parameters.ProofOfConceptMonths + 3);

        var answers = firms.Select(f => Assert.Single(f.Of(MessageKind.PilotResult)).Message.Deal).ToArray();
        Assert.Equal([0.0, 0.0, -1.0], answers.Select(a => a.Amount));
        Assert.All(answers, a => Assert.False(a.Success));
        Assert.Equal((2L, 0L, 1L), (centre.Started, centre.Succeeded, centre.TurnedAway));
    }

    [Fact]
    public void Firm_with_no_centre_to_turn_to_proves_the_concept_itself()
    {
        var harness = new ActorHarness(TestWorlds.With(Steady with { SelfProofMonthly = 100 }), seed: 2);
        var firmId = ModelActors.FirmId(Home, Sector.Biotechnology, 1L << 31);
        var technology = TestTechnologies.Make(9L << 32 | 1, Sector.Biotechnology, 0.6f);
        harness.AddProbe(harness.InstitutionId("sysu")).Send(firmId, EcosystemMessage.Of(new Founding(technology, Home, Zone.None, Sector.Biotechnology, true, 5e6)));

        harness.Run(4);

        var firm = harness.Actor<Firm>(firmId);
        Assert.Equal(ChainStage.Transformation, firm.Pipeline[0].Technology.Stage);
        Assert.Contains(Transitions(harness), t => t.From == ChainStage.ProofOfConcept && t.To == ChainStage.Transformation);
    }
}
