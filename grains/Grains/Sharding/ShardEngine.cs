using System.Diagnostics;
using GbaSim.Contracts;
using GbaSim.Contracts.Runs;
using GbaSim.Grains.Entities;
using GbaSim.Kernel.Actors;
using GbaSim.Kernel.Identity;
using GbaSim.Kernel.Shards;
using GbaSim.Kernel.Snapshots;
using GbaSim.Kernel.State;

namespace GbaSim.Grains.Sharding;

/// <summary>
/// A shard of a run of model <typeparamref name="TMessage"/>: the kernel's <see cref="Shard{TMessage}"/>
/// with the actors that hash here, and what the model adds around it (reports after each step,
/// names, forks). With granularity entity the shard keeps stand-ins and every turn runs in the
/// actor's own grain; delivery, routing and the canonical order stay here, so results do not change.
/// </summary>
internal sealed class ShardEngine<TMessage> : IShardEngine
    where TMessage : unmanaged
{
    private readonly IShardModel<TMessage> _model;
    private readonly Shard<TMessage> _shard;
    private readonly ActorId[] _reporting;
    private readonly bool _entities;

    public ShardEngine(ShardSetup setup, IShardModel<TMessage> model)
        : this(setup, model, NewShard(setup, model))
    {
        var initial = _model.InitialActors().Where(_shard.Owns).Order().ToArray();
        foreach (var id in initial)
        {
            _shard.Add(id, _entities ? ElsewhereActor<TMessage>.Instance : _model.ActorFor(id));
        }
        _reporting = initial.Where(_model.Reports).ToArray();
    }

    private ShardEngine(ShardSetup setup, IShardModel<TMessage> model, Shard<TMessage> shard)
    {
        Setup = setup;
        _model = model;
        _shard = shard;
        _entities = setup.Granularity == Granularity.Entity;
        _reporting = [];
    }

    private ShardEngine(ShardSetup setup, IShardModel<TMessage> model, Shard<TMessage> shard, ActorId[] reporting)
        : this(setup, model, shard) => _reporting = reporting;

    public ShardSetup Setup { get; }

    public long NextStep => _shard.NextStep;

    public ShardStepReport RunStep(long step)
    {
        var started = Stopwatch.GetTimestamp();
        var counts = _shard.RunStep(step);
        var reports = _shard.Failure is null ? Reports() : [];
        return Outcome(step, counts, reports, started);
    }

    public async Task<ShardStepReport> RunStepInEntities(long step, IGrainFactory grains)
    {
        var started = Stopwatch.GetTimestamp();
        var slots = _shard.BeginStep(step).ToArray();
        var turns = new Task<ActorTurnResult>[slots.Length];
        for (var i = 0; i < slots.Length; i++)
        {
            var (id, _, inbox) = _shard.TurnOf(slots[i]);
            turns[i] = Entity(grains, id).Turn(step, id.Type.Code, id.Key, EnvelopeBatch.Of(inbox));
        }
        for (var i = 0; i < slots.Length; i++)
        {
            try
            {
                var result = await turns[i];
                _shard.CompleteTurn(slots[i], step, result.Sent.As<TMessage>().Span, result.Halted, result.WakeStep);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _shard.FailTurn(slots[i], step, ex);
            }
        }
        var counts = _shard.EndStep(step);
        var reports = new List<ActorReport>();
        if (_shard.Failure is null)
        {
            foreach (var id in _reporting)
            {
                reports.Add(await Entity(grains, id).Report() ?? throw new InvalidOperationException($"{_model.Types.Describe(id)} did not report."));
            }
        }
        return Outcome(step, counts, reports, started);
    }

    public EnvelopeBatch? OutboxTo(int destination)
    {
        var outbox = _shard.OutboxTo(destination);
        return outbox.Count == 0 ? null : EnvelopeBatch.Of(outbox.Memory);
    }

    public void Receive(long sentInStep, int source, EnvelopeBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        _shard.Receive(sentInStep, source, batch.As<TMessage>());
    }

    public Task ReleaseEntities(IGrainFactory grains) =>
        _entities ? Task.WhenAll(_shard.ActorsInIdentityOrder().Select(a => Entity(grains, a.Id).Release())) : Task.CompletedTask;

    public async Task<StateDigest> Digest(IGrainFactory grains)
    {
        var actors = _shard.ActorsInIdentityOrder();
        if (!_entities)
        {
            return StateDigest.Of(actors);
        }
        var parts = await Task.WhenAll(actors.Select(a => Entity(grains, a.Id).Digest()));
        var ids = actors.Select(a => a.Id).ToArray();
        var ends = new int[ids.Length];
        var bytes = new MemoryStream();
        for (var i = 0; i < parts.Length; i++)
        {
            bytes.Write(parts[i].Bytes);
            ends[i] = (int)bytes.Length;
        }
        return new StateDigest(ids, ends, bytes.ToArray());
    }

    public async Task<string?> Inspect(string type, string key, IGrainFactory grains)
    {
        if (!_model.TryFind(type, key, out var id) || !_shard.TryGet(id, out var actor))
        {
            return null;
        }
        return _entities
            ? await Entity(grains, id).Inspect()
            : ActorStateJson.Write(id, actor, _model.Types, _shard.NextStep);
    }

    public IShardEngine Fork(ShardSetup branch)
    {
        ArgumentNullException.ThrowIfNull(branch);
        if (_entities)
        {
            throw new RequestRejectedException(RejectionKind.BadArgument, "Only runs of granularity shard can fork; run the experiment with granularity shard.");
        }
        if (branch.Index != Setup.Index || branch.Count != Setup.Count || branch.Seed != Setup.Seed)
        {
            throw new ArgumentException("A branch's shard takes the place of the same shard of its past, with the same seed.", nameof(branch));
        }
        var (model, clone) = _model.ForVariant(branch.Model);
        var shard = _shard.Fork(model.Types, clone);
        var reporting = Reporting(model, shard);
        foreach (var id in reporting.Where(id => !shard.TryGet(id, out _)))
        {
            // Actors the variant adds (its own policies) start as new, as they would have.
            shard.Add(id, model.ActorFor(id));
        }
        return new ShardEngine<TMessage>(branch, model, shard, reporting);
    }

    public byte[] Snapshot()
    {
        if (_entities)
        {
            throw new RequestRejectedException(RejectionKind.BadArgument, "Only runs of granularity shard keep checkpoints; their actors live here, not in grains of their own.");
        }
        var writer = new SnapshotWriter();
        _shard.Save(writer, _model);
        return writer.ToArray();
    }

    /// <summary>A shard as <see cref="Snapshot"/> kept it, with the model of its run.</summary>
    public static ShardEngine<TMessage> Restore(ShardSetup setup, IShardModel<TMessage> model, ReadOnlyMemory<byte> snapshot)
    {
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(model);
        if (setup.Granularity == Granularity.Entity)
        {
            throw new ArgumentException("Only runs of granularity shard keep checkpoints.", nameof(setup));
        }
        var shard = Shard<TMessage>.Load(setup.Index, setup.Count, model.Types, setup.Seed, new SnapshotReader(snapshot), model);
        return new ShardEngine<TMessage>(setup, model, shard, Reporting(model, shard));
    }

    public IHostedActor Host(int actorType, long actorKey)
    {
        var id = new ActorId(new ActorType(actorType), actorKey);
        return new HostedActor<TMessage>(id, _model.ActorFor(id), _model, Setup.Seed);
    }

    private IActorGrain Entity(IGrainFactory grains, ActorId id)
    {
        var name = _model.Types.Describe(id);
        var slash = name.IndexOf('/', StringComparison.Ordinal);
        return grains.GetGrain<IActorGrain>(Contracts.Entities.IEntityGrain.KeyOf(Setup.RunKey, name[..slash], name[(slash + 1)..]));
    }

    private IReadOnlyList<ActorReport> Reports()
    {
        if (_reporting.Length == 0)
        {
            return [];
        }
        var reports = new List<ActorReport>(_reporting.Length);
        foreach (var id in _reporting)
        {
            if (_shard.TryGet(id, out var actor))
            {
                reports.Add(_model.Report(id, actor));
            }
        }
        return reports;
    }

    private ShardStepReport Outcome(long step, ShardStepCounts counts, IReadOnlyList<ActorReport> reports, long started)
    {
        var failure = _shard.Failure;
        return new ShardStepReport(
            Setup.Index,
            step,
            counts.Turns,
            counts.Delivered,
            counts.Activations,
            Stopwatch.GetElapsedTime(started).TotalSeconds,
            reports,
            failure?.Describe(_model.Types),
            failure is null ? null : (failure.Actor.Type.Code, failure.Actor.Key));
    }

    private static ActorId[] Reporting(IShardModel<TMessage> model, Shard<TMessage> shard) =>
        model.InitialActors().Where(shard.Owns).Where(model.Reports).Order().ToArray();

    private static Shard<TMessage> NewShard(ShardSetup setup, IShardModel<TMessage> model)
    {
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(model);
        var types = setup.Granularity == Granularity.Entity ? model.Types.WithFactory(_ => ElsewhereActor<TMessage>.Instance) : model.Types;
        return new Shard<TMessage>(setup.Index, setup.Count, types, setup.Seed);
    }
}
