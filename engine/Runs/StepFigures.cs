using GbaSim.Model.Ecosystem;
using GbaSim.Model.Municipalities;

namespace GbaSim.Engine.Runs;

/// <summary>What the reporting actors said after one step: each city's month (unscaled), each ledger's records and each policy's spending.</summary>
public sealed class StepFigures
{
    public Dictionary<City, CityFigures> Cities { get; } = [];

    public Dictionary<City, (IReadOnlyList<ChainTransition> Transitions, IReadOnlyList<FlowRecord> Flows)> Ledgers { get; } = [];

    /// <summary>By policy index: what it spent in the step and in all, unscaled.</summary>
    public Dictionary<int, (double SpentThisMonth, double Spent)> Policies { get; } = [];
}
