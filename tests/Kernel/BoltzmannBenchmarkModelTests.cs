using GbaSim.Bench.Boltzmann;
using GbaSim.Kernel.Options;

namespace GbaSim.Tests.Kernel;

public sealed class BoltzmannBenchmarkModelTests
{
    [Fact]
    public void Wealth_is_conserved_by_message_passing()
    {
        using var runtime = BoltzmannModel.Build(5_000, new RuntimeOptions { Threads = 2, Partitions = 8 }, seed: 7);
        runtime.Run(30);
        var total = runtime.GrainsInIdentityOrder().Sum(g => ((WealthAgent)g.Grain).Wealth);
        Assert.Equal(5_000, total + runtime.PendingMessages);
    }

    [Fact]
    public void Gini_rises_from_zero_as_agents_exchange_wealth()
    {
        using var runtime = BoltzmannModel.Build(10_000, new RuntimeOptions { Threads = 2, Partitions = 4 }, seed: 1);
        Assert.Equal(0.0, BoltzmannModel.Gini(runtime), 12);
        runtime.Run(2);
        var early = BoltzmannModel.Gini(runtime);
        runtime.Run(98);
        var late = BoltzmannModel.Gini(runtime);
        Assert.InRange(early, 0.3, 0.95);
        Assert.True(late > early, $"Gini should keep rising towards its equilibrium: {early} then {late}.");
    }

    [Fact]
    public void Grain_runtime_reaches_the_same_wealth_distribution_as_the_bare_array_loop()
    {
        using var runtime = BoltzmannModel.Build(20_000, new RuntimeOptions { Threads = 1, Partitions = 4 }, seed: 3);
        runtime.Run(200);
        var grains = BoltzmannModel.Gini(runtime);
        var bare = BoltzmannModel.Gini(BareArrayBoltzmann.Run(20_000, 200, seed: 3));
        Assert.InRange(grains, bare - 0.03, bare + 0.03);
    }
}
