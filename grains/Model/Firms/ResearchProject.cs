using GbaSim.Model.Ecosystem;

namespace GbaSim.Model.Firms;

/// <summary>A firm's own R&amp;D project: the technology it may become, and its research partner (an institution's index, or -1 in-house).</summary>
public readonly record struct ResearchProject(Technology Technology, int Partner);

/// <summary>A firm's collaboration tie to a research institution; strength grows with each joint project and fades month by month.</summary>
public readonly record struct CollaborationTie(int Partner, float Strength);
