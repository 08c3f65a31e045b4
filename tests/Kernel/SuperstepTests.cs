namespace GbaSim.Tests.Kernel;

public sealed class SuperstepTests
{
    [Fact]
    public void Message_sent_in_step_t_arrives_in_step_t_plus_one()
    {
        var world = new TestWorld((grain, context) =>
        {
            if (context.Id.Key == 0 && context.Step == 2)
            {
                context.Send(new(context.Id.Type, 1), new Probe(7, context.Step));
            }
        });
        using var runtime = world.Build(grains: 2);
        runtime.Run(5);

        var receiver = TestWorld.Grain(runtime, world.Id(1));
        var (step, sender, _, message) = Assert.Single(receiver.Received);
        Assert.Equal(3, step);
        Assert.Equal(2, message.SentAt);
        Assert.Equal(world.Id(0), sender);
    }

    [Fact]
    public void Grain_is_activated_by_its_first_message()
    {
        var world = new TestWorld((grain, context) =>
        {
            if (context.Id.Key == 0 && context.Step == 1)
            {
                context.Create(new(context.Id.Type, 99), new Probe(1, context.Step));
            }
        });
        using var runtime = world.Build(grains: 1);
        runtime.Run(2);
        Assert.Equal(1, runtime.GrainCount);
        Assert.False(runtime.TryGetGrain(world.Id(99), out _));

        var report = runtime.RunStep();

        Assert.Equal(1, report.Activations);
        Assert.Equal(2, runtime.GrainCount);
        var created = TestWorld.Grain(runtime, world.Id(99));
        Assert.Equal([2L], created.TurnSteps);
        Assert.Equal(1, Assert.Single(created.Received).Message.Value);
    }

    [Fact]
    public void Halted_grain_costs_no_turn_until_a_message_wakes_it()
    {
        var world = new TestWorld((grain, context) =>
        {
            if (context.Id.Key == 0 && context.Step == 5)
            {
                context.Send(new(context.Id.Type, 1), new Probe(1, context.Step));
            }
            if (context.Id.Key == 1)
            {
                context.Halt();
            }
        });
        using var runtime = world.Build(grains: 2);
        runtime.Run(10);

        Assert.Equal([0L, 6L], TestWorld.Grain(runtime, world.Id(1)).TurnSteps);
        Assert.Equal(10, TestWorld.Grain(runtime, world.Id(0)).TurnSteps.Count);
    }

    [Fact]
    public void Sleeping_grain_wakes_at_the_step_it_asked_for()
    {
        var world = new TestWorld((grain, context) => context.SleepUntil(context.Step + 3));
        using var runtime = world.Build(grains: 1);
        runtime.Run(10);
        Assert.Equal([0L, 3L, 6L, 9L], TestWorld.Grain(runtime, world.Id(0)).TurnSteps);
    }

    [Fact]
    public void Message_to_a_sleeping_grain_wakes_it_early_and_it_may_sleep_again()
    {
        var world = new TestWorld((grain, context) =>
        {
            if (context.Id.Key == 0 && context.Step == 1)
            {
                context.Send(new(context.Id.Type, 1), new Probe(1, context.Step));
            }
            if (context.Id.Key == 1)
            {
                if (context.Inbox.Length > 0)
                {
                    context.Halt();
                }
                else
                {
                    context.SleepUntil(5);
                }
            }
        });
        using var runtime = world.Build(grains: 2);
        runtime.Run(8);
        // Slept at 0 until 5, woken at 2 by mail, then halted: the stale wake-up at 5 is ignored.
        Assert.Equal([0L, 2L], TestWorld.Grain(runtime, world.Id(1)).TurnSteps);
    }

    [Fact]
    public void Host_posts_arrive_in_the_next_step()
    {
        var world = new TestWorld((grain, context) => { });
        using var runtime = world.Build(grains: 1);
        runtime.Run(3);
        runtime.Post(world.Id(0), new Probe(5, -1));
        Assert.Equal(1, runtime.PendingMessages);
        runtime.RunStep();
        var received = Assert.Single(TestWorld.Grain(runtime, world.Id(0)).Received);
        Assert.Equal(3, received.Step);
        Assert.Equal(GbaSim.Kernel.Identity.ActorId.System, received.Sender);
    }
}
