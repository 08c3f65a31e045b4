namespace GbaSim.Bench.Boltzmann;

/// <summary>One timed Boltzmann run: wall and CPU seconds of its steps, and what it ended with.</summary>
/// <param name="Messages">Coins delivered in the timed steps (the bare loop sends none).</param>
public sealed record BoltzmannTiming(long AgentSteps, long Messages, double Seconds, double CpuSeconds, long[] Wealth, string? ResultHash)
{
    public double AgentStepsPerSecond => AgentSteps / Seconds;

    /// <summary>Agent-steps per second of CPU time, which other processes on a shared machine disturb less than wall time.</summary>
    public double AgentStepsPerCpuSecond => AgentSteps / CpuSeconds;
}
