using GbaSim.Kernel.Actors;
using GbaSim.Model.Ecosystem;
using GbaSim.Model.Sampling;
using GbaSim.Model.World;

namespace GbaSim.Model.Firms;

/// <summary>
/// Where the firm is: once a year some firms weigh moving to another city or zone of their
/// territory, drawn by cheaper staff, a larger pool of talent in their field and what
/// firm-attraction policies offer, held back by the cost and disruption of a move.
/// </summary>
public sealed partial class Firm
{
    public int Relocations { get; private set; }

    /// <summary>In the firm's founding month, with probability <c>RelocationReviewYearly</c>, it draws a place in proportion to its appeal and moves if it is another.</summary>
    private void ReviewLocation(ActorContext<EcosystemMessage> context)
    {
        var step = (int)context.Step;
        if ((step - BornStep) % 12 != 0 || Talent <= 0 || !context.Random.Chance(Parameters.RelocationReviewYearly))
        {
            return;
        }
        var places = World.RelocationPlaces(City.TerritoryOf());
        Span<double> weights = stackalloc double[places.Count];
        for (var i = 0; i < places.Count; i++)
        {
            var (place, room) = places[i];
            weights[i] = place == Here ? 0 : room * Math.Exp(Appeal(step, place) - Parameters.RelocationInertia);
        }
        var stay = 1.0;
        var total = stay;
        foreach (var weight in weights)
        {
            total += weight;
        }
        if (context.Random.NextDouble() * total < stay)
        {
            return;
        }
        Move(context, places[RandomDraws.Pick(ref context.Random, weights)].Place);
    }

    /// <summary>
    /// How much better <paramref name="place"/> looks than where the firm is, in log terms: labour
    /// cost, the pool of its field's talent (the city's pool times its share of the sector), and the
    /// attraction package as a share of a year's labour costs.
    /// </summary>
    private double Appeal(int step, Place place)
    {
        var here = World.CityOf(City);
        var there = World.CityOf(place.City);
        var cost = Math.Log(World.MonthlyLabourCost(place.City) / World.MonthlyLabourCost(City));
        var talent = Math.Log((there.Talent * (there.SectorShares[(int)Sector] + 0.01)) / (here.Talent * (here.SectorShares[(int)Sector] + 0.01)));
        var yearlyCosts = 12 * Talent * World.MonthlyLabourCost(place.City);
        var package = Math.Log(1 + (World.Schedule.AttractionPackage(step, Sector, place) / yearlyCosts));
        return (-Parameters.RelocationCostSensitivity * cost) + (Parameters.RelocationTalentSensitivity * talent) + package;
    }

    /// <summary>The firm and its staff move; the move costs some months of labour, and a covered arrival claims its package.</summary>
    private void Move(ActorContext<EcosystemMessage> context, Place to)
    {
        Cash -= Parameters.RelocationCostMonths * Talent * World.MonthlyLabourCost(City);
        City = to.City;
        Zone = to.Zone;
        Relocations++;
        foreach (var policy in World.Schedule.FirmAttraction(context.Step, Sector, to))
        {
            context.Send(ModelActors.PolicyId(policy.Index), EcosystemMessage.Of(MessageKind.RelocationClaim, new Deal(default, 0, context.Id.Key, false, Here)));
        }
    }
}
