namespace GbaSim.Contracts.Scenarios;

/// <summary>One problem in a scenario, at the file, line and column where it was written.</summary>
[GenerateSerializer, Immutable, Alias("gbasim.ScenarioErrorInfo")]
public sealed record ScenarioErrorInfo(string File, int Line, int Column, string Message, string? Hint);
