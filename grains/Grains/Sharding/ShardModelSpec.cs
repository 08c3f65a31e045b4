namespace GbaSim.Grains.Sharding;

/// <summary>
/// Which model a run's shards host, with its settings; each model derives its own spec, and the
/// silo's <see cref="IShardModelFactory"/> for that spec builds the shards' actors.
/// </summary>
[GenerateSerializer, Immutable, Alias("gbasim.ShardModelSpec")]
public abstract record ShardModelSpec;
