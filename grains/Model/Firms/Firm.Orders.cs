using System.Runtime.InteropServices;
using GbaSim.Kernel.Actors;
using GbaSim.Model.Ecosystem;
using GbaSim.Model.Policies;
using GbaSim.Model.World;

namespace GbaSim.Model.Firms;

/// <summary>A public buyer's order for the first units of a technology's product: the technology, the policy that signed it and its value.</summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
public readonly record struct FirstOrder(long Technology, int Policy, double Value);

/// <summary>
/// First-purchase procurement from the firm's side: a technology entering financing is offered to
/// public buyers; a signed order backs the firm's applications to funds and covers its own value
/// of the scale-up, so the firm asks funds for that much less, and it is paid at launch. An order
/// dies with its technology if that stalls.
/// </summary>
public sealed partial class Firm
{
    private readonly List<FirstOrder> _orders = [];

    public IReadOnlyList<FirstOrder> Orders => _orders;

    private void AskForOrder(ActorContext<EcosystemMessage> context, in Technology technology)
    {
        if (!World.Schedule.Any(PolicyType.FirstPurchase))
        {
            return;
        }
        foreach (var policy in World.Schedule.ForFirm(PolicyType.FirstPurchase, context.Step, Sector, City, Zone))
        {
            context.Send(ModelActors.PolicyId(policy.Index), EcosystemMessage.Of(MessageKind.OrderRequest, new Deal(technology, 0, context.Id.Key, false, Here)));
            return;
        }
    }

    /// <summary>Keeps a signed order while its technology is still waiting for finance.</summary>
    private void TakeOrder(in Deal deal)
    {
        if (Find(deal.Technology.Id) >= 0)
        {
            _orders.Add(new FirstOrder(deal.Technology.Id, (int)deal.Counterpart, deal.Amount));
        }
    }

    /// <summary>The value of the order signed for a technology, 0 if none.</summary>
    private double OrderFor(long technology)
    {
        foreach (var order in _orders)
        {
            if (order.Technology == technology)
            {
                return order.Value;
            }
        }
        return 0;
    }

    /// <summary>At launch, or when the technology stalls, the order leaves the books; a launch asks the buyer to pay.</summary>
    private void SettleOrder(ActorContext<EcosystemMessage> context, in Technology technology, bool launched)
    {
        var id = technology.Id;
        var index = _orders.FindIndex(o => o.Technology == id);
        if (index < 0)
        {
            return;
        }
        if (launched)
        {
            context.Send(ModelActors.PolicyId(_orders[index].Policy), EcosystemMessage.Of(MessageKind.PolicyClaim, new Deal(technology, 0, context.Id.Key, false, Here)));
        }
        _orders.RemoveAt(index);
    }
}
