using GbaSim.Model.Ecosystem;

namespace GbaSim.Model.World;

/// <summary>
/// A city as the world file describes it.
/// </summary>
/// <param name="Talent">The R&amp;D talent pool, in people (before scaling).</param>
/// <param name="TalentLevelShares">Shares of graduates, professionals and seniors in the pool.</param>
/// <param name="MonthlyWage">Average monthly wage of R&amp;D staff, yuan.</param>
/// <param name="LivingCost">Living-cost index, Guangzhou = 1.0.</param>
/// <param name="Firms">High-tech firms in the city (before scaling).</param>
/// <param name="SectorShares">Share of the city's firms in each sector, in <see cref="Sector"/> order.</param>
/// <param name="ZoneShares">Share of the city's firms located in each of its zones.</param>
/// <param name="Position">Where the city's centre lies, for maps; none when the world file gives none.</param>
public sealed record CityDefinition(
    City City,
    double Talent,
    IReadOnlyList<double> TalentLevelShares,
    double MonthlyWage,
    double LivingCost,
    int Firms,
    IReadOnlyList<double> SectorShares,
    IReadOnlyDictionary<Zone, double> ZoneShares,
    GeoPosition? Position = null);
