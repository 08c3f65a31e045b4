using GbaSim.Model.Ecosystem;

namespace GbaSim.Model.World;

/// <summary>
/// The frictions a flow meets between two places: the cities' link (shaped by its corridor), or
/// a zone's own terms with the city across the border from it, times what policies take off.
/// </summary>
public sealed partial class WorldModel
{
    private readonly LinkTerms?[,] _zoneLinks;
    private readonly (Zone Zone, double Share)[][] _placeShares;

    /// <summary>The terms between two places: a zone's own terms when one end is in a zone with terms across to the other's city.</summary>
    public LinkTerms Link(Place a, Place b)
    {
        if (a.City != b.City)
        {
            if (_zoneLinks[(int)a.Zone, (int)b.City] is { } fromZone)
            {
                return fromZone;
            }
            if (_zoneLinks[(int)b.Zone, (int)a.City] is { } toZone)
            {
                return toZone;
            }
        }
        return Link(a.City, b.City);
    }

    /// <summary>The share of a flow of <paramref name="kind"/> lost between two places this step, policies applied.</summary>
    public double Loss(long step, Place from, Place to, FlowKind kind) =>
        Link(from, to).Loss(kind) * Schedule.FrictionFactor(step, from, to, kind);

    /// <summary>
    /// The loss a city-wide flow (talent moving between cities' pools) meets: the places' losses
    /// weighted by the shares of each city's firms in its zones, so a zone's terms count as far as the zone weighs in its city.
    /// </summary>
    public double CityLoss(long step, City from, City to, FlowKind kind)
    {
        if (from == to)
        {
            return 0;
        }
        var sum = 0.0;
        foreach (var (zoneA, shareA) in _placeShares[(int)from])
        {
            foreach (var (zoneB, shareB) in _placeShares[(int)to])
            {
                sum += shareA * shareB * Loss(step, new Place(from, zoneA), new Place(to, zoneB), kind);
            }
        }
        return sum;
    }

    /// <summary>Months talent takes between two cities, weighted over their zones as <see cref="CityLoss"/> is.</summary>
    public double TalentDelay(long step, City from, City to)
    {
        if (from == to)
        {
            return 0;
        }
        var sum = 0.0;
        foreach (var (zoneA, shareA) in _placeShares[(int)from])
        {
            foreach (var (zoneB, shareB) in _placeShares[(int)to])
            {
                var (a, b) = (new Place(from, zoneA), new Place(to, zoneB));
                sum += shareA * shareB * Link(a, b).TalentDelayMonths * Schedule.FrictionFactor(step, a, b, FlowKind.Talent);
            }
        }
        return sum;
    }

    private static double CorridorFactor(WorldDefinition definition, string corridor) =>
        definition.Corridors?.FirstOrDefault(c => c.Name == corridor)?.FrictionFactor ?? 1.0;

    private static LinkTerms?[,] ZoneLinksOf(WorldDefinition definition)
    {
        var links = new LinkTerms?[Zones.All.Count, Cities.Count];
        foreach (var link in definition.ZoneLinks ?? [])
        {
            links[(int)link.Zone, (int)link.Across] = link.Terms;
        }
        return links;
    }

    /// <summary>
    /// The city's zones that have terms of their own or a facilitation scoped to them, with their
    /// shares of its firms, and the rest of the city as <see cref="Zone.None"/>; other zones meet the city's terms anyway.
    /// </summary>
    private (Zone, double)[] PlaceShares(CityDefinition city)
    {
        var zones = city.ZoneShares
            .Where(z => z.Key != Zone.None && z.Value > 0 && HasOwnFrictions(z.Key))
            .OrderBy(z => z.Key)
            .Select(z => (z.Key, z.Value))
            .ToList();
        zones.Insert(0, (Zone.None, Math.Max(0, 1 - zones.Sum(z => z.Value))));
        return [.. zones];
    }

    private bool HasOwnFrictions(Zone zone) =>
        Cities.All.Any(c => _zoneLinks[(int)zone, (int)c] is not null)
        || Schedule.Policies.Any(p => p.Type == Policies.PolicyType.CrossBorderFacilitation && p.Scope.Zones.Contains(zone));
}
