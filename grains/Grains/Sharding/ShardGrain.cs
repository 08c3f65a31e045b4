using GbaSim.Contracts;
using GbaSim.Grains.Storage;
using Orleans.Placement;
using Orleans.Runtime;
using GbaSim.Grains.Telemetry;
using Microsoft.Extensions.Logging;

namespace GbaSim.Grains.Sharding;

/// <summary>
/// Hosts one shard of a run (see <see cref="IShardGrain"/>). Its actors are plain objects in the
/// shard's arrays; Orleans carries the batches between shards, places shards on silos and keeps
/// a shard's turns single-threaded. The grain stays active until the run lets it go, because
/// its actors exist nowhere else. Immovable: the rebalancer and repartitioner must not move a
/// shard, since its actors would go through a deactivation they cannot survive and the even
/// spread of <see cref="ShardPlacement"/> would be lost.
/// </summary>
[ShardPlacement]
[Immovable]
public sealed partial class ShardGrain(
    IEnumerable<IShardModelFactory> models,
    HostedRuns hosted,
    CheckpointGate gate,
    [PersistentState(CheckpointStorage.ShardState, CheckpointStorage.ProviderName)] IPersistentState<ShardCheckpoint> checkpoint,
    [PersistentState(CheckpointStorage.ShardState + "-alternate", CheckpointStorage.ProviderName)] IPersistentState<ShardCheckpoint> alternate,
    ILogger<ShardGrain> logger) : Grain, IShardGrain
{
    private IShardEngine? _engine;
    private IShardGrain[] _peers = [];
    private ShardStepReport? _last;
    private long? _attempt;

    public Task Initialize(ShardSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        if (_engine is not null)
        {
            return _engine.Setup == setup ? Task.CompletedTask : throw new InvalidOperationException($"Shard {this.GetPrimaryKeyString()} is already set up for another run.");
        }
        Adopt(Factory(setup).Create(setup));
        return Task.CompletedTask;
    }

    public async Task<string> Checkpoint(long nextStep, long committed, long attempt)
    {
        var engine = Engine();
        RefuseEarlierAttempt(nextStep, attempt);
        if (engine.NextStep != nextStep)
        {
            throw new InvalidOperationException($"Shard {this.GetPrimaryKeyString()} is at step {engine.NextStep}, not {nextStep}, and cannot keep a checkpoint for it.");
        }
        return await gate.OneAtATime(async () =>
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var slot = SlotFor(nextStep, committed);
            slot.State = new ShardCheckpoint { Setup = engine.Setup, NextStep = nextStep, Snapshot = engine.Snapshot() };
            try
            {
                await slot.WriteStateAsync();
                LogCheckpointed(logger, this.GetPrimaryKeyString(), nextStep, slot.State.Snapshot.Length, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(slot.State.Snapshot));
            }
            finally
            {
                // The snapshot lives in storage now (or failed to); holding it here too would double the shard's memory.
                slot.State.Snapshot = [];
            }
        });
    }

    public async Task<string> Restore(ShardSetup setup, long nextStep, long attempt)
    {
        ArgumentNullException.ThrowIfNull(setup);
        if (_attempt is { } current && attempt < current)
        {
            throw new SupersededStepException($"Shard {this.GetPrimaryKeyString()} was restored by a later attempt at its run; the earlier one is refused.");
        }
        var hash = "";
        var restored = nextStep == 0 ? Factory(setup).Create(setup) : await FromCheckpoint(setup, nextStep, h => hash = h);
        if (_engine is not null)
        {
            hosted.Remove(_engine);
        }
        _engine = null;
        _last = null;
        _attempt = attempt;
        Adopt(restored);
        LogRestored(logger, this.GetPrimaryKeyString(), nextStep, RuntimeIdentity);
        return hash;
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

    public async Task<ShardStepReport> Step(long step, long attempt)
    {
        var engine = Engine();
        RefuseEarlierAttempt(step, attempt);
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

    public Task Exchange(long step, long attempt)
    {
        var engine = Engine();
        RefuseEarlierAttempt(step, attempt);
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
                RunTelemetry.EnvelopesExchanged(engine.Setup.Index, destination, batch.Count);
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

    public async Task<string?> Inspect(string type, string key)
    {
        if (_engine is not null)
        {
            return await _engine.Inspect(type, key, GrainFactory);
        }
        // A released shard answers from the newest state it kept; it is read for the answer and not held.
        await Task.WhenAll(checkpoint.ReadStateAsync(), alternate.ReadStateAsync());
        var newest = checkpoint.State.NextStep >= alternate.State.NextStep ? checkpoint.State : alternate.State;
        if (newest is not { Setup: { } setup, NextStep: > 0 })
        {
            return null;
        }
        var engine = await FromCheckpoint(setup, newest.NextStep);
        return await engine.Inspect(type, key, GrainFactory);
    }

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

    public async Task Forget()
    {
        await checkpoint.ClearStateAsync();
        await alternate.ClearStateAsync();
        await Release();
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
                RunTelemetry.EnvelopesExchanged(engine.Setup.Index, destination, batch.Count);
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

    private IShardModelFactory Factory(ShardSetup setup) => models.FirstOrDefault(m => m.Builds(setup.Model))
        ?? throw new InvalidOperationException($"This silo cannot host models of kind {setup.Model.GetType().Name}.");

    /// <summary>
    /// The slot a checkpoint for <paramref name="nextStep"/> goes to: the one that already holds
    /// that step, else one that does not hold the run's committed checkpoint, which must survive
    /// until this one is committed in its place.
    /// </summary>
    private IPersistentState<ShardCheckpoint> SlotFor(long nextStep, long committed) =>
        checkpoint.State.NextStep == nextStep ? checkpoint
        : alternate.State.NextStep == nextStep ? alternate
        : checkpoint.State.NextStep == committed ? alternate
        : alternate.State.NextStep == committed ? checkpoint
        : checkpoint.State.NextStep <= alternate.State.NextStep ? checkpoint : alternate;

    /// <summary>The engine as the shard's checkpoint for <paramref name="nextStep"/> keeps it.</summary>
    private async Task<IShardEngine> FromCheckpoint(ShardSetup setup, long nextStep, Action<string>? hashed = null)
    {
        await Task.WhenAll(checkpoint.ReadStateAsync(), alternate.ReadStateAsync());
        var kept = new[] { checkpoint.State, alternate.State }.FirstOrDefault(k => k.Setup is { } s && k.NextStep == nextStep && s.RunKey == setup.RunKey && s.Index == setup.Index && s.Count == setup.Count)
            ?? throw new InvalidOperationException($"Shard {this.GetPrimaryKeyString()} has no checkpoint for step {nextStep} (it keeps steps {checkpoint.State.NextStep} and {alternate.State.NextStep}).");
        try
        {
            hashed?.Invoke(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(kept.Snapshot)));
            return Factory(setup).Restore(setup, kept.Snapshot);
        }
        finally
        {
            checkpoint.State.Snapshot = [];
            alternate.State.Snapshot = [];
        }
    }

    /// <summary>
    /// A shard answers the latest attempt at its run and refuses an older one's calls (Orleans may
    /// still deliver them, and a silo's death can briefly leave two drivers). A later attempt that
    /// restored the other shards is taken up: both restored from the same committed checkpoint, and
    /// a step that does not follow on fails that attempt into another restore.
    /// </summary>
    private void RefuseEarlierAttempt(long step, long attempt)
    {
        if (_attempt is { } current && attempt < current)
        {
            throw new SupersededStepException($"Shard {this.GetPrimaryKeyString()} was restored by a later attempt after step {step} was sent; that step is refused.");
        }
        _attempt = attempt;
    }

    private IShardEngine Engine() => _engine
        ?? throw new RequestRejectedException(RejectionKind.NotFound, $"Shard {this.GetPrimaryKeyString()} holds no actors: its run has not set it up or has released it.");

    [LoggerMessage(Level = LogLevel.Debug, Message = "Shard {Shard} kept its checkpoint for step {Step} ({Bytes} bytes) in {Milliseconds:F0} ms.")]
    private static partial void LogCheckpointed(ILogger logger, string shard, long step, int bytes, double milliseconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Shard {Shard} restored to step {Step} on silo {Silo}.")]
    private static partial void LogRestored(ILogger logger, string shard, long step, string silo);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Shard {Shard} released its actors.")]
    private static partial void LogReleased(ILogger logger, string shard);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shard {Shard} deactivated while holding actors ({Reason}); its run can no longer go on.")]
    private static partial void LogLostActors(ILogger logger, string shard, string reason);
}
