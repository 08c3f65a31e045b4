using GbaSim.Kernel.Actors;

namespace GbaSim.Tests.Kernel;

/// <summary>
/// Shards forked between steps continue exactly as the originals would have: k steps, a fork,
/// then N - k steps give the hash of N steps, and the originals and the forks never touch each other.
/// </summary>
public sealed class ForkTests
{
    [Theory]
    [InlineData(1, false, 0)]
    [InlineData(1, false, 17)]
    [InlineData(16, true, 17)]
    [InlineData(7, true, 1)]
    [InlineData(16, false, 39)]
    [InlineData(3, false, 40)]
    public void K_steps_then_a_fork_then_the_rest_give_the_hash_of_the_whole_run(int shards, bool parallel, int k)
    {
        const int N = 40;
        var world = new TestWorld(Gossip.Moody);
        var reference = world.Build(actors: 200, shards: 1, seed: 11);
        reference.Run(N);

        var original = world.Build(actors: 200, shards: shards, seed: 11, parallel: parallel);
        original.Run(k);
        var fork = world.Fork(original, Gossip.Moody);
        Assert.Equal(k, fork.Step);
        Assert.Equal(original.ActorCount, fork.ActorCount);
        Assert.Equal(original.ResultHash(), fork.ResultHash());
        Assert.Equal((shards, 11UL), (fork.Shards.Count, fork.Shards[0].Seed));

        fork.Run(N - k);
        Assert.Equal(reference.ActorCount, fork.ActorCount);
        Assert.Equal(reference.ResultHash(), fork.ResultHash());

        // The original, stepped on after the fork, reaches the same end on its own.
        original.Run(N - k);
        Assert.Equal(reference.ResultHash(), original.ResultHash());
    }

    [Fact]
    public void Original_and_fork_evolve_independently()
    {
        var world = new TestWorld(Gossip.Moody);
        var original = world.Build(actors: 200, shards: 8, seed: 9);
        original.Run(10);
        var atFork = original.ResultHash();
        var fork = world.Fork(original, Gossip.Moody);

        var id = original.ActorsInIdentityOrder()[0].Id;
        Assert.NotSame(TestWorld.Actor(original, id), TestWorld.Actor(fork, id));

        fork.Run(15);
        Assert.Equal(10, original.Step);
        Assert.Equal(atFork, original.ResultHash());
        var forkAt25 = fork.ResultHash();

        original.Run(3);
        Assert.Equal(25, fork.Step);
        Assert.Equal(forkAt25, fork.ResultHash());
        Assert.NotEqual(atFork, original.ResultHash());
    }

    [Fact]
    public void Host_posts_and_the_post_sequence_are_carried_over()
    {
        var world = new TestWorld((_, _) => { });
        var original = world.Build(actors: 3);
        original.Run(2);
        original.Post(world.Id(0), new Probe(5, -1));
        original.Post(world.Id(0), new Probe(6, -1));
        var fork = world.Fork(original, (_, _) => { });

        // Both post once more: the fork numbers its post after the two it inherited.
        original.Post(world.Id(0), new Probe(7, -1));
        fork.Post(world.Id(0), new Probe(7, -1));
        original.RunStep();
        fork.RunStep();
        var received = TestWorld.Actor(fork, world.Id(0)).Received;
        Assert.Equal([(2L, 0, 5L), (2L, 1, 6L), (2L, 2, 7L)], received.Select(r => (r.Step, r.Sequence, r.Message.Value)));
        Assert.Equal(original.ResultHash(), fork.ResultHash());
        Assert.Equal(3, TestWorld.Actor(original, world.Id(0)).Received.Count);
    }

    [Fact]
    public void Sleeping_and_halted_actors_keep_their_wake_ups_in_the_fork()
    {
        Action<ScriptedActor, ActorContext<Probe>> script = (_, context) =>
        {
            if (context.Id.Key == 0)
            {
                context.SleepUntil(context.Step + 3);
            }
            else
            {
                context.Halt();
            }
        };
        var world = new TestWorld(script);
        var original = world.Build(actors: 2);
        original.Run(4);
        var fork = world.Fork(original, script);
        fork.Run(6);
        Assert.Equal([0L, 3L, 6L, 9L], TestWorld.Actor(fork, world.Id(0)).TurnSteps);
        Assert.Equal([0L], TestWorld.Actor(fork, world.Id(1)).TurnSteps);
        Assert.Equal([0L, 3L], TestWorld.Actor(original, world.Id(0)).TurnSteps);
    }

    [Fact]
    public void A_failed_shard_cannot_be_forked()
    {
        var world = new TestWorld((_, context) =>
        {
            if (context.Step == 2)
            {
                throw new InvalidOperationException("boom");
            }
        });
        var run = world.Build(actors: 2, shards: 1);
        Assert.NotNull(run.Run(5));
        var error = Assert.Throws<InvalidOperationException>(() => run.Fork(world.Types, (_, actor) => ((ScriptedActor)actor).Copy((_, _) => { })));
        Assert.Contains("cannot be forked", error.Message);
    }

    [Fact]
    public void A_clone_must_be_an_actor_of_its_own()
    {
        var world = new TestWorld((_, _) => { });
        var run = world.Build(actors: 2, shards: 1);
        run.Run(1);
        var error = Assert.Throws<InvalidOperationException>(() => run.Fork(world.Types, (_, actor) => actor));
        Assert.Contains("the actor itself", error.Message);
    }
}
