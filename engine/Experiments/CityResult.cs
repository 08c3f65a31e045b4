using GbaSim.Engine.Statistics;

namespace GbaSim.Engine.Experiments;

/// <summary>
/// One headline figure counted in one city for one scenario: its mean over the replications
/// with a 95% interval, and for a variant the paired difference to the baseline in that city
/// (null for the baseline itself).
/// </summary>
public sealed record CityResult(string City, string Metric, string Scenario, SampleSummary Value, SampleSummary? Difference);
