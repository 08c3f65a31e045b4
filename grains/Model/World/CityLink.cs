using GbaSim.Model.Ecosystem;

namespace GbaSim.Model.World;

/// <summary>
/// What it costs for talent, technology and capital to move between two cities: a share lost
/// on the way and months of delay. Links are symmetric; a pair without a link uses the
/// defaults of <see cref="ModelParameters"/>.
/// </summary>
public sealed record CityLink(
    City A,
    City B,
    string Corridor,
    double TravelHours,
    double TalentLoss,
    int TalentDelayMonths,
    double TechnologyLoss,
    double CapitalLoss);
