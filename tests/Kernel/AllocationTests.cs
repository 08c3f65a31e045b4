namespace GbaSim.Tests.Kernel;

public sealed class AllocationTests
{
    [Fact]
    public void Steady_state_steps_allocate_nothing_per_message()
    {
        // Shards stepped one after another on this thread, so every turn's allocations are counted.
        var run = Coins.Build(holders: 50_000, shards: 8, seed: 9);
        run.Run(100);
        long messages = 0;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 20; i++)
        {
            messages += run.RunStep().Delivered;
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(messages > 400_000, $"the model should be busy, but only {messages} messages flowed");
        // Buffers may still double now and then as traffic fluctuates; a per-message object would cost 24+ bytes each.
        Assert.True(allocated < messages / 4, $"20 steps with {messages} messages allocated {allocated} bytes");
    }
}
