using GbaSim.Kernel.Actors;
using GbaSim.Model.Ecosystem;
using GbaSim.Model.Policies;
using GbaSim.Model.World;

namespace GbaSim.Model.Firms;

/// <summary>
/// What the firm claims from policies each month: the corporate tax its relief spares it, and
/// the rent subsidy of an incubated start-up. The policy pays while its budget lasts, so the
/// money arrives the next month, or not at all.
/// </summary>
public sealed partial class Firm
{
    private void ClaimPolicies(ActorContext<EcosystemMessage> context, double revenue, double costs)
    {
        var schedule = World.Schedule;
        if (schedule.Any(PolicyType.HighTechTaxRelief))
        {
            foreach (var policy in schedule.ForFirm(PolicyType.HighTechTaxRelief, context.Step, Sector, City, Zone))
            {
                Claim(context, policy, TaxRelief(policy, revenue - costs, costs));
            }
        }
        if (schedule.Any(PolicyType.IncubatorSupport) && IncubatedUntil >= context.Step)
        {
            foreach (var policy in schedule.ForFirm(PolicyType.IncubatorSupport, context.Step, Sector, City, Zone))
            {
                Claim(context, policy, policy.Parameter("rentSubsidy"));
            }
        }
    }

    /// <summary>
    /// The month's tax forgone: the tax on a positive profit at the standard rate, less the tax
    /// at the firm's rate (lower for a high-tech enterprise) once the extra R&amp;D deduction
    /// is taken off. R&amp;D expenses are the staff's costs, as every employee is R&amp;D staff.
    /// </summary>
    public double TaxRelief(PolicySpec policy, double profit, double researchCosts)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (profit <= 0)
        {
            return 0;
        }
        var standard = policy.Parameter("standardRate");
        var rate = HighTech ? Math.Min(standard, policy.Parameter("highTechRate")) : standard;
        var extra = policy.Parameter("rdExtraDeduction");
        var firstTier = Math.Min(researchCosts, policy.Parameter("firstTierYuan") / 12);
        var deduction = (extra * researchCosts) + (Math.Max(0, policy.Parameter("firstTierExtraDeduction") - extra) * firstTier);
        return (standard * profit) - (rate * Math.Max(0, profit - deduction));
    }

    private static void Claim(ActorContext<EcosystemMessage> context, PolicySpec policy, double amount)
    {
        if (amount > 0)
        {
            context.Send(ModelActors.PolicyId(policy.Index), EcosystemMessage.Of(MessageKind.PolicyClaim, new Deal(default, amount, context.Id.Key, false)));
        }
    }
}
