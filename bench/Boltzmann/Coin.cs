namespace GbaSim.Bench.Boltzmann;

/// <summary>One unit of wealth in flight; the envelope says everything else.</summary>
public readonly struct Coin;
