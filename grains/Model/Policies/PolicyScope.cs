using GbaSim.Model.Ecosystem;

namespace GbaSim.Model.Policies;

/// <summary>
/// Where a policy acts. An empty list means "not restricted by this dimension"; city pairs are
/// unordered. Zones imply their cities.
/// </summary>
public sealed record PolicyScope(
    IReadOnlyList<City> Cities,
    IReadOnlyList<Zone> Zones,
    IReadOnlyList<Sector> Sectors,
    IReadOnlyList<string> Institutions,
    IReadOnlyList<(City A, City B)> CityPairs)
{
    public static PolicyScope Everywhere { get; } = new([], [], [], [], []);

    public bool CoversCity(City city) => (Cities.Count == 0 && Zones.Count == 0) || Cities.Contains(city) || Zones.Any(z => z.CityOf() == city);

    /// <summary>A firm's location is covered if its city is, or (when zones are named) its zone is.</summary>
    public bool CoversPlace(City city, Zone zone) => Zones.Count > 0
        ? Zones.Contains(zone) || Cities.Contains(city)
        : Cities.Count == 0 || Cities.Contains(city);

    public bool CoversSector(Sector sector) => Sectors.Count == 0 || Sectors.Contains(sector);

    public bool CoversPair(City a, City b) => CityPairs.Count == 0
        ? CoversCity(a) && CoversCity(b)
        : CityPairs.Any(p => (p.A == a && p.B == b) || (p.A == b && p.B == a));
}
