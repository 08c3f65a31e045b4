using GbaSim.Kernel.Actors;
using GbaSim.Kernel.Hosting;
using GbaSim.Kernel.Identity;
using GbaSim.Kernel.Options;
using GbaSim.Kernel.State;

namespace GbaSim.Tests.Kernel;

/// <summary>The payload of the runtime tests: a number and the step it was sent in.</summary>
public readonly record struct Probe(long Value, long SentAt);

/// <summary>A grain whose behaviour each test supplies as a delegate, and which records what it saw.</summary>
public sealed class ScriptedActor(Action<ScriptedActor, ActorContext<Probe>> onStep) : Actor<Probe>
{
    public List<(long Step, ActorId Sender, int Sequence, Probe Message)> Received { get; } = [];

    public List<long> TurnSteps { get; } = [];

    public long Total { get; set; }

    public override void OnStep(ActorContext<Probe> context)
    {
        TurnSteps.Add(context.Step);
        foreach (var envelope in context.Inbox)
        {
            Received.Add((context.Step, envelope.Sender, envelope.Sequence, envelope.Message));
        }
        onStep(this, context);
    }

    public override void WriteState(IStateWriter writer)
    {
        writer.Write("total", Total);
        writer.Write("turns", TurnSteps.Count);
        writer.BeginArray("received");
        foreach (var (step, sender, sequence, message) in Received)
        {
            writer.Write("step", step);
            writer.Write("sender", sender.Key);
            writer.Write("sequence", sequence);
            writer.Write("value", message.Value);
        }
        writer.EndArray();
    }
}

/// <summary>Builds small runtimes of scripted grains for the tests.</summary>
public sealed class TestWorld
{
    private readonly Action<ScriptedActor, ActorContext<Probe>> _script;

    public TestWorld(Action<ScriptedActor, ActorContext<Probe>> script)
    {
        _script = script;
        Node = Types.Add("node", _ => new ScriptedActor(_script), key => $"n{key}");
    }

    public ActorTypeRegistry<Probe> Types { get; } = new();

    public ActorType Node { get; }

    public ActorId Id(long key) => new(Node, key);

    public GrainRuntime<Probe> Build(int grains, int threads = 1, int partitions = 4, ulong seed = 1)
    {
        var runtime = new GrainRuntime<Probe>(Types, new RuntimeOptions { Threads = threads, Partitions = partitions }, seed);
        for (var i = 0; i < grains; i++)
        {
            runtime.Add(Id(i), new ScriptedActor(_script));
        }
        return runtime;
    }

    public static ScriptedActor Grain(GrainRuntime<Probe> runtime, ActorId id) =>
        runtime.TryGetGrain(id, out var grain) ? (ScriptedActor)grain : throw new InvalidOperationException($"{id} is not active.");
}
