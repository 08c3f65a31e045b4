using GbaSim.Model.Ecosystem;

namespace GbaSim.Model.Firms;

/// <summary>Where a technology a firm holds stands between breakthrough (or licence) and market.</summary>
public enum PipelineStep : byte
{
    AwaitingPilot,
    InPilot,
    SelfDeveloping,
    AwaitingFinance,

    /// <summary>An application is with a fund; the firm waits for its answer before asking another.</summary>
    AwaitingDecision,

    /// <summary>The concept is to be proven: the firm asks a proof-of-concept centre.</summary>
    AwaitingProof,

    /// <summary>A proof-of-concept centre is testing the concept.</summary>
    InProof,

    /// <summary>No centre took it: the firm proves the concept itself, more slowly.</summary>
    SelfProving,
}

/// <summary>A technology in a firm's pipeline; <see cref="Source"/> is the institution it came from.</summary>
public readonly record struct PipelineItem(Technology Technology, PipelineStep Step, int Since, long Source);
