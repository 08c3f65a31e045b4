namespace GbaSim.Grains.Sharding;

/// <summary>
/// The shard grains of one run, as the grain that drives the run sees them: set them up, step
/// them as a barrier (at most <see cref="Parallelism"/> at once), hash their states, let them go.
/// </summary>
public sealed class ShardSet
{
    private readonly IShardGrain[] _shards;

    /// <summary>
    /// Names this driver's current attempt at the run, a later one at each restore (from the clock),
    /// so that shards answer the latest attempt and refuse an older one's steps: of two drivers
    /// restoring at once, the later wins every shard rather than each winning some.
    /// </summary>
    private long _attempt = DateTime.UtcNow.Ticks;

    public ShardSet(IGrainFactory grains, string runKey, int count, int parallelism)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        RunKey = runKey;
        Parallelism = parallelism <= 0 ? count : Math.Min(parallelism, count);
        _shards = Enumerable.Range(0, count).Select(i => grains.GetGrain<IShardGrain>(ShardSetup.ShardKey(runKey, i))).ToArray();
    }

    public string RunKey { get; }

    public int Count => _shards.Length;

    /// <summary>Shards stepped at once; results never depend on it.</summary>
    public int Parallelism { get; }

    public IShardGrain this[int index] => _shards[index];

    /// <summary>
    /// Sets the shards up one after the other: each then builds its actors while no other shard
    /// allocates, so a shard's actors lie together in memory and its turns run faster for the
    /// whole run (set-up is a small part of a run).
    /// </summary>
    public async Task Initialize(Func<int, ShardSetup> setup)
    {
        for (var i = 0; i < _shards.Length; i++)
        {
            await _shards[i].Initialize(setup(i));
        }
    }

    /// <summary>Sets every shard up as a copy of the same shard of <paramref name="pastRunKey"/>.</summary>
    public Task ForkFrom(string pastRunKey, Func<int, ShardSetup> setup) => Task.WhenAll(_shards.Select((shard, i) => shard.ForkFrom(pastRunKey, setup(i))));

    /// <summary>
    /// Runs one step on every shard, then has every shard that has batches for shards on other
    /// silos hand them on (shards on one silo hand theirs over in the step); returns their
    /// reports in shard order.
    /// </summary>
    public async Task<ShardStepReport[]> Step(long step)
    {
        var reports = await Run(step);
        List<Task>? exchanges = null;
        foreach (var report in reports)
        {
            if (report.AwaitsExchange)
            {
                (exchanges ??= []).Add(_shards[report.Shard].Exchange(step, _attempt));
            }
        }
        if (exchanges is not null)
        {
            await Task.WhenAll(exchanges);
        }
        return reports;
    }

    private async Task<ShardStepReport[]> Run(long step)
    {
        if (Parallelism >= _shards.Length)
        {
            var steps = new Task<ShardStepReport>[_shards.Length];
            for (var i = 0; i < steps.Length; i++)
            {
                steps[i] = _shards[i].Step(step, _attempt);
            }
            return await Task.WhenAll(steps);
        }
        var reports = new ShardStepReport[_shards.Length];
        var next = -1;
        async Task Lane()
        {
            for (var index = Interlocked.Increment(ref next); index < _shards.Length; index = Interlocked.Increment(ref next))
            {
                reports[index] = await _shards[index].Step(step, _attempt);
            }
        }
        await Task.WhenAll(Enumerable.Range(0, Parallelism).Select(_ => Lane()));
        return reports;
    }

    /// <summary>Has every shard keep its state for <paramref name="nextStep"/> (between steps), beside the one for the run's <paramref name="committed"/> checkpoint.</summary>
    public async Task<string> Checkpoint(long nextStep, long committed) => Combined(await Task.WhenAll(_shards.Select(s => s.Checkpoint(nextStep, committed, _attempt))));

    /// <summary>Sets every shard back to its checkpoint for <paramref name="nextStep"/> (or anew for step 0), wherever each now lives.</summary>
    public async Task<string> Restore(Func<int, ShardSetup> setup, long nextStep)
    {
        var attempt = _attempt = Math.Max(_attempt + 1, DateTime.UtcNow.Ticks);
        return Combined(await Task.WhenAll(_shards.Select((shard, i) => shard.Restore(setup(i), nextStep, attempt))));
    }

    /// <summary>The hash of a checkpoint's world: the SHA-256 of its shards' state hashes, in shard order.</summary>
    private static string Combined(string[] shardHashes) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(string.Join('/', shardHashes))));

    /// <summary>The run's result hash over every actor of every shard.</summary>
    public async Task<string> ResultHash()
    {
        var digests = await Task.WhenAll(_shards.Select(s => s.Digest()));
        return GbaSim.Kernel.State.ResultHash.Of(digests.Select(d => d.ToDigest()).ToArray());
    }

    public Task Release() => Task.WhenAll(_shards.Select(s => s.Release()));
}
