using GbaSim.Tests.Sharding;

namespace GbaSim.Tests.Model;

/// <summary>The model's runs on a silo depend on the scenario and seed only, never on how actors are spread or stepped.</summary>
[Collection(OneSiloCollection.Name)]
public sealed class ModelDeterminismTests(OneSiloCluster silo)
{
    private readonly SiloRuns _runs = new(silo.Cluster);

    [Theory]
    [InlineData(16, 2)]
    [InlineData(3, 1)]
    [InlineData(64, 0)]
    public async Task Scenario_gives_the_same_result_hash_at_any_shard_count_and_parallelism(int shards, int threads)
    {
        var scenario = ModelFixtures.Scenario(scale: 0.02, horizon: 18);
        var reference = await _runs.Run(scenario, shards: 1, threads: 1);
        var other = await _runs.Run(scenario, shards: shards, threads: threads);
        Assert.Equal(reference.ResultHash, other.ResultHash);
        Assert.Equal(reference.Summary, other.Summary);
    }

    [Fact]
    public async Task A_different_seed_gives_a_different_run()
    {
        var scenario = ModelFixtures.Scenario(scale: 0.02, horizon: 12);
        var a = await _runs.Run(scenario);
        var b = await _runs.Run(scenario, seed: 99);
        Assert.Equal(("7", "99"), (a.Seed, b.Seed));
        Assert.NotEqual(a.ResultHash, b.ResultHash);
    }
}
