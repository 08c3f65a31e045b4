using GbaSim.Kernel.Identity;

namespace GbaSim.Tests.Kernel;

public sealed class SuperstepTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void Message_sent_in_step_t_arrives_in_step_t_plus_one(int shards)
    {
        var world = new TestWorld((actor, context) =>
        {
            if (context.Id.Key == 0 && context.Step == 2)
            {
                context.Send(new(context.Id.Type, 1), new Probe(7, context.Step));
            }
        });
        var run = world.Build(actors: 2, shards: shards);
        run.Run(5);

        var receiver = TestWorld.Actor(run, world.Id(1));
        var (step, sender, _, message) = Assert.Single(receiver.Received);
        Assert.Equal(3, step);
        Assert.Equal(2, message.SentAt);
        Assert.Equal(world.Id(0), sender);
    }

    [Fact]
    public void Actor_is_activated_by_its_first_message()
    {
        var world = new TestWorld((actor, context) =>
        {
            if (context.Id.Key == 0 && context.Step == 1)
            {
                context.Create(new(context.Id.Type, 99), new Probe(1, context.Step));
            }
        });
        var run = world.Build(actors: 1);
        run.Run(2);
        Assert.Equal(1, run.ActorCount);
        Assert.False(run.TryGet(world.Id(99), out _));

        var counts = run.RunStep();

        Assert.Equal(1, counts.Activations);
        Assert.Equal(2, run.ActorCount);
        var created = TestWorld.Actor(run, world.Id(99));
        Assert.Equal([2L], created.TurnSteps);
        Assert.Equal(1, Assert.Single(created.Received).Message.Value);
    }

    [Fact]
    public void Halted_actor_costs_no_turn_until_a_message_wakes_it()
    {
        var world = new TestWorld((actor, context) =>
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
        var run = world.Build(actors: 2);
        run.Run(10);

        Assert.Equal([0L, 6L], TestWorld.Actor(run, world.Id(1)).TurnSteps);
        Assert.Equal(10, TestWorld.Actor(run, world.Id(0)).TurnSteps.Count);
    }

    [Fact]
    public void Sleeping_actor_wakes_at_the_step_it_asked_for()
    {
        var world = new TestWorld((actor, context) => context.SleepUntil(context.Step + 3));
        var run = world.Build(actors: 1);
        run.Run(10);
        Assert.Equal([0L, 3L, 6L, 9L], TestWorld.Actor(run, world.Id(0)).TurnSteps);
    }

    [Fact]
    public void Message_to_a_sleeping_actor_wakes_it_early_and_it_may_sleep_again()
    {
        var world = new TestWorld((actor, context) =>
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
        var run = world.Build(actors: 2);
        run.Run(8);
        // Slept at 0 until 5, woken at 2 by mail, then halted: the stale wake-up at 5 is ignored.
        Assert.Equal([0L, 2L], TestWorld.Actor(run, world.Id(1)).TurnSteps);
    }

    [Fact]
    public void Host_posts_arrive_in_the_next_step_in_the_order_posted()
    {
        var world = new TestWorld((actor, context) => { });
        var run = world.Build(actors: 1);
        run.Run(3);
        run.Post(world.Id(0), new Probe(5, -1));
        run.Post(world.Id(0), new Probe(6, -1));
        Assert.Empty(TestWorld.Actor(run, world.Id(0)).Received);

        run.RunStep();

        var received = TestWorld.Actor(run, world.Id(0)).Received;
        Assert.Equal([(3L, 5L), (3L, 6L)], received.Select(r => (r.Step, r.Message.Value)));
        Assert.All(received, r => Assert.Equal(ActorId.System, r.Sender));
    }

    [Fact]
    public void A_shard_takes_only_the_actors_and_posts_that_hash_to_it()
    {
        var world = new TestWorld((actor, context) => { });
        var shard = world.Build(actors: 0, shards: 4).Shards[2];
        var stranger = Enumerable.Range(0, 100).Select(k => world.Id(k)).First(id => !shard.Owns(id));

        Assert.Throws<ArgumentException>(() => shard.Add(stranger, new ScriptedActor((_, _) => { })));
        Assert.Throws<ArgumentException>(() => shard.Post(stranger, new Probe(1, -1)));
        Assert.Throws<ArgumentException>(() => shard.Receive(0, 2, Array.Empty<GbaSim.Kernel.Messaging.Envelope<Probe>>()));
    }

    [Fact]
    public void A_shard_runs_its_steps_in_order_only()
    {
        var world = new TestWorld((actor, context) => { });
        var shard = world.Build(actors: 3, shards: 1).Shards[0];
        shard.RunStep(0);

        Assert.Throws<InvalidOperationException>(() => shard.RunStep(2));
        Assert.Throws<InvalidOperationException>(() => shard.RunStep(0));
        Assert.Equal(1, shard.NextStep);
        Assert.Null(shard.Failure);
        Assert.Equal(3, shard.RunStep(1).Turns);
    }
}
