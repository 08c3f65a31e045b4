namespace GbaSim.Contracts.Experiments;

/// <summary>
/// An experiment run as fork groups: for each seed, the baseline's months before
/// <see cref="ForkAt"/> run once, then every variant branches from there.
/// </summary>
[GenerateSerializer, Immutable, Alias("gbasim.ExperimentRequest")]
public sealed record ExperimentRequest(
    ExperimentScenario? Baseline,
    IReadOnlyList<ExperimentScenario>? Variants,
    IReadOnlyList<ulong>? Seeds,
    double? Scale,
    string? ForkAt,
    int? Threads);
