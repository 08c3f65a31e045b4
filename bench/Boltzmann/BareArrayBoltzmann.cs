using System.Diagnostics;
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

    /// <summary>Runs and times the loop; its arrays are allocated inside the timing, as the kernel's are before it (a small part).</summary>
    public static BoltzmannTiming Measure(int agents, int steps, ulong seed)
    {
        var cpuBefore = Environment.CpuUsage.TotalTime;
        var clock = Stopwatch.StartNew();
        var wealth = Run(agents, steps, seed);
        var seconds = clock.Elapsed.TotalSeconds;
        return new BoltzmannTiming((long)agents * steps, 0, seconds, (Environment.CpuUsage.TotalTime - cpuBefore).TotalSeconds, wealth, null);
    }
}
