using GbaSim.Kernel.Actors;
using GbaSim.Model.Ecosystem;
using GbaSim.Model.World;

namespace GbaSim.Model.Policies;

/// <summary>
/// How the planners' levers spend: tax relief and rent paid on firms' claims, income-tax refunds
/// for the Hong Kong and Macao talent a city counts, incubator places paid month by month, and
/// talent passes booked per senior arrival.
/// </summary>
public sealed partial class PolicyProgramme
{
    /// <summary>Hong Kong and Macao arrivals still drawing an income-tax refund, by city (income-tax subsidies only).</summary>
    private readonly double[] _refunded = new double[Cities.Count];

    /// <summary>
    /// Pays firms' claims (tax forgone, rent) from their own city. When the month's claims exceed
    /// what is left of the period's money, every claim is cut in the same proportion, so no
    /// firm is favoured by where its key sorts.
    /// </summary>
    private void PayClaims(ActorContext<EcosystemMessage> context)
    {
        var claimed = 0.0;
        foreach (var envelope in context.Inbox)
        {
            claimed += envelope.Message.Kind == MessageKind.PolicyClaim ? envelope.Message.Deal.Amount : 0;
        }
        var share = claimed <= 0 ? 0 : Math.Min(1, (Budget - SpentInPeriod) / claimed);
        foreach (var envelope in context.Inbox)
        {
            if (envelope.Message.Kind == MessageKind.PolicyClaim)
            {
                var city = ModelActors.FirmCity(envelope.Sender.Key);
                Grant(context, envelope.Sender, city, CapitalPurpose.Subsidy, envelope.Message.Deal.Amount * share, 0, city);
            }
        }
    }

    /// <summary>
    /// Counts the Hong Kong and Macao arrivals the cities claim for, and refunds every one still
    /// counted a month's tax above the threshold on the city's wage; the count thins out over
    /// the average stay.
    /// </summary>
    private void RefundIncomeTax(ActorContext<EcosystemMessage> context, PolicySpec spec)
    {
        foreach (var envelope in context.Inbox)
        {
            if (envelope.Message.Kind == MessageKind.SubsidyClaim)
            {
                var claim = envelope.Message.Talent;
                _refunded[(int)claim.To] += claim.Count;
            }
        }
        var share = Math.Max(0, spec.Parameter("effectiveTaxRate") - spec.Parameter("refundAbove"));
        var leaving = 1.0 / (12 * spec.Parameter("stayYears"));
        for (var c = 0; c < _refunded.Length; c++)
        {
            if (_refunded[c] <= 0)
            {
                continue;
            }
            var city = (City)c;
            Grant(context, ModelActors.CityId(city), city, CapitalPurpose.Subsidy, _refunded[c] * share * World.CityOf(city).MonthlyWage, 0, city);
            _refunded[c] *= 1 - leaving;
        }
    }

    /// <summary>Pays each covered incubator for its extra places this month; an incubator opens as many as it is paid for.</summary>
    private void FundIncubatorPlaces(ActorContext<EcosystemMessage> context, PolicySpec spec)
    {
        var monthly = spec.Parameter("extraPlaces") * World.Scale * spec.Parameter("placeCostPerYear") / 12;
        for (var i = 0; i < World.Institutions.Count; i++)
        {
            var incubator = World.Institutions[i];
            if (incubator.Kind == InstitutionKind.Incubator && World.Schedule.IncubatorSupport(context.Step, incubator.Key, incubator.City).Any(p => p.Index == index))
            {
                Grant(context, ModelActors.InstitutionId(i), incubator.City, CapitalPurpose.Grant, monthly, 0, incubator.City);
            }
        }
    }

    /// <summary>Books the cost of a pass for each senior arrival the cities report.</summary>
    private void IssuePasses(ActorContext<EcosystemMessage> context, PolicySpec spec)
    {
        foreach (var envelope in context.Inbox)
        {
            if (envelope.Message.Kind == MessageKind.SubsidyClaim)
            {
                Spend(envelope.Message.Talent.Count * spec.Parameter("costPerPass"));
            }
        }
    }
}
