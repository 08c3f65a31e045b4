using GbaSim.Kernel.Actors;
using GbaSim.Kernel.Identity;
using GbaSim.Model.Ecosystem;
using GbaSim.Model.Sampling;
using GbaSim.Model.World;

namespace GbaSim.Model.Firms;

/// <summary>
/// The firm's own R&amp;D: its staff start projects, alone or with a research institution it has
/// (or forms) a tie to, in the spirit of the SKIN model of innovation networks; a project that
/// breaks through enters the firm's own pipeline, with no licence needed.
/// </summary>
public sealed partial class Firm
{
    /// <summary>
    /// How much faster than a typical firm this one's staff move a technology on: hazards scale
    /// with R&amp;D staff by an elasticity, within half and twice the typical pace.
    /// </summary>
    public double TalentPace => Math.Clamp(Math.Pow(Math.Max(Talent, 1) / Parameters.FirmTalentMedian, Parameters.TalentHazardElasticity), 0.5, 2.0);

    /// <summary>How readily the firm's city turns technologies into products: lower in Hong Kong and Macao, where little is made.</summary>
    private double ProductionPace => City.IsHongKongOrMacao() ? Parameters.HongKongMacaoProductionFactor : 1.0;

    /// <summary>A month of the firm's own R&amp;D, its project starts scaled by <paramref name="effort"/> (tax relief); returns the projects that broke through.</summary>
    private int Research(ActorContext<EcosystemMessage> context, double effort)
    {
        var breakthroughs = 0;
        var step = (int)context.Step;
        Fade();
        var starts = Talent * Parameters.FirmProjectsPerTalent / 12;
        if (effort != 1)
        {
            starts *= effort;
        }
        var started = context.Random.Poisson(starts);
        for (var i = 0; i < started; i++)
        {
            StartProject(context, step);
        }
        var pace = TalentPace * DataPace(step);
        for (var i = _projects.Count - 1; i >= 0; i--)
        {
            var project = _projects[i];
            if (context.Random.Chance(Parameters.FirmBreakthroughMonthly * (0.5 + project.Technology.Quality) * pace))
            {
                _projects.RemoveAt(i);
                BreakThrough(context, project, step);
                breakthroughs++;
            }
            else if (context.Random.Chance(Parameters.BasicResearchAbandonMonthly))
            {
                _projects.RemoveAt(i);
                Record(context, City, new ChainTransition(project.Technology, ChainStage.BasicResearch, ChainStage.BasicResearch, TransitionOutcome.Stalled, City, false, HolderKind.Firm, context.Id.Key, project.Partner));
            }
        }
        return breakthroughs;
    }

    private void StartProject(ActorContext<EcosystemMessage> context, int step)
    {
        ref var random = ref context.Random;
        var partner = ChoosePartner(ref random);
        var quality = Parameters.FirmProjectQuality + (0.15 * random.NextGaussian());
        if (partner >= 0)
        {
            // A partner lends its science: the project's promise moves halfway to the institution's.
            quality = (quality + World.Institutions[partner].Quality) / 2;
            Strengthen(partner);
        }
        var id = (long)(StableHash.Combine((ulong)context.Id.Key, (ulong)++_projectSerial) >> 2) | (1L << 61);
        var technology = new Technology(id, Sector, ChainStage.BasicResearch, 2, City, 0, (float)Math.Clamp(quality, 0.02, 0.98), step, step, 0);
        _projects.Add(new ResearchProject(technology, partner));
        Record(context, City, new ChainTransition(technology, ChainStage.BasicResearch, ChainStage.BasicResearch, TransitionOutcome.Advanced, City, false, HolderKind.Firm, context.Id.Key, partner));
    }

    private void BreakThrough(ActorContext<EcosystemMessage> context, ResearchProject project, int step)
    {
        var breakthrough = project.Technology.Advance(ChainStage.Breakthrough, 4, step);
        Record(context, City, new ChainTransition(breakthrough, ChainStage.BasicResearch, ChainStage.Breakthrough, TransitionOutcome.Advanced, City, false, HolderKind.Firm, context.Id.Key, project.Partner));
        EnterProofOfConcept(context, breakthrough, project.Partner, false);
    }

    /// <summary>A partner for a new project: a tie again (more likely the stronger it is), a new institution, or none.</summary>
    private int ChoosePartner(ref GbaSim.Kernel.Determinism.RandomStream random)
    {
        var strongest = -1;
        var total = 0.0;
        for (var i = 0; i < _ties.Count; i++)
        {
            total += _ties[i].Strength;
            if (strongest < 0 || _ties[i].Strength > _ties[strongest].Strength)
            {
                strongest = i;
            }
        }
        if (!random.Chance(Math.Min(0.9, Parameters.CollaborationShare * (1 + total))))
        {
            return -1;
        }
        return strongest >= 0 && random.Chance(total / (1 + total))
            ? _ties[strongest].Partner
            : World.ChooseResearchPartner(City, Sector, ref random);
    }

    private void Strengthen(int partner)
    {
        for (var i = 0; i < _ties.Count; i++)
        {
            if (_ties[i].Partner == partner)
            {
                _ties[i] = _ties[i] with { Strength = Math.Min(5f, _ties[i].Strength + 1f) };
                return;
            }
        }
        _ties.Add(new CollaborationTie(partner, 1f));
    }

    /// <summary>Ties fade each month and are dropped once they are faint.</summary>
    private void Fade()
    {
        for (var i = _ties.Count - 1; i >= 0; i--)
        {
            var strength = _ties[i].Strength * (float)(1 - Parameters.TieDecayMonthly);
            if (strength < 0.1f)
            {
                _ties.RemoveAt(i);
            }
            else
            {
                _ties[i] = _ties[i] with { Strength = strength };
            }
        }
    }
}
