using GbaSim.Kernel.Determinism;

namespace GbaSim.Bench.Boltzmann;

/// <summary>
/// The same model as plain arrays on one thread, with no grains and no messages: the floor
/// against which the runtime's overhead is judged.
/// </summary>
public static class BareArrayBoltzmann
{
    public static long[] Run(int agents, int steps, ulong seed)
    {
        var wealth = new long[agents];
        var incoming = new long[agents];
        Array.Fill(wealth, 1);
        var random = new RandomStream(seed, 0);
        for (var step = 0; step < steps; step++)
        {
            // Bank what arrived last step, then give: the grains' order, so both end with coins in flight.
            for (var i = 0; i < agents; i++)
            {
                wealth[i] += incoming[i];
                incoming[i] = 0;
            }
            for (var i = 0; i < agents; i++)
            {
                if (wealth[i] > 0)
                {
                    wealth[i]--;
                    incoming[random.NextInt(agents)]++;
                }
            }
        }
        return wealth;
    }
}
