using GbaSim.Kernel.Actors;
using GbaSim.Kernel.Identity;

namespace GbaSim.Tests.Kernel;

/// <summary>Builds small sharded runs of scripted actors (type <c>node</c>, keys <c>n0</c>, <c>n1</c>...) for the kernel tests.</summary>
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

    /// <summary>A run of <paramref name="actors"/> actors keyed 0 and up over <paramref name="shards"/> shards.</summary>
    public ShardedRun<Probe> Build(int actors, int shards = 4, ulong seed = 1, bool parallel = false)
    {
        var run = new ShardedRun<Probe>(Types, shards, seed, parallel);
        for (var i = 0; i < actors; i++)
        {
            run.Add(Id(i), new ScriptedActor(_script));
        }
        return run;
    }

    /// <summary>A fork of <paramref name="run"/> whose actors are copies running <paramref name="script"/>.</summary>
    public ShardedRun<Probe> Fork(ShardedRun<Probe> run, Action<ScriptedActor, ActorContext<Probe>> script) =>
        run.Fork(Types, (_, actor) => ((ScriptedActor)actor).Copy(script));

    public static ScriptedActor Actor(ShardedRun<Probe> run, ActorId id) =>
        run.TryGet(id, out var actor) ? (ScriptedActor)actor : throw new InvalidOperationException($"{id} is not active.");
}
