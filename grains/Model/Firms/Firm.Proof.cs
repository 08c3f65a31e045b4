using GbaSim.Kernel.Actors;
using GbaSim.Model.Ecosystem;
using GbaSim.Model.World;

namespace GbaSim.Model.Firms;

/// <summary>
/// Proof of concept, the stage between a breakthrough and pilot testing (seed 001: proof-of-concept
/// centres): the firm asks a centre to prove the concept, or proves it itself, more slowly, when
/// no centre takes it. A proven concept goes on to transformation (pilot testing); a failed one stalls.
/// </summary>
public sealed partial class Firm
{
    /// <summary>A breakthrough the firm now holds (its own, licensed or spun off) enters proof of concept.</summary>
    private void EnterProofOfConcept(ActorContext<EcosystemMessage> context, in Technology breakthrough, long source, bool crossed, double licencePrice = 0)
    {
        var step = (int)context.Step;
        var technology = breakthrough.Advance(ChainStage.ProofOfConcept, 5, step);
        _pipeline.Add(new PipelineItem(technology, PipelineStep.AwaitingProof, step, source));
        Record(context, City, new ChainTransition(licencePrice > 0 ? technology.Funded(licencePrice) : technology, ChainStage.Breakthrough, ChainStage.ProofOfConcept, TransitionOutcome.Advanced, City, crossed, HolderKind.Firm, context.Id.Key, source));
    }

    private void RequestProof(ActorContext<EcosystemMessage> context, int index) =>
        SendForTest(context, index, World.ProofCentreFor(City, _pipeline[index].Technology.Field), PipelineStep.InProof, PipelineStep.SelfProving);

    /// <summary>A centre's answer: no room (prove it in-house), proven (on to transformation) or not (stalled).</summary>
    private void FinishProof(ActorContext<EcosystemMessage> context, int index, in Deal deal)
    {
        if (deal.Amount < 0)
        {
            _pipeline[index] = _pipeline[index] with { Step = PipelineStep.SelfProving, Since = (int)context.Step };
        }
        else if (deal.Success)
        {
            EnterTransformation(context, index);
        }
        else
        {
            Stall(context, index);
        }
    }

    private void SelfProve(ActorContext<EcosystemMessage> context, int index)
    {
        var quality = _pipeline[index].Technology.Quality;
        if (context.Random.Chance(Parameters.SelfProofMonthly * (0.5 + quality) * TalentPace))
        {
            EnterTransformation(context, index);
        }
        else if (context.Random.Chance(Parameters.ProofAbandonMonthly))
        {
            Stall(context, index);
        }
    }

    private void EnterTransformation(ActorContext<EcosystemMessage> context, int index)
    {
        var item = _pipeline[index];
        var technology = item.Technology.Advance(ChainStage.Transformation, 6, (int)context.Step);
        _pipeline[index] = item with { Technology = technology, Step = PipelineStep.AwaitingPilot, Since = (int)context.Step };
        Record(context, City, new ChainTransition(technology, ChainStage.ProofOfConcept, ChainStage.Transformation, TransitionOutcome.Advanced, City, false, HolderKind.Firm, context.Id.Key, item.Source));
    }
}
