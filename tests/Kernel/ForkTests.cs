using GbaSim.Bench.Boltzmann;
using GbaSim.Kernel.Actors;
using GbaSim.Kernel.Hosting;
using GbaSim.Kernel.Identity;
using GbaSim.Kernel.Options;

namespace GbaSim.Tests.Kernel;

/// <summary>
/// A run forked between steps continues exactly as the original would have: k steps, a fork,
/// then N - k steps give the hash of N steps, and the original and the fork never touch each other.
/// </summary>
public sealed class ForkTests
{
    /// <summary>Random gossip with creations, halts and sleeps, so that every kind of pending state is in play at a fork.</summary>
    private static readonly Action<ScriptedActor, ActorContext<Probe>> Gossip = (grain, context) =>
    {
        ref var random = ref context.Random;
        foreach (var envelope in context.Inbox)
        {
            grain.Total = (grain.Total * 31) + envelope.Message.Value;
        }
        var fanOut = random.NextInt(3);
        for (var i = 0; i < fanOut; i++)
        {
            context.Send(new ActorId(context.Id.Type, random.NextInt(200)), new Probe(random.NextInt(1000), context.Step));
        }
        if (random.Chance(0.02))
        {
            context.Create(new ActorId(context.Id.Type, 1000 + random.NextInt(100)), new Probe(1, context.Step));
        }
        var mood = random.NextDouble();
        if (mood < 0.2)
        {
            context.SleepUntil(context.Step + 1 + random.NextInt(6));
        }
        else if (mood < 0.3)
        {
            context.Halt();
        }
    };

    private static Actor<Probe> Copy(Action<ScriptedActor, ActorContext<Probe>> script, Actor<Probe> grain)
    {
        var original = (ScriptedActor)grain;
        var copy = new ScriptedActor(script) { Total = original.Total };
        copy.Received.AddRange(original.Received);
        copy.TurnSteps.AddRange(original.TurnSteps);
        return copy;
    }

    private static GrainRuntime<Probe> Fork(TestWorld world, GrainRuntime<Probe> runtime, Action<ScriptedActor, ActorContext<Probe>> script) =>
        runtime.Fork(world.Types, (_, grain) => Copy(script, grain));

