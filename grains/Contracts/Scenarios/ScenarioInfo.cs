namespace GbaSim.Contracts.Scenarios;

/// <summary>A scenario file of the silo's library.</summary>
[GenerateSerializer, Immutable, Alias("gbasim.ScenarioInfo")]
public sealed record ScenarioInfo(string Path, string Name, string? Description, int Months, double Scale, IReadOnlyList<string> Policies);
