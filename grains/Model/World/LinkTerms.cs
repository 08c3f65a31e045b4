using GbaSim.Model.Ecosystem;

namespace GbaSim.Model.World;

/// <summary>The frictions between two places as the model uses them (no policy applied): a share of each flow lost, and talent's delay.</summary>
public readonly record struct LinkTerms(
    double TravelHours,
    double TalentLoss,
    int TalentDelayMonths,
    double TechnologyLoss,
    double CapitalLoss,
    double MaterialsLoss,
    double DataLoss)
{
    /// <summary>The share of a flow of <paramref name="kind"/> lost on the way.</summary>
    public double Loss(FlowKind kind) => kind switch
    {
        FlowKind.Talent => TalentLoss,
        FlowKind.Capital => CapitalLoss,
        FlowKind.Technology => TechnologyLoss,
        FlowKind.Materials => MaterialsLoss,
        _ => DataLoss,
    };

    /// <summary>These terms with every loss multiplied by <paramref name="factor"/> (a corridor's), delay and travel time kept.</summary>
    public LinkTerms Scaled(double factor) => this with
    {
        TalentLoss = TalentLoss * factor,
        TechnologyLoss = TechnologyLoss * factor,
        CapitalLoss = CapitalLoss * factor,
        MaterialsLoss = MaterialsLoss * factor,
        DataLoss = DataLoss * factor,
    };
}
