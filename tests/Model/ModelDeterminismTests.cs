using GbaSim.Engine.Runs;

namespace GbaSim.Tests.Model;

public sealed class ModelDeterminismTests
{
    [Theory]
    [InlineData(2, 16)]
    [InlineData(1, 3)]
    [InlineData(2, 64)]
    public void Scenario_gives_the_same_result_hash_at_any_thread_and_partition_count(int threads, int partitions)
    {
        var scenario = ModelFixtures.Scenario(scale: 0.02, horizon: 18);
        var reference = ScenarioRunner.Run(scenario, new RunOptions { Threads = 1, Partitions = 1 });
        var other = ScenarioRunner.Run(scenario, new RunOptions { Threads = threads, Partitions = partitions });
        Assert.Equal(reference.ResultHash, other.ResultHash);
        Assert.Equal(reference.Summary, other.Summary);
    }

    [Fact]
    public void A_different_seed_gives_a_different_run()
    {
        var scenario = ModelFixtures.Scenario(scale: 0.02, horizon: 12);
        var a = ScenarioRunner.Run(scenario, new RunOptions { Threads = 2 });
        var b = ScenarioRunner.Run(scenario, new RunOptions { Threads = 2, Seed = 99 });
        Assert.NotEqual(a.ResultHash, b.ResultHash);
    }
}
