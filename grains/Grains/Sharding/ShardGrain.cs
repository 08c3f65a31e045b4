using GbaSim.Contracts;
using GbaSim.Grains.Telemetry;
using Microsoft.Extensions.Logging;

namespace GbaSim.Grains.Sharding;

/// <summary>
/// Hosts one shard of a run (see <see cref="IShardGrain"/>). Its actors are plain objects in the
/// shard's arrays; Orleans carries the batches between shards, places shards on silos and keeps
/// a shard's turns single-threaded. The grain stays active until the run lets it go, because
/// its actors exist nowhere else.
/// </summary>
[ShardPlacement]
public sealed partial class ShardGrain(IEnumerable<IShardModelFactory> models, HostedRuns hosted, ILogger<ShardGrain> logger) : Grain, IShardGrain
{
    private IShardEngine? _engine;
    private IShardGrain[] _peers = [];
    private ShardStepReport? _last;

    public Task Initialize(ShardSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        if (_engine is not null)
        {
            return _engine.Setup == setup ? Task.CompletedTask : throw new InvalidOperationException($"Shard {this.GetPrimaryKeyString()} is already set up for another run.");
        }
        var factory = models.FirstOrDefault(m => m.Builds(setup.Model))
            ?? throw new InvalidOperationException($"This silo cannot host models of kind {setup.Model.GetType().Name}.");
        Adopt(factory.Create(setup));
        return Task.CompletedTask;
    }

    public async Task ForkFrom(string pastRunKey, ShardSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        if (_engine is not null)
        {
            if (_engine.Setup == setup)
            {
                return;
            }
            throw new InvalidOperationException($"Shard {this.GetPrimaryKeyString()} is already set up.");
        }
        var past = hosted.Shard(pastRunKey, setup.Index)
            ?? throw new RequestRejectedException(RejectionKind.Unavailable,
                $"Shard {setup.Index} of run {pastRunKey} is not on this silo, so run {setup.RunKey} cannot branch from it here.");
        Adopt(past.Fork(setup));
        await Task.CompletedTask;
    }

    public async Task<ShardStepReport> Step(long step)
    {
        var engine = Engine();
        if (_last is { } last && last.Step == step)
        {
            return last;
        }
        using var span = RunTelemetry.StartShardStep(engine.Setup.Index, step);
        var report = engine.Setup.Granularity == Contracts.Runs.Granularity.Entity
            ? await engine.RunStepInEntities(step, GrainFactory)
            : engine.RunStep(step);
        if (span is { IsAllDataRequested: true })
        {
            span.SetTag(RunTelemetry.Tags.Turns, report.Turns);
            span.SetTag(RunTelemetry.Tags.Delivered, report.Delivered);
        }
        _last = report with { AwaitsExchange = !HandOverLocally(engine, step) };
        return _last;
    }

    public Task Exchange(long step)
    {
        var engine = Engine();
        if (_last?.Step != step)
        {
            throw new InvalidOperationException($"Shard {this.GetPrimaryKeyString()} cannot hand on step {step}: the last step it ran is {_last?.Step.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}.");
        }
        List<Task>? deliveries = null;
        for (var destination = 0; destination < _peers.Length; destination++)
        {
            if (destination != engine.Setup.Index && hosted.Shard(engine.Setup.RunKey, destination) is null && engine.OutboxTo(destination) is { } batch)
            {
                (deliveries ??= []).Add(_peers[destination].Deliver(step, engine.Setup.Index, batch));
            }
        }
        return deliveries is null ? Task.CompletedTask : Task.WhenAll(deliveries);
    }

    public Task Deliver(long sentInStep, int source, EnvelopeBatch batch)
    {
        Engine().Receive(sentInStep, source, batch);
        return Task.CompletedTask;
    }

    public async Task<ShardDigest> Digest() => ShardDigest.From(await Engine().Digest(GrainFactory));

    public Task<string?> Inspect(string type, string key) => _engine is null ? Task.FromResult<string?>(null) : _engine.Inspect(type, key, GrainFactory);

    public async Task Release()
    {
        if (_engine is not null)
        {
            hosted.Remove(_engine);
            await _engine.ReleaseEntities(GrainFactory);
            LogReleased(logger, this.GetPrimaryKeyString());
        }
        _engine = null;
        DeactivateOnIdle();
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_engine is not null)
        {
            hosted.Remove(_engine);
            // A silo that shuts down ends its runs anyway (they are marked interrupted); anything else is a loss worth a warning.
            if (reason.ReasonCode != DeactivationReasonCode.ShuttingDown)
            {
                LogLostActors(logger, this.GetPrimaryKeyString(), reason.Description);
            }
        }
        return base.OnDeactivateAsync(reason, cancellationToken);
    }

    /// <summary>
    /// Hands this step's batches for shards on this silo straight to them, without a grain call:
    /// a batch is immutable and banked by source and step parity, so taking it while the peer
    /// still runs the same step is what <see cref="Deliver"/> does anyway. Returns whether every
    /// batch went, that is whether no shard elsewhere waits for one.
    /// </summary>
    private bool HandOverLocally(IShardEngine engine, long step)
    {
        var all = true;
        for (var destination = 0; destination < _peers.Length; destination++)
        {
            if (destination == engine.Setup.Index || engine.OutboxTo(destination) is not { } batch)
            {
                continue;
            }
            if (hosted.Shard(engine.Setup.RunKey, destination) is { } peer)
            {
                peer.Receive(step, engine.Setup.Index, batch);
            }
            else
            {
                all = false;
            }
        }
        return all;
    }

    private void Adopt(IShardEngine engine)
    {
        _engine = engine;
        _peers = Enumerable.Range(0, engine.Setup.Count)
            .Select(i => GrainFactory.GetGrain<IShardGrain>(ShardSetup.ShardKey(engine.Setup.RunKey, i)))
            .ToArray();
        hosted.Add(engine);
        // The actors live only here: stay active until the run releases the shard.
        DelayDeactivation(TimeSpan.FromDays(3650));
    }

    private IShardEngine Engine() => _engine
        ?? throw new RequestRejectedException(RejectionKind.NotFound, $"Shard {this.GetPrimaryKeyString()} holds no actors: its run has not set it up or has released it.");

    [LoggerMessage(Level = LogLevel.Debug, Message = "Shard {Shard} released its actors.")]
    private static partial void LogReleased(ILogger logger, string shard);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shard {Shard} deactivated while holding actors ({Reason}); its run can no longer go on.")]
    private static partial void LogLostActors(ILogger logger, string shard, string reason);
}
