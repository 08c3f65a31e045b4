using System.Runtime.InteropServices;

namespace GbaSim.Model.Ecosystem;

/// <summary>
/// One step of a technology along the chain (or its stall), recorded by the grain where it
/// happened: the lineage from which traces and the chain's conversion rates are built.
/// </summary>
/// <param name="Holder">The key of the grain holding the technology after the transition.</param>
/// <param name="HolderKind">What kind of grain that is: an institution kind, or a firm.</param>
/// <param name="Counterpart">The key of the grain it came from (for a first transition, the origin institution).</param>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
public readonly record struct ChainTransition(
    Technology Technology,
    ChainStage From,
    ChainStage To,
    TransitionOutcome Outcome,
    City City,
    bool CrossedBorder,
    HolderKind HolderKind,
    long Holder,
    long Counterpart);

public enum HolderKind : byte
{
    Institution,
    Firm,
}
