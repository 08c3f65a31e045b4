using GbaSim.Kernel.Actors;
using GbaSim.Kernel.Identity;
using GbaSim.Kernel.State;

namespace GbaSim.Bench.Boltzmann;

/// <summary>
/// An agent of the Boltzmann wealth-exchange model: it banks the coins it received and, while
/// it has any wealth, gives one coin to a uniformly random agent each step. A broke agent
/// halts and is woken by the next coin.
/// </summary>
public sealed class WealthAgent(ActorType type, int agents) : Actor<Coin>
{
    public long Wealth { get; private set; } = 1;

    public override void OnStep(ActorContext<Coin> context)
    {
        Wealth += context.Inbox.Length;
        if (Wealth == 0)
        {
            context.Halt();
            return;
        }
        var receiver = context.Random.NextInt(agents);
        context.Send(new ActorId(type, receiver), default);
        Wealth--;
        if (Wealth == 0)
        {
            context.Halt();
        }
    }

    /// <summary>An agent of its own with the same wealth, for a forked run.</summary>
    public WealthAgent Copy() => new(type, agents) { Wealth = Wealth };

    /// <summary>This agent, holding <paramref name="wealth"/> (as restored from a checkpoint).</summary>
    public WealthAgent WithWealth(long wealth)
    {
        Wealth = wealth;
        return this;
    }

    public override void WriteState(IStateWriter writer) => writer.Write("wealth", Wealth);
}
