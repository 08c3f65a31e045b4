namespace GbaSim.Contracts.Runs;

/// <summary>One month of a run, as streamed live and returned with results.</summary>
[GenerateSerializer, Immutable, Alias("gbasim.MonthInfo")]
public sealed record MonthInfo(int Month, string YearMonth, IReadOnlyDictionary<string, double> Figures);
