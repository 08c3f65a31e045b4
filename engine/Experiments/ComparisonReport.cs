using GbaSim.Engine.Statistics;

namespace GbaSim.Engine.Experiments;

/// <summary>Everything a comparison concluded, ready to print, save or chart; per-city results and costs per outcome are absent in summaries kept before they existed, and <see cref="Contributions"/> is there only when a variant is a package of levers.</summary>
public sealed record ComparisonReport(
    string Baseline,
    int Replications,
    IReadOnlyList<string> Metrics,
    IReadOnlyList<ScenarioFigures> Scenarios,
    IReadOnlyList<MetricComparison> Comparisons,
    IReadOnlyList<SeriesBand> Series,
    IReadOnlyList<TestLimit>? Limits = null,
    IReadOnlyList<CityResult>? Cities = null,
    IReadOnlyList<CostPerOutcome>? Costs = null,
    IReadOnlyList<LeverContribution>? Contributions = null);

/// <summary>One scenario's figures across replications, per metric.</summary>
public sealed record ScenarioFigures(string Label, IReadOnlyDictionary<string, double> Coordinates, IReadOnlyDictionary<string, SampleSummary> Metrics);

/// <summary>
/// A variant against the baseline on one metric: the paired statistics, Holm-adjusted p-values
/// over the outcome comparisons made, the change per 100 million yuan of extra policy spending,
/// what kind of result it is (<see cref="Findings"/>; absent in summaries kept before it existed) and a plain verdict.
/// </summary>
public sealed record MetricComparison(
    string Variant,
    string Metric,
    PairedComparison Statistics,
    double AdjustedTTestP,
    double AdjustedWilcoxonP,
    double ExtraSpending,
    double ChangePer100MillionYuan,
    bool Distinguishable,
    string Verdict,
    string? Finding = null);

/// <summary>What a comparison's row is: a real difference, one the replications cannot tell from noise, or an input the scenario sets.</summary>
public static class Findings
{
    public const string Real = "real";
    public const string Noise = "noise";
    public const string Input = "input";
}

/// <summary>A monthly figure's mean and 95% band across replications, for one scenario.</summary>
public sealed record SeriesBand(string Label, string Figure, IReadOnlyList<string> Months, IReadOnlyList<double> Mean, IReadOnlyList<double> Low, IReadOnlyList<double> High);
