namespace GbaSim.Silo.Hosting;

/// <summary>The Redis server that holds a cluster's membership does not answer, so no silo can join and no client can find a gateway.</summary>
public sealed class ClusterUnreachableException(RedisAddress redis, string reason)
    : Exception($"The cluster's Redis at {redis} does not answer ({reason}); start redis-server there or name the right one with --cluster.")
{
    public RedisAddress Redis { get; } = redis;
}
