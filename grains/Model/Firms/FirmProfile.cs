using GbaSim.Model.Ecosystem;

namespace GbaSim.Model.Firms;

/// <summary>How a firm starts: generated from the world's population, or founded during the run.</summary>
public sealed record FirmProfile(
    City City,
    Zone Zone,
    Sector Sector,
    FirmStage Stage,
    int BornStep,
    int Talent,
    double Cash,
    int Products,
    double ProductQuality,
    bool HighTech);
