namespace GbaSim.Silo.Api;

/// <summary>A scenario of an experiment: its YAML, where it sits in the scenario library (so <c>extends</c> and <c>world</c> resolve) and the label it is compared under.</summary>
public sealed record ExperimentScenario(string Text, string? Path, string? Label);

/// <summary>
/// An experiment run as fork groups: for each seed, the baseline's months before
/// <see cref="ForkAt"/> run once, then the baseline and every variant branch from there.
/// Seeds are numbers (or strings of digits, for clients whose numbers cannot hold 64 bits).
/// </summary>
public sealed record ExperimentRequest(
    ExperimentScenario? Baseline,
    IReadOnlyList<ExperimentScenario>? Variants,
    IReadOnlyList<ulong>? Seeds,
    double? Scale,
    string? ForkAt,
    int? Threads);

/// <summary>One run of an experiment: the scenario's label, the seed, and the run as <c>/api/runs</c> shows it.</summary>
public sealed record ExperimentRunInfo(string Label, string Seed, RunInfo Run);

/// <summary>An accepted experiment: where its runs fork, and its runs, seed by seed (baseline first).</summary>
public sealed record ExperimentInfo(string ForkAt, IReadOnlyList<ExperimentRunInfo> Runs);
