using System.Text;
using GbaSim.Silo.Hosting;
using Orleans.TestingHost;
using StackExchange.Redis;

namespace GbaSim.Tests.Cluster;

/// <summary>Checkpoints of a silo in a Redis cluster go to that Redis, in Orleans's binary format, and outlive the silo that wrote them.</summary>
public sealed class RedisCheckpointStorageTests
{
    [Fact]
    public async Task Checkpoint_state_round_trips_through_redis_into_another_silo_in_binary()
    {
        await using var redis = await RedisServer.StartAsync();
        var written = new RedisProbeState(42, "shard-state-label", Enumerable.Range(0, 4096).Select(i => (byte)(i * 7)).ToArray());

        await using (var first = await StartSilo(redis))
        {
            await first.Client.GetGrain<IRedisProbeGrain>("run-1/0").Write(written);
        }
        await using var second = await StartSilo(redis);
        var read = await second.Client.GetGrain<IRedisProbeGrain>("run-1/0").Read();

        Assert.NotNull(read);
        Assert.Equal(written.Step, read.Step);
        Assert.Equal(written.Label, read.Label);
        Assert.Equal(written.Actors, read.Actors);
        Assert.Null(await second.Client.GetGrain<IRedisProbeGrain>("run-1/1").Read());
        // The stored bytes are Orleans's binary format: no JSON, so no property names, and smaller than the bytes as JSON's base64 alone.
        var stored = await StoredBytes(redis);
        Assert.DoesNotContain("\"Step\"", Encoding.UTF8.GetString(stored), StringComparison.OrdinalIgnoreCase);
        Assert.InRange(stored.Length, written.Actors.Length, Convert.ToBase64String(written.Actors).Length - 1);
    }

    [Fact]
    public async Task Cleared_checkpoint_leaves_no_key_in_redis()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var silo = await StartSilo(redis);
        var probe = silo.Client.GetGrain<IRedisProbeGrain>("run-2/0");
        await probe.Write(new RedisProbeState(7, "kept", new byte[1024]));
        Assert.NotEmpty(await StoredBytes(redis));

        await probe.Clear();

        Assert.Empty(await StoredBytes(redis));
        Assert.Null(await probe.Read());
    }

    /// <summary>One silo of a fresh cluster (the same service id, so the same keys) with the checkpoint storage of a Redis cluster.</summary>
    private static async Task<InProcessTestCluster> StartSilo(RedisServer redis)
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ServiceId = GbaSim.Contracts.ClusterIdentity.ServiceId;
        builder.ConfigureSilo((_, silo) => silo.AddRedisCheckpointStorage(redis.Address));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    /// <summary>The largest value Redis holds (the one checkpoint), whatever key and layout the provider chose.</summary>
    private static async Task<byte[]> StoredBytes(RedisServer redis)
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.Address.Configuration());
        var server = connection.GetServer(redis.Address.Host, redis.Address.Port);
        var database = connection.GetDatabase();
        var values = new List<byte[]>();
        await foreach (var key in server.KeysAsync())
        {
            var type = await database.KeyTypeAsync(key);
            if (type == RedisType.Hash)
            {
                values.AddRange((await database.HashGetAllAsync(key)).Select(entry => (byte[])entry.Value!));
            }
            else if (type == RedisType.String)
            {
                values.Add((byte[])(await database.StringGetAsync(key))!);
            }
        }
        return values.MaxBy(v => v.Length) ?? [];
    }
}
