namespace GbaSim.Grains.Sharding;

/// <summary>
/// What a shard grain needs to hold its part of a run: the run, which shard it is of how many,
/// the seed, how actors are hosted, and the model with its settings.
/// </summary>
/// <param name="RunKey">The run's key; shard grains are keyed <c>{RunKey}/{Index}</c>.</param>
[GenerateSerializer, Immutable, Alias("gbasim.ShardSetup")]
public sealed record ShardSetup(string RunKey, int Index, int Count, ulong Seed, string Granularity, ShardModelSpec Model)
{
    public static string ShardKey(string runKey, int index) => $"{runKey}/{index}";
}
