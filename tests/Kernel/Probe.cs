namespace GbaSim.Tests.Kernel;

/// <summary>The payload of the kernel tests: a number and the step it was sent in.</summary>
public readonly record struct Probe(long Value, long SentAt);
