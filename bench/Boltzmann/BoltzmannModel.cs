using GbaSim.Kernel.Actors;
using GbaSim.Kernel.Hosting;
using GbaSim.Kernel.Identity;
using GbaSim.Kernel.Options;

namespace GbaSim.Bench.Boltzmann;

/// <summary>Builds and measures the Boltzmann wealth-exchange model on the grain runtime.</summary>
public static class BoltzmannModel
{
    public static GrainRuntime<Coin> Build(int agents, RuntimeOptions options, ulong seed)
    {
        var types = new ActorTypeRegistry<Coin>();
        ActorType agentType = default;
        agentType = types.Add("agent", _ => new WealthAgent(agentType, agents));
        var runtime = new GrainRuntime<Coin>(types, options, seed);
        runtime.Activate(Enumerable.Range(0, agents).Select(i => new ActorId(agentType, i)));
        return runtime;
    }

    /// <summary>An independent copy of a run at its current step (agents copied, coins in flight kept).</summary>
    public static GrainRuntime<Coin> Fork(GrainRuntime<Coin> runtime)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        return runtime.Fork(runtime.Types, (_, agent) => ((WealthAgent)agent).Copy());
    }

    /// <summary>The Gini coefficient of the agents' wealth: 0 when equal, towards 1 when one agent holds all.</summary>
    public static double Gini(GrainRuntime<Coin> runtime)
    {
        var wealth = runtime.GrainsInIdentityOrder().Select(g => ((WealthAgent)g.Grain).Wealth).ToArray();
        return Gini(wealth);
    }

    public static double Gini(long[] wealth)
    {
        Array.Sort(wealth);
        double n = wealth.Length, weighted = 0, total = 0;
        for (var i = 0; i < wealth.Length; i++)
        {
            weighted += (i + 1) * (double)wealth[i];
            total += wealth[i];
        }
        return total == 0 ? 0 : (2 * weighted / (n * total)) - ((n + 1) / n);
    }
}
