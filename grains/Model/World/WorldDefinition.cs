namespace GbaSim.Model.World;

/// <summary>The Greater Bay Area as a world file describes it, before firms are generated.</summary>
public sealed record WorldDefinition(
    string Name,
    IReadOnlyList<CityDefinition> Cities,
    IReadOnlyList<InstitutionDefinition> Institutions,
    IReadOnlyList<CityLink> Links,
    ModelParameters Parameters,
    IReadOnlyList<ZoneLink>? ZoneLinks = null,
    IReadOnlyList<Corridor>? Corridors = null);
