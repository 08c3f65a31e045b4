using GbaSim.Kernel.Actors;
using GbaSim.Model.Ecosystem;
using GbaSim.Model.World;

namespace GbaSim.Model.Policies;

/// <summary>A joint-lab policy at work: it pairs institutions across the border and pays each lab month by month while the period's budget lasts.</summary>
public sealed partial class PolicyProgramme
{
    /// <summary>
    /// Pays every lab its month, in the world file's order, and stops at the first lab the
    /// period's money left cannot pay in full: an unpaid lab does not act that month.
    /// </summary>
    private void FundJointLabs(ActorContext<EcosystemMessage> context, PolicySpec spec)
    {
        var monthly = spec.Parameter("labCostPerYear") * World.Scale / 12;
        foreach (var (a, b) in JointLabPairs(spec))
        {
            if (Budget - SpentInPeriod < monthly)
            {
                return;
            }
            Spend(monthly);
            Payments++;
            context.Send(ModelActors.InstitutionId(a), EcosystemMessage.Of(MessageKind.JointLabFunding, new Deal(default, monthly / 2, b, true)));
            context.Send(ModelActors.InstitutionId(b), EcosystemMessage.Of(MessageKind.JointLabFunding, new Deal(default, monthly / 2, a, true)));
        }
    }

    /// <summary>
    /// The labs: the covered research institutions of Hong Kong and Macao, and those of the nine
    /// Guangdong cities, paired in world order, the shorter side cycling so that every covered
    /// institution is in at least one lab.
    /// </summary>
    public IEnumerable<(int A, int B)> JointLabPairs(PolicySpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var covered = World.ResearchInstitutions.Where(i => spec.Scope.Institutions.Count > 0
            ? spec.Scope.Institutions.Contains(World.Institutions[i].Key)
            : spec.Scope.CoversCity(World.Institutions[i].City)).ToArray();
        var across = covered.Where(i => World.Institutions[i].City.IsHongKongOrMacao()).ToArray();
        var mainland = covered.Where(i => !World.Institutions[i].City.IsHongKongOrMacao()).ToArray();
        if (across.Length == 0 || mainland.Length == 0)
        {
            yield break;
        }
        for (var k = 0; k < Math.Max(across.Length, mainland.Length); k++)
        {
            yield return (across[k % across.Length], mainland[k % mainland.Length]);
        }
    }
}
