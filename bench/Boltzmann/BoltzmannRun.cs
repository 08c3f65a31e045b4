using System.Buffers.Binary;
using System.Diagnostics;
using GbaSim.Contracts.Runs;
using GbaSim.Grains.Sharding;
using GbaSim.Kernel.State;

namespace GbaSim.Bench.Boltzmann;

/// <summary>
/// One run of the Boltzmann model on shard grains, stepped as a barrier over them by
/// <see cref="ShardSet"/>: each step every shard runs its agents' turns and sends each other
/// shard one batch of the coins it gave.
/// </summary>
public sealed class BoltzmannRun
{
    private readonly ShardSet _shards;

    private BoltzmannRun(ShardSet shards) => _shards = shards;

    /// <summary>The next step to run, which is also the number of steps run.</summary>
    public long NextStep { get; private set; }

    public int Shards => _shards.Count;

    /// <param name="parallelism">Shards stepped at once; 0 for all of them. Never changes results.</param>
    public static async Task<BoltzmannRun> StartAsync(IGrainFactory grains, int agents, int shards, int parallelism, ulong seed)
    {
        var key = $"boltzmann-{Guid.NewGuid():N}";
        var set = new ShardSet(grains, key, shards, parallelism);
        var spec = new BoltzmannModelSpec(agents);
        await set.Initialize(i => new ShardSetup(key, i, shards, seed, Granularity.Shard, spec));
        return new BoltzmannRun(set);
    }

    /// <summary>Sets a run up, times <paramref name="steps"/> steps of it (set-up not included), and lets it go.</summary>
    public static async Task<BoltzmannTiming> TimeAsync(IGrainFactory grains, int agents, int steps, int shards, int parallelism, ulong seed)
    {
        var run = await StartAsync(grains, agents, shards, parallelism, seed);
        long messages = 0;
        var cpuBefore = Environment.CpuUsage.TotalTime;
        var clock = Stopwatch.StartNew();
        for (var step = 0; step < steps; step++)
        {
            foreach (var report in await run.StepAsync())
            {
                messages += report.Delivered;
            }
        }
        var seconds = clock.Elapsed.TotalSeconds;
        var cpuSeconds = (Environment.CpuUsage.TotalTime - cpuBefore).TotalSeconds;
        var (hash, wealth) = await run.OutcomeAsync();
        await run.ReleaseAsync();
        return new BoltzmannTiming((long)agents * steps, messages, seconds, cpuSeconds, wealth, hash);
    }

    /// <summary>Runs one step on every shard; the reports come in shard order.</summary>
    public async Task<ShardStepReport[]> StepAsync()
    {
        var reports = await _shards.Step(NextStep);
        if (reports.FirstOrDefault(r => r.Failure is not null) is { } failed)
        {
            throw new InvalidOperationException($"Shard {failed.Shard} failed at step {failed.Step}: {failed.Failure}");
        }
        NextStep++;
        return reports;
    }

    /// <summary>
    /// The run's result hash and every agent's wealth (shard by shard), from one digest per shard.
    /// Coins still in flight are in neither: after a step there are as many as that step had turns.
    /// </summary>
    public async Task<(string ResultHash, long[] Wealth)> OutcomeAsync()
    {
        var digests = new StateDigest[_shards.Count];
        for (var i = 0; i < digests.Length; i++)
        {
            digests[i] = (await _shards[i].Digest()).ToDigest();
        }
        var wealth = new long[digests.Sum(d => d.Actors.Length)];
        var next = 0;
        foreach (var digest in digests)
        {
            for (var a = 0; a < digest.Actors.Length; a++)
            {
                wealth[next++] = WealthIn(digest.Record(a));
            }
        }
        return (ResultHash.Of(digests), wealth);
    }

    public Task ReleaseAsync() => _shards.Release();

    /// <summary>An agent's record ends with its one field, the wealth, as 8 little-endian bytes (see <see cref="WealthAgent.WriteState"/>).</summary>
    private static long WealthIn(ReadOnlySpan<byte> record) => BinaryPrimitives.ReadInt64LittleEndian(record[^8..]);
}
