using GbaSim.Kernel.Actors;
using GbaSim.Kernel.Identity;
using GbaSim.Kernel.Shards;
using GbaSim.Kernel.State;

namespace GbaSim.Tests.Kernel;

/// <summary>
/// The shards of one run stepped as a barrier in this process, the way shard grains are stepped on
/// Orleans (see ShardEngine and ShardGrain): every shard runs step t, then hands each other shard
/// the batch it sent there. Turns run inside the shards, or one at a time through
/// <see cref="ActorTurns{TMessage}"/> as entity grains run them.
/// </summary>
public sealed class ShardedRun<TMessage>
    where TMessage : unmanaged
{
    private readonly Shard<TMessage>[] _shards;

    public ShardedRun(ActorTypeRegistry<TMessage> types, int shards, ulong seed, bool parallel = false)
        : this(Enumerable.Range(0, shards).Select(i => new Shard<TMessage>(i, shards, types, seed)).ToArray(), parallel)
    {
    }

    private ShardedRun(Shard<TMessage>[] shards, bool parallel)
    {
        _shards = shards;
        Parallel = parallel;
    }

    public IReadOnlyList<Shard<TMessage>> Shards => _shards;

    /// <summary>Whether shards step on pool threads at once (as shard grains do) or one after another here.</summary>
    public bool Parallel { get; }

    public ActorTypeRegistry<TMessage> Types => _shards[0].Types;

    /// <summary>The next step to run, which is also the number of steps run.</summary>
    public long Step => _shards[0].NextStep;

    public int ActorCount => _shards.Sum(s => s.ActorCount);

    /// <summary>The failure of the lowest actor among the shards' failures, as the run grain reports it; null while all is well.</summary>
    public ActorFailure? Failure => _shards.Select(s => s.Failure).Where(f => f is not null).MinBy(f => f!.Actor);

    public Shard<TMessage> ShardOf(ActorId id) => _shards[id.ShardOf(_shards.Length)];

    public void Add(ActorId id, Actor<TMessage> actor) => ShardOf(id).Add(id, actor);

    public void Post(ActorId target, in TMessage message) => ShardOf(target).Post(target, message);

    public bool TryGet(ActorId id, out Actor<TMessage> actor) => ShardOf(id).TryGet(id, out actor);

    /// <summary>Runs one step on every shard, then exchanges what they sent; returns the counts summed over shards.</summary>
    public ShardStepCounts RunStep()
    {
        var step = Step;
        return Exchange(step, Each(shard => shard.RunStep(step)));
    }

    /// <summary>Runs one step with every turn run outside its shard, one actor at a time, as entity grains run them.</summary>
    public ShardStepCounts RunStepInTurns()
    {
        var step = Step;
        return Exchange(step, Each(shard => TurnByTurn(shard, step)));
    }

    /// <summary>Runs up to <paramref name="steps"/> steps, stopping after a step that failed; returns that failure, if any.</summary>
    public ActorFailure? Run(int steps, bool inTurns = false)
    {
        for (var i = 0; i < steps && Failure is null; i++)
        {
            _ = inTurns ? RunStepInTurns() : RunStep();
        }
        return Failure;
    }

    public string ResultHash() => GbaSim.Kernel.State.ResultHash.Of(_shards.Select(s => StateDigest.Of(s.ActorsInIdentityOrder())).ToArray());

    /// <summary>Every actor of every shard, in identity order.</summary>
    public (ActorId Id, Actor<TMessage> Actor)[] ActorsInIdentityOrder() => _shards.SelectMany(s => s.ActorsInIdentityOrder()).OrderBy(a => a.Id).ToArray();

    /// <summary>A fork of every shard, between steps, stepped the same way.</summary>
    public ShardedRun<TMessage> Fork(ActorTypeRegistry<TMessage> types, Func<ActorId, Actor<TMessage>, Actor<TMessage>> clone) =>
        new(_shards.Select(s => s.Fork(types, clone)).ToArray(), Parallel);

    private ShardStepCounts[] Each(Func<Shard<TMessage>, ShardStepCounts> step)
    {
        var counts = new ShardStepCounts[_shards.Length];
        if (Parallel)
        {
            System.Threading.Tasks.Parallel.For(0, _shards.Length, i => counts[i] = step(_shards[i]));
        }
        else
        {
            for (var i = 0; i < _shards.Length; i++)
            {
                counts[i] = step(_shards[i]);
            }
        }
        return counts;
    }

    private ShardStepCounts Exchange(long sentInStep, ShardStepCounts[] counts)
    {
        for (var source = 0; source < _shards.Length; source++)
        {
            for (var destination = 0; destination < _shards.Length; destination++)
            {
                var outbox = _shards[source].OutboxTo(destination);
                if (destination != source && outbox.Count > 0)
                {
                    _shards[destination].Receive(sentInStep, source, outbox.Memory);
                }
            }
        }
        return new ShardStepCounts(counts.Sum(c => c.Turns), counts.Sum(c => c.Delivered), counts.Sum(c => c.Activations));
    }

    private static ShardStepCounts TurnByTurn(Shard<TMessage> shard, long step)
    {
        var turns = new ActorTurns<TMessage>(shard.Types, shard.Seed);
        foreach (var slot in shard.BeginStep(step).ToArray())
        {
            var (id, actor, inbox) = shard.TurnOf(slot);
            try
            {
                var outcome = turns.Run(id, actor, step, inbox.ToArray());
                shard.CompleteTurn(slot, step, outcome.Sent.Items, outcome.Halted, outcome.WakeStep);
            }
            catch (Exception ex)
            {
                shard.FailTurn(slot, step, ex);
            }
        }
        return shard.EndStep(step);
    }
}
