namespace GbaSim.Contracts.Scenarios;

/// <summary>The outcome of validating a scenario that has no errors.</summary>
[GenerateSerializer, Immutable, Alias("gbasim.ValidationInfo")]
public sealed record ValidationInfo(bool Valid, string Name, int Months, double Scale, int Policies);
