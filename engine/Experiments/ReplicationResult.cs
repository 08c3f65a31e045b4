namespace GbaSim.Engine.Experiments;

/// <summary>What one run of an experiment produced: its headline figures, the region's monthly figures and, when read, each city's headline figures (<see cref="CityHeadlines"/>) by its name.</summary>
public sealed record ReplicationResult(
    string Label,
    int Replication,
    ulong Seed,
    string RunId,
    string ResultHash,
    IReadOnlyDictionary<string, double> Summary,
    IReadOnlyList<IReadOnlyDictionary<string, double>> Months,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>>? Cities = null);
