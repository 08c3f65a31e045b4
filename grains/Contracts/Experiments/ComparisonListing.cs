namespace GbaSim.Contracts.Experiments;

/// <summary>A kept comparison as the list of comparisons shows it.</summary>
[GenerateSerializer, Immutable, Alias("gbasim.ComparisonListing")]
public sealed record ComparisonListing(string Id, string Baseline, int Replications, int Variants, DateTimeOffset Saved);
