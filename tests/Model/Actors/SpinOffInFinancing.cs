using GbaSim.Model.Ecosystem;
using GbaSim.Model.Firms;
using GbaSim.Model.World;
using GbaSim.Kernel.Identity;

namespace GbaSim.Tests.Model.Actors;

/// <summary>A Guangzhou spin-off of sysu brought to the financing stage, its first application with a fund, for the tests of policies that act on financing.</summary>
public static class SpinOffInFinancing
{
    public const City Home = City.Guangzhou;
    public const Sector Field = Sector.NextGenerationIct;
    public static readonly ActorId Id = ModelActors.FirmId(Home, Field, 1L << 31);

    /// <summary>No firm closes by chance, no concept is proven or dropped but by a centre's answer, and no firm finances itself.</summary>
    public static ModelParameters Steady(double patentsPerTalent) => ModelParameters.Default with
    {
        FirmExitRate = 0, StartUpExitRate = 0, SelfProofMonthly = 0, ProofAbandonMonthly = 0, SelfFinancingMonthly = 0, InventionPatentsPerTalent = patentsPerTalent,
    };

    /// <summary>Founds the spin-off, proves its concept and passes its pilot; the firm then waits for the fund it asked.</summary>
    public static Firm Start(ActorHarness harness)
    {
        var technology = TestTechnologies.Make(7L << 32 | 1, Field, 0.7f);
        harness.AddProbe(harness.InstitutionId("sysu")).Send(Id, EcosystemMessage.Of(new Founding(technology, Home, Zone.None, Field, true, 5e6)));
        harness.Run(2);
        harness.Post(Id, EcosystemMessage.Of(MessageKind.PilotResult, new Deal(technology, 0, 12, true)));
        harness.Run();
        harness.Post(Id, EcosystemMessage.Of(MessageKind.PilotResult, new Deal(technology, 0, 12, true)));
        harness.Run();
        var firm = harness.Actor<Firm>(Id);
        Assert.Equal(PipelineStep.AwaitingDecision, Assert.Single(firm.Pipeline).Step);
        return firm;
    }

    /// <summary>The fund the firm asked says no.</summary>
    public static void Refuse(ActorHarness harness, Firm firm) =>
        harness.Post(Id, EcosystemMessage.Of(MessageKind.FundingDecision, new Deal(firm.Pipeline[0].Technology, 0, harness.IndexOf("gd-guidance"), false)));
}
