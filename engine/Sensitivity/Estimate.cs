namespace GbaSim.Engine.Sensitivity;

/// <summary>A sensitivity index with its 95% bootstrap interval.</summary>
public sealed record Estimate(double Value, double Low, double High);
