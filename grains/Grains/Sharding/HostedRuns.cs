using System.Collections.Concurrent;
using GbaSim.Grains.Entities;

namespace GbaSim.Grains.Sharding;

/// <summary>
/// The shards this silo holds, by run: how an entity grain finds its run's model, and how a
/// branch's shard finds the shard of its past on the same silo. One per silo.
/// </summary>
public sealed class HostedRuns
{
    private readonly ConcurrentDictionary<(string Run, int Index), IShardEngine> _shards = new();

    public void Add(IShardEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        _shards[(engine.Setup.RunKey, engine.Setup.Index)] = engine;
    }

    public void Remove(IShardEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        _shards.TryRemove(new KeyValuePair<(string, int), IShardEngine>((engine.Setup.RunKey, engine.Setup.Index), engine));
    }

    public IShardEngine? Shard(string runKey, int index) => _shards.TryGetValue((runKey, index), out var engine) ? engine : null;

    /// <summary>An actor of <paramref name="runKey"/> hosted on its own, built by any shard of that run on this silo; null if there is none.</summary>
    public IHostedActor? Host(string runKey, int actorType, long actorKey)
    {
        foreach (var ((run, _), engine) in _shards)
        {
            if (run == runKey)
            {
                return engine.Host(actorType, actorKey);
            }
        }
        return null;
    }
}
