using System.Collections.Concurrent;

namespace GbaSim.Tests.Kernel;

public sealed class TurnTests
{
    [Fact]
    public void A_grain_never_runs_concurrently_with_itself_and_runs_once_per_step()
    {
        var inTurn = new ConcurrentDictionary<long, int>();
        var overlaps = 0;
        var world = new TestWorld((grain, context) =>
        {
            if (inTurn.AddOrUpdate(context.Id.Key, 1, (_, n) => n + 1) != 1)
            {
                Interlocked.Increment(ref overlaps);
            }
            Thread.SpinWait(200);
            // Everyone mails grain 0 and its neighbour, so grain 0 gets many messages per step.
            context.Send(new(context.Id.Type, 0), new Probe(1, context.Step));
            context.Send(new(context.Id.Type, (context.Id.Key + 1) % 64), new Probe(1, context.Step));
            inTurn.AddOrUpdate(context.Id.Key, 0, (_, n) => n - 1);
        });
        using var runtime = world.Build(grains: 64, threads: 2, partitions: 16);
        runtime.Run(20);

        Assert.Equal(0, overlaps);
        var hub = TestWorld.Grain(runtime, world.Id(0));
        Assert.Equal(20, hub.TurnSteps.Count);
        Assert.Equal(19 * 65, hub.Received.Count);
    }

    [Fact]
    public void Different_grains_run_in_parallel_on_several_threads()
    {
        var threads = new ConcurrentDictionary<int, bool>();
        var world = new TestWorld((grain, context) =>
        {
            threads[Environment.CurrentManagedThreadId] = true;
            Thread.SpinWait(20_000);
        });
        using var runtime = world.Build(grains: 64, threads: 2, partitions: 16);
        runtime.Run(5);
        Assert.Equal(2, threads.Count);
    }
}
