using GbaSim.Model.Ecosystem;
using GbaSim.Model.Municipalities;
using GbaSim.Model.World;

namespace GbaSim.Engine.Runs;

/// <summary>
/// Everything observed about one simulated month. City and region figures are scaled up to the
/// whole region (divided by the firm sample scale); transitions and flows are the sampled
/// world's own records.
/// </summary>
public sealed record MonthRecord(
    int Index,
    YearMonth Month,
    IReadOnlyDictionary<City, CityFigures> Cities,
    CityFigures Region,
    IReadOnlyList<ChainTransition> Transitions,
    IReadOnlyList<FlowRecord> Flows,
    IReadOnlyList<PolicyMonth> Policies);
