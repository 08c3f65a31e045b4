using GbaSim.Kernel.Hosting;

namespace GbaSim.Tests.Kernel;

public sealed class FailureTests
{
    [Fact]
    public void Grain_that_throws_stops_the_run_naming_grain_type_and_step()
    {
        var world = new TestWorld((grain, context) =>
        {
            if (context.Id.Key == 3 && context.Step == 4)
            {
                throw new InvalidOperationException("ledger out of balance");
            }
        });
        using var runtime = world.Build(grains: 10, threads: 2, partitions: 4);

        var error = Assert.Throws<ActorFailedException>(() => runtime.Run(10));

        Assert.Equal(world.Id(3), error.Grain);
        Assert.Equal(4, error.Step);
        Assert.Equal("node", error.ActorType);
        Assert.Contains("node/n3", error.Message);
        Assert.Contains("step 4", error.Message);
        Assert.Contains("ledger out of balance", error.Message);
    }

    [Fact]
    public void Failed_run_refuses_further_steps_but_stays_inspectable()
    {
        var world = new TestWorld((grain, context) =>
        {
            if (context.Step == 2)
            {
                throw new InvalidOperationException("boom");
            }
        });
        using var runtime = world.Build(grains: 4);
        Assert.Throws<ActorFailedException>(() => runtime.Run(5));

        var again = Assert.Throws<InvalidOperationException>(() => runtime.RunStep());
        Assert.Contains("step 2", again.Message);
        Assert.Equal(64, runtime.ComputeResultHash().Length);
    }

    [Fact]
    public void When_several_grains_throw_the_lowest_identity_is_reported_whatever_the_threads()
    {
        var world = new TestWorld((grain, context) =>
        {
            if (context.Step == 1 && context.Id.Key % 5 == 2)
            {
                throw new InvalidOperationException("boom");
            }
        });
        using var runtime = world.Build(grains: 40, threads: 2, partitions: 8);
        var error = Assert.Throws<ActorFailedException>(() => runtime.Run(3));
        Assert.Equal(world.Id(2), error.Grain);
    }

    [Fact]
    public void Message_to_an_unregistered_grain_type_fails_the_run_with_a_clear_error()
    {
        var world = new TestWorld((grain, context) =>
        {
            if (context.Step == 0 && context.Id.Key == 0)
            {
                context.Send(new GbaSim.Kernel.Identity.ActorId(GbaSim.Kernel.Identity.ActorType.Of("ghost"), 1), new Probe(1, 0));
            }
        });
        using var runtime = world.Build(grains: 1);
        var error = Assert.Throws<ActorFailedException>(() => runtime.Run(3));
        Assert.Contains("not registered", error.Message);
        Assert.Equal(1, error.Step);
    }

    [Fact]
    public void Cancellation_stops_between_steps_and_the_run_can_resume_to_the_same_result()
    {
        var world = new TestWorld((grain, context) =>
        {
            ref var random = ref context.Random;
            grain.Total += random.NextInt(100);
            context.Send(new(context.Id.Type, random.NextInt(20)), new Probe(1, context.Step));
        });
        using var uninterrupted = world.Build(grains: 20, threads: 2);
        uninterrupted.Run(12);

        using var runtime = world.Build(grains: 20, threads: 2);
        using var cancel = new CancellationTokenSource();
        Assert.Throws<OperationCanceledException>(() => runtime.Run(12, cancel.Token, report =>
        {
            if (report.Step == 4)
            {
                cancel.Cancel();
            }
        }));
        Assert.Equal(5, runtime.Step);

        runtime.Run(7);
        Assert.Equal(uninterrupted.ComputeResultHash(), runtime.ComputeResultHash());
    }
}
