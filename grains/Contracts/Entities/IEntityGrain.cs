namespace GbaSim.Contracts.Entities;

/// <summary>
/// A city, institution or firm of a run hosted as a grain of its own (runs with granularity
/// <c>entity</c>), keyed <c>{run}/{type}/{name}</c>, e.g. <c>20261206-101500-a1b2c3/firm/sz-ict-00042</c>.
/// </summary>
[Alias("gbasim.IEntityGrain")]
public interface IEntityGrain : IGrainWithStringKey
{
    /// <summary>The actor's state as JSON, or null when the grain holds no actor (not part of a live run).</summary>
    [Alias("Inspect")]
    Task<string?> Inspect();

    /// <summary>The key of an entity grain.</summary>
    public static string KeyOf(string runId, string type, string name) => $"{runId}/{type}/{name}";
}
