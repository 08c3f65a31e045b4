using GbaSim.Model.Ecosystem;

namespace GbaSim.Model.World;

/// <summary>
/// What it costs for talent, technology, capital, materials and data to move between two
/// cities: a share lost on the way and months of delay. Links are symmetric; a pair without a
/// link uses the defaults of <see cref="ModelParameters"/>. A link on a named corridor has its
/// losses shaped by the corridor (<see cref="Corridor"/>).
/// </summary>
public sealed record CityLink(
    City A,
    City B,
    string Corridor,
    double TravelHours,
    double TalentLoss,
    int TalentDelayMonths,
    double TechnologyLoss,
    double CapitalLoss,
    double? MaterialsLoss = null,
    double? DataLoss = null)
{
    /// <summary>The link's terms; materials and data lose what technology does unless the world file says otherwise.</summary>
    public LinkTerms Terms => new(TravelHours, TalentLoss, TalentDelayMonths, TechnologyLoss, CapitalLoss, MaterialsLoss ?? TechnologyLoss, DataLoss ?? TechnologyLoss);
}
