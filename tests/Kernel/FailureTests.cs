using GbaSim.Kernel.Identity;

namespace GbaSim.Tests.Kernel;

public sealed class FailureTests
{
    [Fact]
    public void Actor_that_throws_stops_the_run_naming_actor_type_and_step()
    {
        var world = new TestWorld((actor, context) =>
        {
            if (context.Id.Key == 3 && context.Step == 4)
            {
                throw new InvalidOperationException("ledger out of balance");
            }
        });
        var run = world.Build(actors: 10, shards: 4, parallel: true);

        var failure = run.Run(10);

        Assert.NotNull(failure);
        Assert.Equal(5, run.Step);
        Assert.Equal((world.Id(3), 4L), (failure.Actor, failure.Step));
        var message = failure.Describe(world.Types);
        Assert.Contains("node/n3", message);
        Assert.Contains("type 'node'", message);
        Assert.Contains("step 4", message);
        Assert.Contains("ledger out of balance", message);
    }

    [Fact]
    public void Failed_shard_refuses_further_steps_keeps_its_failure_and_stays_inspectable()
    {
        var world = new TestWorld((actor, context) =>
        {
            if (context.Step == 2)
            {
                throw new InvalidOperationException("boom");
            }
        });
        var run = world.Build(actors: 4, shards: 1);
        var failure = run.Run(5);
        Assert.NotNull(failure);
        var shard = run.Shards[0];

        var again = Assert.Throws<InvalidOperationException>(() => shard.RunStep(3));
        Assert.Contains("step 2", again.Message);
        Assert.Same(failure, shard.Failure);
        Assert.Equal(3, shard.NextStep);
        Assert.Equal(64, run.ResultHash().Length);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void When_several_actors_throw_the_lowest_identity_is_reported_whatever_the_sharding(bool inTurns)
    {
        var world = new TestWorld((actor, context) =>
        {
            if (context.Step == 1 && context.Id.Key % 5 == 2)
            {
                throw new InvalidOperationException("boom");
            }
        });
        foreach (var shards in new[] { 1, 3, 8 })
        {
            var run = world.Build(actors: 40, shards: shards, parallel: true);
            var failure = run.Run(3, inTurns);
            Assert.Equal(world.Id(2), failure?.Actor);
        }
    }

    [Fact]
    public void Message_to_an_unregistered_actor_type_fails_delivery_in_the_next_step_with_a_clear_error()
    {
        var ghost = new ActorId(ActorType.Of("ghost"), 1);
        var world = new TestWorld((actor, context) =>
        {
            if (context.Step == 0 && context.Id.Key == 0)
            {
                context.Send(ghost, new Probe(1, 0));
            }
        });
        var run = world.Build(actors: 1, shards: 1);

        var failure = run.Run(3);

        Assert.NotNull(failure);
        Assert.Equal((ActorId.System, 1L), (failure.Actor, failure.Step));
        Assert.Contains("Delivering messages failed at step 1", failure.Describe(world.Types));
        Assert.Contains("not registered", failure.Describe(world.Types));
    }

    [Fact]
    public void Creating_an_actor_of_an_unregistered_type_fails_the_creator()
    {
        var world = new TestWorld((actor, context) =>
        {
            if (context.Step == 0 && context.Id.Key == 0)
            {
                context.Create(new ActorId(ActorType.Of("ghost"), 1), new Probe(1, 0));
            }
        });
        var run = world.Build(actors: 1, shards: 1);

        var failure = run.Run(3);

        Assert.Equal((world.Id(0), 0L), (failure?.Actor, failure?.Step));
        Assert.Contains("unregistered type", failure!.Exception.Message);
    }
}
