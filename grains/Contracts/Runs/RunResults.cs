namespace GbaSim.Contracts.Runs;

/// <summary>A run's results: its record, headline figures and monthly series (for the region, or for <see cref="City"/>).</summary>
[GenerateSerializer, Immutable, Alias("gbasim.RunResults")]
public sealed record RunResults(RunInfo Run, string? City, IReadOnlyList<MonthInfo> Months);
