using GbaSim.Runtime.Activation;
using GbaSim.Runtime.Hosting;
using GbaSim.Runtime.Identity;
using GbaSim.Runtime.Options;
using GbaSim.Runtime.State;

namespace GbaSim.Tests.Runtime;

/// <summary>The payload of the runtime tests: a number and the step it was sent in.</summary>
public readonly record struct Probe(long Value, long SentAt);

/// <summary>A grain whose behaviour each test supplies as a delegate, and which records what it saw.</summary>
public sealed class ScriptedGrain(Action<ScriptedGrain, GrainContext<Probe>> onStep) : Grain<Probe>
{
    public List<(long Step, GrainId Sender, int Sequence, Probe Message)> Received { get; } = [];

    public List<long> TurnSteps { get; } = [];

    public long Total { get; set; }

    public override void OnStep(GrainContext<Probe> context)
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
    private readonly Action<ScriptedGrain, GrainContext<Probe>> _script;

    public TestWorld(Action<ScriptedGrain, GrainContext<Probe>> script)
    {
        _script = script;
        Node = Types.Add("node", _ => new ScriptedGrain(_script), key => $"n{key}");
    }

    public GrainTypeRegistry<Probe> Types { get; } = new();

    public GrainType Node { get; }

    public GrainId Id(long key) => new(Node, key);

    public GrainRuntime<Probe> Build(int grains, int threads = 1, int partitions = 4, ulong seed = 1)
    {
        var runtime = new GrainRuntime<Probe>(Types, new RuntimeOptions { Threads = threads, Partitions = partitions }, seed);
        for (var i = 0; i < grains; i++)
        {
            runtime.Add(Id(i), new ScriptedGrain(_script));
        }
        return runtime;
    }

    public static ScriptedGrain Grain(GrainRuntime<Probe> runtime, GrainId id) =>
        runtime.TryGetGrain(id, out var grain) ? (ScriptedGrain)grain : throw new InvalidOperationException($"{id} is not active.");
}
