using GbaSim.Model.Ecosystem;

namespace GbaSim.Model.World;

/// <summary>
/// A named institution. Which numbers matter depends on its kind: researchers and quality for
/// research institutions; <see cref="Capacity"/> is user projects a year for a facility,
/// matches a month for a transfer centre, concurrent pilots for a pilot platform and places for
/// an incubator; <see cref="Capital"/> is a fund's investable capital in yuan.
/// </summary>
public sealed record InstitutionDefinition(
    string Key,
    string Name,
    InstitutionKind Kind,
    City City,
    Zone Zone,
    int Researchers,
    double Quality,
    int GraduatesPerYear,
    double Capacity,
    double Capital,
    double FeeRate,
    IReadOnlyList<Sector> Sectors,
    IReadOnlyList<ChainStage> Stages);
