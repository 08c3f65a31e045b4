using GbaSim.Kernel.Actors;
using GbaSim.Kernel.Shards;

namespace GbaSim.Tests.Kernel;

/// <summary>Turns run in identity order whatever order actors joined in, so each outbox is one presorted run.</summary>
public sealed class TurnOrderTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Outbox_lists_senders_in_identity_order_when_actors_joined_out_of_order(bool inTurns)
    {
        // Every actor mails actor 0; keys join high first, then low ones, then a new one per step by activation.
        Action<ScriptedActor, ActorContext<Probe>> script = (actor, context) =>
        {
            context.Send(new(context.Id.Type, 0), new Probe(context.Id.Key, context.Step));
            context.Send(new(context.Id.Type, 0), new Probe(-context.Id.Key, context.Step));
            if (context.Id.Key < 100 && context.Step < 3)
            {
                context.Create(new(context.Id.Type, 50 - context.Step - (10 * context.Id.Key)), new Probe(0, context.Step));
            }
        };
        var world = new TestWorld(script);
        var shard = new Shard<Probe>(0, 1, world.Types, seed: 5);
        foreach (var key in new long[] { 300, 200, 100, 7, 3, 0 })
        {
            shard.Add(world.Id(key), new ScriptedActor(script));
        }

        for (var step = 0; step < 4; step++)
        {
            if (inTurns)
            {
                var turns = new ActorTurns<Probe>(world.Types, seed: 5);
                foreach (var slot in shard.BeginStep(step).ToArray())
                {
                    var (id, actor, inbox) = shard.TurnOf(slot);
                    var outcome = turns.Run(id, actor, step, inbox.ToArray());
                    shard.CompleteTurn(slot, step, outcome.Sent.Items, outcome.Halted, outcome.WakeStep);
                }
                shard.EndStep(step);
            }
            else
            {
                shard.RunStep(step);
            }

            var sent = shard.OutboxTo(0).Items.ToArray();
            Assert.True(sent.Length > 12, $"step {step} sent only {sent.Length}");
            Assert.Equal(sent.OrderBy(e => e.Sender).ThenBy(e => e.Sequence).Select(e => (e.Sender, e.Sequence)), sent.Select(e => (e.Sender, e.Sequence)));
        }
        Assert.True(shard.ActorCount > 10, $"only {shard.ActorCount} actors joined");
    }
}
