namespace GbaSim.Kernel.Hosting;

/// <summary>What one superstep did: the step, the turns run, the messages delivered and the grains activated.</summary>
public readonly record struct StepReport(long Step, long Turns, long Messages, long Activations);
