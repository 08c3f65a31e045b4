using GbaSim.Kernel.Actors;
using GbaSim.Model.Ecosystem;
using GbaSim.Model.World;

namespace GbaSim.Model.Policies;

/// <summary>A first-purchase policy at work: it signs one order per technology while the period's budget lasts, and pays it when the product launches.</summary>
public sealed partial class PolicyProgramme
{
    /// <summary>
    /// Signs the orders asked for, booking each against the budget when signed (as a public
    /// contract is), and pays an order when its firm reports the launch. A launch without a
    /// signed order, or reported twice, is paid nothing.
    /// </summary>
    private void Procure(ActorContext<EcosystemMessage> context, PolicySpec spec)
    {
        var order = spec.Parameter("orderValue");
        foreach (var envelope in context.Inbox)
        {
            var message = envelope.Message;
            var technology = message.Deal.Technology.Id;
            if (message.Kind == MessageKind.OrderRequest && Budget - SpentInPeriod >= order && _paidTechnologies.Add(technology))
            {
                Spend(order);
                context.Send(envelope.Sender, EcosystemMessage.Of(MessageKind.OrderSigned, new Deal(message.Deal.Technology, order, index, true)));
            }
            else if (message.Kind == MessageKind.PolicyClaim && _paidTechnologies.Contains(technology) && _paidTechnologies.Add(-technology))
            {
                var city = message.Deal.SenderPlace(envelope.Sender.Key).City;
                Payments++;
                Pay(context, envelope.Sender, Place.Of(city), new CapitalFlow(CapitalPurpose.Revenue, ChainStage.Market, city, (short)index, order, technology));
            }
        }
    }
}
