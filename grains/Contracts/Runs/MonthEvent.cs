namespace GbaSim.Contracts.Runs;

/// <summary>A live progress event: the month just finished and the run's progress.</summary>
[GenerateSerializer, Immutable, Alias("gbasim.MonthEvent")]
public sealed record MonthEvent(string RunId, int MonthsDone, int MonthsTotal, MonthInfo Month);
