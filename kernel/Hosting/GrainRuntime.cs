using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using GbaSim.Kernel.Actors;
using GbaSim.Kernel.Identity;
using GbaSim.Kernel.Messaging;
using GbaSim.Kernel.Options;
using GbaSim.Kernel.Scheduling;
using GbaSim.Kernel.State;

namespace GbaSim.Kernel.Hosting;

/// <summary>
/// One run of grains exchanging messages in supersteps. The grains are hashed into partitions;
/// each step every local partition delivers the previous step's messages and runs its turns,
/// partitions in parallel, and the step ends at a barrier. Given the same seed and the same
/// grains, every thread count and partition count gives the same states.
/// </summary>
public sealed class GrainRuntime<TMessage> : IDisposable
    where TMessage : unmanaged
{
    private readonly Partition<TMessage>[] _partitions;
    private readonly int[] _local;
    private readonly EnvelopeBuffer<TMessage>[] _posted;
    private readonly EnvelopeBuffer<TMessage>[] _inbound;
    private readonly EnvelopeBuffer<TMessage>[] _outbound;
    private readonly IPartitionTransport<TMessage> _transport;
    private readonly StepWorkers _workers;
    private readonly Action<int> _runPartition;
    private int _postSequence;
    private ActorFailedException? _fault;
    private volatile bool _stepping;
    private ActivityContext _stepSpan;

    public GrainRuntime(ActorTypeRegistry<TMessage> types, RuntimeOptions options, ulong seed, IPartitionTransport<TMessage>? transport = null)
    {
        ArgumentNullException.ThrowIfNull(types);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Types = types;
        Seed = seed;
        PartitionCount = options.Partitions;
        Threads = options.EffectiveThreads;
        _transport = transport ?? new InProcessTransport<TMessage>();
        _partitions = new Partition<TMessage>[PartitionCount];
        _posted = new EnvelopeBuffer<TMessage>[PartitionCount];
        _inbound = new EnvelopeBuffer<TMessage>[PartitionCount];
        _outbound = new EnvelopeBuffer<TMessage>[PartitionCount];
        for (var p = 0; p < PartitionCount; p++)
        {
            _partitions[p] = new Partition<TMessage>(p, PartitionCount, types, seed);
            _posted[p] = new EnvelopeBuffer<TMessage>();
            _inbound[p] = new EnvelopeBuffer<TMessage>();
            _outbound[p] = new EnvelopeBuffer<TMessage>();
        }
        _local = Enumerable.Range(0, PartitionCount).Where(_transport.IsLocal).ToArray();
        foreach (var d in _local)
        {
            _partitions[d].ConnectSources(SourcesOf(d, parity: 0), SourcesOf(d, parity: 1));
        }
        _workers = new StepWorkers(Math.Min(Threads, Math.Max(1, _local.Length)));
        _runPartition = RunPartition;
    }

    public ActorTypeRegistry<TMessage> Types { get; }

    public ulong Seed { get; }

    public int PartitionCount { get; }

    public int Threads { get; }

    /// <summary>The next step to run, which is also the number of steps completed.</summary>
    public long Step { get; private set; }

    public long GrainCount => _local.Sum(p => (long)_partitions[p].GrainCount);

    /// <summary>Messages sent in the last step (or posted since), to be delivered in the next.</summary>
    public long PendingMessages
    {
        get
        {
            var parity = (int)((Step + 1) & 1);
            long pending = 0;
            foreach (var d in _local)
            {
                pending += _posted[d].Count + _inbound[d].Count;
                foreach (var s in _local)
                {
                    pending += _partitions[s].Outbox(parity, d).Count;
                }
            }
            return pending;
        }
    }

    /// <summary>Places a grain before (or between) steps; it runs in the next step.</summary>
    public void Add(ActorId id, Actor<TMessage> grain)
    {
        ArgumentNullException.ThrowIfNull(grain);
        Types.EnsureKnown(id.Type);
        var partition = id.PartitionOf(PartitionCount);
        if (_transport.IsLocal(partition))
        {
            _partitions[partition].Add(id, grain);
        }
    }

    /// <summary>
    /// Activates grains with their types' factories, partition by partition, so that each
    /// partition's grains lie next to each other in memory and its turns stream through them.
    /// </summary>
    public void Activate(IEnumerable<ActorId> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var byPartition = ids.Select(id => (Partition: id.PartitionOf(PartitionCount), Id: id))
            .Where(g => _transport.IsLocal(g.Partition))
            .ToArray();
        Array.Sort(byPartition, static (a, b) => a.Partition != b.Partition ? a.Partition.CompareTo(b.Partition) : a.Id.CompareTo(b.Id));
        foreach (var (partition, id) in byPartition)
        {
            _partitions[partition].Add(id, Types.Activate(id));
        }
    }

    /// <summary>Sends a message from the host; <paramref name="target"/> receives it in the next step.</summary>
    public void Post(ActorId target, in TMessage message)
    {
        var partition = target.PartitionOf(PartitionCount);
        if (_transport.IsLocal(partition))
        {
            _posted[partition].Add(new Envelope<TMessage>(target, ActorId.System, _postSequence++, message));
        }
    }

    /// <summary>Runs one superstep. Throws <see cref="ActorFailedException"/> if a grain throws.</summary>
    public StepReport RunStep(CancellationToken cancellationToken = default)
    {
        if (_fault is not null)
        {
            throw new InvalidOperationException($"This run stopped at step {_fault.Step} and cannot continue: {_fault.Message}", _fault);
        }
        cancellationToken.ThrowIfCancellationRequested();

        var started = Stopwatch.GetTimestamp();
        using var span = RuntimeTelemetry.StartStep(Step);
        _stepSpan = span?.Context ?? default;
        _stepping = true;
        try
        {
            _workers.Run(_local.Length, _runPartition);
        }
        finally
        {
            _stepping = false;
        }

        long turns = 0, messages = 0, activations = 0;
        ActorFailedException? failure = null;
        foreach (var p in _local)
        {
            var partition = _partitions[p];
            turns += partition.Turns;
            messages += partition.Delivered;
            activations += partition.Activations;
            if (partition.Failure is { } f && (failure is null || f.Grain < failure.Grain))
            {
                failure = new ActorFailedException(f.Grain, Types.Describe(f.Grain), Types.NameOf(f.Grain.Type), f.Step, f.Exception);
            }
        }
        if (failure is not null)
        {
            _fault = failure;
            span?.SetStatus(ActivityStatusCode.Error, failure.Message);
            throw failure;
        }

        foreach (var posted in _posted)
        {
            posted.Clear();
        }
        ExchangeWithRemotePartitions();
        RuntimeTelemetry.StepFinished(span, started, turns, messages, activations);
        return new StepReport(Step++, turns, messages, activations);
    }

    /// <summary>Runs <paramref name="steps"/> supersteps, stopping between steps when cancelled.</summary>
    public void Run(long steps, CancellationToken cancellationToken = default, Action<StepReport>? afterStep = null)
    {
        for (long i = 0; i < steps; i++)
        {
            var report = RunStep(cancellationToken);
            afterStep?.Invoke(report);
        }
    }

    /// <summary>
    /// A new, independent run at the same step as this one: every grain copied through
    /// <paramref name="clone"/> (which must return a grain of its own, typically a deep copy
    /// bound to whatever the new <paramref name="types"/> activate grains into), the same
    /// threads, partitions and seed, and exactly the pending state: the messages sent in the last
    /// step, host posts, which grains are awake, halted or sleeping until a step, and the host's
    /// post sequence. Stepping both runs on gives what stepping this one would have, each on its
    /// own. Only between steps, of a run that has not failed and whose partitions all live here.
    /// </summary>
    public GrainRuntime<TMessage> Fork(ActorTypeRegistry<TMessage> types, Func<ActorId, Actor<TMessage>, Actor<TMessage>> clone)
    {
        ArgumentNullException.ThrowIfNull(types);
        ArgumentNullException.ThrowIfNull(clone);
        if (_fault is not null)
        {
            throw new InvalidOperationException($"This run stopped at step {_fault.Step} and cannot be forked: {_fault.Message}", _fault);
        }
        if (_stepping)
        {
            throw new InvalidOperationException($"This run is in the middle of step {Step}; fork it between steps.");
        }
        if (_local.Length != PartitionCount)
        {
            throw new NotSupportedException("Only a run whose partitions all live in this process can be forked.");
        }
        var fork = new GrainRuntime<TMessage>(types, new RuntimeOptions { Threads = Threads, Partitions = PartitionCount }, Seed);
        try
        {
            // Messages sent in step t - 1 sit in the outboxes of parity (t - 1) & 1, read by step t.
            var parity = (int)((Step + 1) & 1);
            for (var p = 0; p < PartitionCount; p++)
            {
                _partitions[p].CopyInto(fork._partitions[p], parity, clone);
                fork._posted[p].AddRange(_posted[p].Items);
                fork._inbound[p].AddRange(_inbound[p].Items);
            }
            fork.Step = Step;
            fork._postSequence = _postSequence;
            return fork;
        }
        catch
        {
            fork.Dispose();
            throw;
        }
    }

    public bool TryGetGrain(ActorId id, [NotNullWhen(true)] out Actor<TMessage>? grain)
    {
        var partition = id.PartitionOf(PartitionCount);
        if (_transport.IsLocal(partition) && _partitions[partition].TryGet(id, out var found))
        {
            grain = found;
            return true;
        }
        grain = null;
        return false;
    }

    /// <summary>Every local grain, in canonical identity order.</summary>
    public (ActorId Id, Actor<TMessage> Grain)[] GrainsInIdentityOrder()
    {
        var all = new (ActorId Id, Actor<TMessage> Grain)[GrainCount];
        var offset = 0;
        foreach (var p in _local)
        {
            var partition = _partitions[p];
            partition.CopyGrains(all.AsSpan(offset, partition.GrainCount));
            offset += partition.GrainCount;
        }
        Array.Sort(all, static (a, b) => a.Id.CompareTo(b.Id));
        return all;
    }

    /// <summary>SHA-256 over every grain's identity and state, in identity order.</summary>
    public string ComputeResultHash()
    {
        using var hasher = new HashingStateWriter();
        foreach (var (id, grain) in GrainsInIdentityOrder())
        {
            hasher.WriteActor(id);
            grain.WriteState(hasher);
        }
        return hasher.Finish();
    }

    /// <summary>Writes a grain's state as a JSON object, or returns false if no such grain is active here.</summary>
    public bool TryWriteState(ActorId id, Utf8JsonWriter json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (!TryGetGrain(id, out var grain))
        {
            return false;
        }
        json.WriteStartObject();
        json.WriteString("grain", Types.Describe(id));
        json.WriteString("type", Types.NameOf(id.Type));
        json.WriteNumber("step", Step);
        json.WriteStartObject("state");
        grain.WriteState(new JsonStateWriter(json));
        json.WriteEndObject();
        json.WriteEndObject();
        return true;
    }

    public void Dispose() => _workers.Dispose();

    private void RunPartition(int index)
    {
        var partition = _partitions[_local[index]];
        if (_stepSpan == default)
        {
            partition.RunStep(Step);
            return;
        }
        using var span = RuntimeTelemetry.StartPartitionTurn(_stepSpan, partition.Index);
        partition.RunStep(Step);
        if (span is { IsAllDataRequested: true })
        {
            span.SetTag(RuntimeTelemetry.Tags.Turns, partition.Turns);
            span.SetTag(RuntimeTelemetry.Tags.Delivered, partition.Delivered);
            if (partition.Failure is not null)
            {
                span.SetStatus(ActivityStatusCode.Error, partition.Failure.Exception.Message);
            }
        }
    }

    private EnvelopeBuffer<TMessage>[] SourcesOf(int destination, int parity)
    {
        var sources = new List<EnvelopeBuffer<TMessage>>();
        foreach (var s in _local)
        {
            sources.Add(_partitions[s].Outbox(parity, destination));
        }
        sources.Add(_posted[destination]);
        sources.Add(_inbound[destination]);
        return [.. sources];
    }

    private void ExchangeWithRemotePartitions()
    {
        if (_local.Length == PartitionCount)
        {
            return;
        }
        var parity = (int)(Step & 1);
        for (var d = 0; d < PartitionCount; d++)
        {
            _outbound[d].Clear();
            _inbound[d].Clear();
            if (_transport.IsLocal(d))
            {
                continue;
            }
            foreach (var s in _local)
            {
                _outbound[d].AddRange(_partitions[s].Outbox(parity, d).Items);
            }
        }
        _transport.Exchange(Step, _outbound, _inbound);
    }
}
