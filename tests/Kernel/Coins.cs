using GbaSim.Kernel.Actors;
using GbaSim.Kernel.Identity;
using GbaSim.Kernel.State;

namespace GbaSim.Tests.Kernel;

/// <summary>A busy kernel model: every holder with a coin gives one to a random holder each step (a wealth exchange).</summary>
public static class Coins
{
    public static ActorTypeRegistry<long> Types(int holders, out ActorType type)
    {
        var types = new ActorTypeRegistry<long>();
        type = types.Add("holder", _ => new Holder(holders));
        return types;
    }

    public static ShardedRun<long> Build(int holders, int shards, ulong seed)
    {
        var run = new ShardedRun<long>(Types(holders, out var type), shards, seed);
        for (var key = 0; key < holders; key++)
        {
            run.Add(new ActorId(type, key), new Holder(holders));
        }
        return run;
    }

    private sealed class Holder(int holders) : Actor<long>
    {
        private long _wealth = 1;

        public override void OnStep(ActorContext<long> context)
        {
            foreach (var envelope in context.Inbox)
            {
                _wealth += envelope.Message;
            }
            if (_wealth > 0)
            {
                _wealth--;
                context.Send(new ActorId(context.Id.Type, context.Random.NextInt(holders)), 1);
            }
        }

        public override void WriteState(IStateWriter writer) => writer.Write("wealth", _wealth);
    }
}
