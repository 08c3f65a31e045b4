using GbaSim.Kernel.Actors;
using GbaSim.Model.Ecosystem;

namespace GbaSim.Model.Policies;

/// <summary>A firm-attraction policy at work: it pays each firm that moved into its scope its package, while the period's budget lasts.</summary>
public sealed partial class PolicyProgramme
{
    private void PayRelocations(ActorContext<EcosystemMessage> context, PolicySpec spec)
    {
        var package = spec.Parameter("relocationGrant") + (spec.Parameter("rentSubsidyMonthly") * spec.Parameter("rentMonths"));
        foreach (var envelope in context.Inbox)
        {
            if (envelope.Message.Kind == MessageKind.RelocationClaim)
            {
                Grant(context, envelope.Sender, envelope.Message.Deal.SenderPlace(envelope.Sender.Key).City, CapitalPurpose.Subsidy, package, 0);
            }
        }
    }
}
