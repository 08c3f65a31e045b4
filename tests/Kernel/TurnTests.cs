using System.Collections.Concurrent;
using GbaSim.Kernel.Actors;
using GbaSim.Kernel.Identity;
using GbaSim.Kernel.Messaging;

namespace GbaSim.Tests.Kernel;

public sealed class TurnTests
{
    [Fact]
    public void An_actor_never_runs_concurrently_with_itself_and_runs_once_per_step_while_shards_step_in_parallel()
    {
        var inTurn = new ConcurrentDictionary<long, int>();
        var overlaps = 0;
        var world = new TestWorld((actor, context) =>
        {
            if (inTurn.AddOrUpdate(context.Id.Key, 1, (_, n) => n + 1) != 1)
            {
                Interlocked.Increment(ref overlaps);
            }
            Thread.SpinWait(200);
            // Everyone mails actor 0 and its neighbour, so actor 0 gets mail from every shard each step.
            context.Send(new(context.Id.Type, 0), new Probe(1, context.Step));
            context.Send(new(context.Id.Type, (context.Id.Key + 1) % 64), new Probe(1, context.Step));
            inTurn.AddOrUpdate(context.Id.Key, 0, (_, n) => n - 1);
        });
        var run = world.Build(actors: 64, shards: 16, parallel: true);
        run.Run(20);

        Assert.Equal(0, overlaps);
        var hub = TestWorld.Actor(run, world.Id(0));
        Assert.Equal(20, hub.TurnSteps.Count);
        Assert.Equal(19 * 65, hub.Received.Count);
    }

    [Fact]
    public void ActorTurns_runs_a_turn_on_the_inbox_given_and_collects_what_it_sent_and_whether_it_sleeps()
    {
        var world = new TestWorld((actor, context) =>
        {
            context.Send(new(context.Id.Type, 7), new Probe(actor.Received.Count, context.Step));
            context.Send(new(context.Id.Type, 8), new Probe(-1, context.Step));
            context.SleepUntil(context.Step + 2);
        });
        var turns = new ActorTurns<Probe>(world.Types, seed: 3);
        var actor = (ScriptedActor)world.Types.Activate(world.Id(5));
        var inbox = new[] { new Envelope<Probe>(world.Id(5), ActorId.System, 0, new Probe(4, -1)), new Envelope<Probe>(world.Id(5), world.Id(9), 0, new Probe(6, 3)) };

        var outcome = turns.Run(world.Id(5), actor, 4, inbox);

        Assert.Equal([(4L, 4L), (4L, 6L)], actor.Received.Select(r => (r.Step, r.Message.Value)));
        Assert.Equal([(world.Id(7), world.Id(5), 0, 2L), (world.Id(8), world.Id(5), 1, -1L)],
            outcome.Sent.Items.ToArray().Select(e => (e.Target, e.Sender, e.Sequence, e.Message.Value)));
        Assert.Equal((true, 6L), (outcome.Halted, outcome.WakeStep));

        // The next turn starts afresh: its own sends only, numbered from 0, and awake unless it says otherwise.
        var next = turns.Run(world.Id(6), new ScriptedActor((_, _) => { }), 5, []);
        Assert.Equal((0, false), (next.Sent.Count, next.Halted));
    }

    [Fact]
    public void ActorTurns_gives_an_actor_the_random_stream_it_has_in_a_shard()
    {
        var draws = new ConcurrentDictionary<(long Key, long Step), int>();
        var world = new TestWorld((actor, context) => draws[(context.Id.Key, context.Step)] = context.Random.NextInt(1_000_000));
        var run = world.Build(actors: 3, shards: 2, seed: 42);
        run.Run(3);
        var inShards = draws.ToDictionary();
        draws.Clear();

        var turns = new ActorTurns<Probe>(world.Types, seed: 42);
        for (var step = 0; step < 3; step++)
        {
            for (var key = 0; key < 3; key++)
            {
                turns.Run(world.Id(key), world.Types.Activate(world.Id(key)), step, []);
            }
        }

        Assert.Equal(9, inShards.Count);
        Assert.Equal(inShards.OrderBy(d => d.Key), draws.ToDictionary().OrderBy(d => d.Key));
    }
}
