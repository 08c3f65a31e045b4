using GbaSim.Grains.Sharding;
using GbaSim.Kernel.Actors;
using GbaSim.Kernel.Identity;
using GbaSim.Kernel.Messaging;
using GbaSim.Kernel.State;

namespace GbaSim.Grains.Entities;

/// <summary>An actor of model <typeparamref name="TMessage"/> in a grain of its own: the same turns, random stream and reports as in a shard.</summary>
internal sealed class HostedActor<TMessage>(ActorId id, Actor<TMessage> actor, IShardModel<TMessage> model, ulong seed) : IHostedActor
    where TMessage : unmanaged
{
    private readonly ActorTurns<TMessage> _turns = new(model.Types, seed);

    public ActorTurnResult Turn(long step, EnvelopeBatch inbox)
    {
        ArgumentNullException.ThrowIfNull(inbox);
        var outcome = _turns.Run(id, actor, step, inbox.As<TMessage>().ToArray());
        return new ActorTurnResult(EnvelopeBatch.Of(outcome.Sent.Memory), outcome.Halted, outcome.WakeStep);
    }

    public ActorReport? Report() => model.Reports(id) ? model.Report(id, actor) : null;

    public StateDigest Digest() => StateDigest.Of<TMessage>([(id, actor)]);

    public string Inspect(long step) => ActorStateJson.Write(id, actor, model.Types, step);
}