    [Theory]
    [InlineData(1, 1, 0)]
    [InlineData(1, 1, 17)]
    [InlineData(2, 16, 17)]
    [InlineData(2, 7, 1)]
    [InlineData(4, 16, 39)]
    [InlineData(1, 3, 40)]
    public void K_steps_then_a_fork_then_the_rest_give_the_hash_of_the_whole_run(int threads, int partitions, int k)
    {
        const int N = 40;
        var world = new TestWorld(Gossip);
        using var reference = world.Build(grains: 200, threads: 1, partitions: 1, seed: 11);
        reference.Run(N);

        using var original = world.Build(grains: 200, threads: threads, partitions: partitions, seed: 11);
        original.Run(k);
        using var fork = Fork(world, original, Gossip);
        Assert.Equal(k, fork.Step);
        Assert.Equal(original.GrainCount, fork.GrainCount);
        Assert.Equal(original.PendingMessages, fork.PendingMessages);
        Assert.Equal(original.ComputeResultHash(), fork.ComputeResultHash());
        Assert.Equal((threads, partitions, 11UL), (fork.Threads, fork.PartitionCount, fork.Seed));

        fork.Run(N - k);
        Assert.Equal(reference.GrainCount, fork.GrainCount);
        Assert.Equal(reference.ComputeResultHash(), fork.ComputeResultHash());

        // The original, stepped on after the fork, reaches the same end on its own.
        original.Run(N - k);
        Assert.Equal(reference.ComputeResultHash(), original.ComputeResultHash());
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 16)]
    [InlineData(3, 5)]
    public void Boltzmann_model_forked_midway_matches_the_whole_run(int threads, int partitions)
    {
        using var reference = BoltzmannModel.Build(5_000, new RuntimeOptions { Threads = 1, Partitions = 1 }, seed: 5);
        reference.Run(30);

        using var original = BoltzmannModel.Build(5_000, new RuntimeOptions { Threads = threads, Partitions = partitions }, seed: 5);
        original.Run(12);
        using var fork = BoltzmannModel.Fork(original);
        fork.Run(18);
        Assert.Equal(reference.ComputeResultHash(), fork.ComputeResultHash());
        // Coins in flight at the fork were carried over: wealth is conserved in the fork too.
        Assert.Equal(5_000, fork.GrainsInIdentityOrder().Sum(g => ((WealthAgent)g.Grain).Wealth) + fork.PendingMessages);

        original.Run(18);
        Assert.Equal(reference.ComputeResultHash(), original.ComputeResultHash());
    }

    [Fact]
    public void Original_and_fork_evolve_independently()
    {
        using var original = BoltzmannModel.Build(2_000, new RuntimeOptions { Threads = 2, Partitions = 8 }, seed: 9);
        original.Run(10);
        var atFork = original.ComputeResultHash();
        using var fork = BoltzmannModel.Fork(original);

        var id = original.GrainsInIdentityOrder()[0].Id;
        Assert.True(original.TryGetGrain(id, out var mine));
        Assert.True(fork.TryGetGrain(id, out var theirs));
        Assert.NotSame(mine, theirs);

        fork.Run(15);
        Assert.Equal(10, original.Step);
        Assert.Equal(atFork, original.ComputeResultHash());
        var forkAt25 = fork.ComputeResultHash();

        original.Run(3);
        Assert.Equal(25, fork.Step);
        Assert.Equal(forkAt25, fork.ComputeResultHash());
        Assert.NotEqual(atFork, original.ComputeResultHash());
    }

    [Fact]
    public void Host_posts_and_the_post_sequence_are_carried_over()
    {
        var world = new TestWorld((grain, context) => { });
        using var original = world.Build(grains: 3);
        original.Run(2);
        original.Post(world.Id(0), new Probe(5, -1));
        original.Post(world.Id(0), new Probe(6, -1));
        using var fork = Fork(world, original, (_, _) => { });
        Assert.Equal(2, fork.PendingMessages);

        // Both post once more: the fork numbers its post after the two it inherited.
        original.Post(world.Id(0), new Probe(7, -1));
        fork.Post(world.Id(0), new Probe(7, -1));
        original.RunStep();
        fork.RunStep();
        var received = TestWorld.Grain(fork, world.Id(0)).Received;
        Assert.Equal([(2L, 0, 5L), (2L, 1, 6L), (2L, 2, 7L)], received.Select(r => (r.Step, r.Sequence, r.Message.Value)));
        Assert.Equal(original.ComputeResultHash(), fork.ComputeResultHash());
        Assert.Equal(3, TestWorld.Grain(original, world.Id(0)).Received.Count);
    }

    [Fact]
    public void Sleeping_and_halted_grains_keep_their_wake_ups_in_the_fork()
    {
        Action<ScriptedActor, ActorContext<Probe>> script = (grain, context) =>
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
        using var original = world.Build(grains: 2);
        original.Run(4);
        using var fork = Fork(world, original, script);
        fork.Run(6);
        Assert.Equal([0L, 3L, 6L, 9L], TestWorld.Grain(fork, world.Id(0)).TurnSteps);
        Assert.Equal([0L], TestWorld.Grain(fork, world.Id(1)).TurnSteps);
        Assert.Equal([0L, 3L], TestWorld.Grain(original, world.Id(0)).TurnSteps);
    }

    [Fact]
    public void A_failed_run_cannot_be_forked()
    {
        var world = new TestWorld((grain, context) =>
        {
            if (context.Step == 2)
            {
                throw new InvalidOperationException("boom");
            }
        });
        using var runtime = world.Build(grains: 2);
        Assert.Throws<ActorFailedException>(() => runtime.Run(5));
        var error = Assert.Throws<InvalidOperationException>(() => runtime.Fork(world.Types, (_, grain) => grain));
        Assert.Contains("cannot be forked", error.Message);
    }

    [Fact]
    public void A_clone_must_be_a_grain_of_its_own()
    {
        var world = new TestWorld((grain, context) => { });
        using var runtime = world.Build(grains: 2);
        runtime.Run(1);
        var error = Assert.Throws<InvalidOperationException>(() => runtime.Fork(world.Types, (_, grain) => grain));
        Assert.Contains("the grain itself", error.Message);
    }
}
