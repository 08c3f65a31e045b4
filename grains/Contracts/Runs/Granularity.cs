namespace GbaSim.Contracts.Runs;

/// <summary>How a run's actors are hosted. Results are the same either way; <see cref="Entity"/> costs a grain call per actor and step.</summary>
public static class Granularity
{
    /// <summary>Actors live in plain arrays inside shard grains, and shards exchange one batch per pair and step (the default).</summary>
    public const string Shard = "shard";

    /// <summary>Every city, institution and firm is an Orleans grain of its own, driven by its shard.</summary>
    public const string Entity = "entity";

    public static bool IsKnown(string? name) => name is Shard or Entity;
}
