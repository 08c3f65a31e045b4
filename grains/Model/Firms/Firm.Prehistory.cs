using GbaSim.Kernel.Actors;
using GbaSim.Kernel.Determinism;
using GbaSim.Kernel.Identity;
using GbaSim.Model.Chain;
using GbaSim.Model.Ecosystem;
using GbaSim.Model.Sampling;

namespace GbaSim.Model.Firms;

/// <summary>
/// What the firm's staff began before the run and still have under way: its own projects at
/// every stage, each as old as the months since its discovery, so a region that has done R&amp;D
/// for years launches from the first month.
/// </summary>
public sealed partial class Firm
{
    private bool _underWayUnrecorded;

    /// <summary>Seeds the projects and pipeline with the firm's discoveries since its founding (at most <see cref="Prehistory.Months"/> back) that are still under way; <paramref name="key"/> is the firm's actor key.</summary>
    public void SeedPipeline(long key, ref RandomStream random)
    {
        var pace = TalentPace;
        var hazards = new StageHazards(
            Parameters.FirmBreakthroughMonthly * pace,
            Parameters.SelfProofMonthly * pace,
            Parameters.SelfTransformationMonthly * pace * ProductionPace,
            Parameters.FundApprovalBase + (Parameters.SelfFinancingMonthly * pace * ProductionPace),
            World.PilotPlatformFor(City, Sector) >= 0);
        var starts = Talent * Parameters.FirmProjectsPerTalent / 12;
        for (var born = Math.Max(BornStep, -Prehistory.Months); born < 0; born++)
        {
            for (var n = random.Poisson(starts * Prehistory.PastVolume(born)); n > 0; n--)
            {
                var quality = Math.Clamp(Parameters.FirmProjectQuality + (0.15 * random.NextGaussian()), 0.02, 0.98);
                var id = (long)(StableHash.Combine((ulong)key, (ulong)++_projectSerial) >> 2) | (1L << 61);
                var technology = new Technology(id, Sector, ChainStage.BasicResearch, 2, City, 0, (float)quality, born, born, 0);
                if (!Prehistory.UnderWayAtStart(ref technology, hazards, Parameters, true, ref random))
                {
                    continue;
                }
                _underWayUnrecorded = true;
                if (technology.Stage == ChainStage.BasicResearch)
                {
                    _projects.Add(new ResearchProject(technology, -1));
                    continue;
                }
                var step = technology.Stage switch
                {
                    ChainStage.ProofOfConcept => PipelineStep.SelfProving,
                    ChainStage.Transformation => hazards.Pilot ? PipelineStep.AwaitingPilot : PipelineStep.SelfDeveloping,
                    _ => PipelineStep.AwaitingFinance,
                };
                _pipeline.Add(new PipelineItem(technology, step, technology.StageSince, -1));
            }
        }
    }

    /// <summary>In the first month, what was under way before the run enters the chain's records at the stage it stands at.</summary>
    private void RecordUnderWay(ActorContext<EcosystemMessage> context)
    {
        if (!_underWayUnrecorded)
        {
            return;
        }
        _underWayUnrecorded = false;
        foreach (var project in _projects)
        {
            Record(context, City, new ChainTransition(project.Technology, ChainStage.BasicResearch, ChainStage.BasicResearch, TransitionOutcome.Advanced, City, false, HolderKind.Firm, context.Id.Key, project.Partner));
        }
        foreach (var item in _pipeline)
        {
            var stage = item.Technology.Stage;
            Record(context, City, new ChainTransition(item.Technology, stage, stage, TransitionOutcome.Advanced, City, false, HolderKind.Firm, context.Id.Key, item.Source));
        }
    }
}
