using GbaSim.Bench.Boltzmann;
using GbaSim.Kernel.Options;

namespace GbaSim.Tests.Kernel;

public sealed class AllocationTests
{
    [Fact]
    public void Steady_state_steps_allocate_nothing_per_message()
    {
        // One thread, so every turn runs on this thread and its allocations are counted.
        using var runtime = BoltzmannModel.Build(50_000, new RuntimeOptions { Threads = 1, Partitions = 8 }, seed: 9);
        runtime.Run(100);
        long messages = 0;
        var before = GC.GetAllocatedBytesForCurrentThread();
        runtime.Run(20, afterStep: r => messages += r.Messages);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(messages > 400_000, $"the model should be busy, but only {messages} messages flowed");
        // Buffers may still double now and then as traffic fluctuates; a per-message object would cost 24+ bytes each.
        Assert.True(allocated < messages / 4, $"20 steps with {messages} messages allocated {allocated} bytes");
    }
}
