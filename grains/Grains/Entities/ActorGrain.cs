using GbaSim.Contracts;
using GbaSim.Grains.Sharding;
using Orleans.Placement;

namespace GbaSim.Grains.Entities;

/// <summary>
/// A city, institution or firm of a run of granularity entity, as a grain of its own. It is
/// placed beside the shard that first calls it (which holds the run's model on that silo) and
/// built from the model on its first turn.
/// </summary>
[PreferLocalPlacement]
public sealed class ActorGrain(HostedRuns hosted) : Grain, IActorGrain
{
    private IHostedActor? _actor;
    private long _step = -1;

    public Task<ActorTurnResult> Turn(long step, int actorType, long actorKey, EnvelopeBatch inbox)
    {
        if (_actor is null)
        {
            var runKey = RunKey();
            _actor = hosted.Host(runKey, actorType, actorKey)
                ?? throw new RequestRejectedException(RejectionKind.Unavailable, $"No shard of run {runKey} is on this silo to build {this.GetPrimaryKeyString()} from.");
            DelayDeactivation(TimeSpan.FromDays(3650));
        }
        _step = step;
        return Task.FromResult(_actor.Turn(step, inbox));
    }

    public Task<ActorReport?> Report() => Task.FromResult(Actor().Report());

    public Task<ShardDigest> Digest() => Task.FromResult(ShardDigest.From(Actor().Digest()));

    public Task<string?> Inspect() => Task.FromResult(_actor?.Inspect(_step + 1));

    public Task Release()
    {
        _actor = null;
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    private IHostedActor Actor() => _actor ?? throw new RequestRejectedException(RejectionKind.NotFound, $"{this.GetPrimaryKeyString()} holds no actor.");

    private string RunKey()
    {
        var key = this.GetPrimaryKeyString();
        return key[..key.IndexOf('/', StringComparison.Ordinal)];
    }
}
