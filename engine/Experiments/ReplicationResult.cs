namespace GbaSim.Engine.Experiments;

/// <summary>What one run of an experiment produced: its headline figures and the region's monthly figures.</summary>
public sealed record ReplicationResult(
    string Label,
    int Replication,
    ulong Seed,
    string RunId,
    string ResultHash,
    IReadOnlyDictionary<string, double> Summary,
    IReadOnlyList<IReadOnlyDictionary<string, double>> Months);
