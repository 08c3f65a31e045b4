using GbaSim.Kernel.Actors;
using GbaSim.Model.Ecosystem;
using GbaSim.Model.Policies;
using GbaSim.Model.World;

namespace GbaSim.Model.Firms;

/// <summary>
/// What the firm claims from policies each month: the corporate tax its relief spares it, and
/// the rent subsidy of an incubated start-up. The policy pays while its budget lasts, so the
/// money arrives the next month, or not at all. Tax relief also makes R&amp;D cheaper at the
/// margin, and the firm starts more projects by the tax-price elasticity of R&amp;D.
/// </summary>
public sealed partial class Firm
{
    /// <summary>Sends the month's claims; returns how much more R&amp;D the firm starts because tax relief makes it cheaper (1: no change).</summary>
    private double ClaimPolicies(ActorContext<EcosystemMessage> context, double revenue, double costs)
    {
        var schedule = World.Schedule;
        var effort = 1.0;
        if (schedule.Any(PolicyType.HighTechTaxRelief))
        {
            foreach (var policy in schedule.ForFirm(PolicyType.HighTechTaxRelief, context.Step, Sector, City, Zone))
            {
                Claim(context, policy, TaxRelief(policy, revenue - costs, costs));
                effort *= Math.Max(0, 1 - (policy.Parameter("rdPriceElasticity") * (ResearchPrice(policy, revenue - costs, costs) - 1)));
            }
        }
        if (schedule.Any(PolicyType.IncubatorSupport) && IncubatedUntil >= context.Step)
        {
            foreach (var policy in schedule.ForFirm(PolicyType.IncubatorSupport, context.Step, Sector, City, Zone))
            {
                Claim(context, policy, policy.Parameter("rentSubsidy"));
            }
        }
        return effort;
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
        var extra = policy.Parameter("rdExtraDeduction");
        var firstTier = Math.Min(researchCosts, policy.Parameter("firstTierYuan") / 12);
        var deduction = (extra * researchCosts) + (Math.Max(0, policy.Parameter("firstTierExtraDeduction") - extra) * firstTier);
        return (standard * profit) - (RateOf(policy) * Math.Max(0, profit - deduction));
    }

    /// <summary>
    /// The after-tax price of one more yuan of R&amp;D under the relief, relative to without it.
    /// Without, a profitable firm deducts the yuan at the standard rate (it costs 1 − standard);
    /// with, it deducts 1 + the extra share at its own rate. Unused deductions carry forward, so
    /// the margin counts whenever the firm is profitable; a loss-making firm saves nothing either way.
    /// </summary>
    public double ResearchPrice(PolicySpec policy, double profit, double researchCosts)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (profit <= 0)
        {
            return 1;
        }
        var extra = policy.Parameter("rdExtraDeduction");
        if (researchCosts < policy.Parameter("firstTierYuan") / 12)
        {
            extra = Math.Max(extra, policy.Parameter("firstTierExtraDeduction"));
        }
        return Math.Max(0, 1 - (RateOf(policy) * (1 + extra))) / (1 - policy.Parameter("standardRate"));
    }

    private double RateOf(PolicySpec policy) => HighTech
        ? Math.Min(policy.Parameter("standardRate"), policy.Parameter("highTechRate"))
        : policy.Parameter("standardRate");

    private static void Claim(ActorContext<EcosystemMessage> context, PolicySpec policy, double amount)
    {
        if (amount > 0)
        {
            context.Send(ModelActors.PolicyId(policy.Index), EcosystemMessage.Of(MessageKind.PolicyClaim, new Deal(default, amount, context.Id.Key, false)));
        }
    }
}
