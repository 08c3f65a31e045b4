namespace GbaSim.Engine.Runs;

/// <summary>What one policy spent in a month, in yuan at full scale.</summary>
public sealed record PolicyMonth(string Name, string Type, double Spent, double SpentToDate, double Budget);
