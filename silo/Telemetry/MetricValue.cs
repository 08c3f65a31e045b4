namespace GbaSim.Silo.Telemetry;

/// <summary>One instrument's current values, one point per combination of tags.</summary>
public sealed record MetricValue(string Name, string? Unit, string? Description, string Meter, string Kind, IReadOnlyList<MetricPointValue> Points);

/// <summary>A point: a counter's or gauge's value, or a histogram's count, sum, minimum and maximum.</summary>
public sealed record MetricPointValue(IReadOnlyDictionary<string, string?> Tags, double? Value, long? Count, double? Sum, double? Min, double? Max);
