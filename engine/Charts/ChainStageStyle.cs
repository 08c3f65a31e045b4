using GbaSim.Model.Ecosystem;

namespace GbaSim.Engine.Charts;

/// <summary>How one chain stage is named and coloured wherever it is drawn.</summary>
public sealed record StageStyle(string Stage, string Name, string Color);

/// <summary>
/// The chain's stages as every chart draws them, the dashboard (through <c>GET /api/chain/stages</c>)
/// and the comparison report alike, so that a stage reads and looks the same in both.
/// </summary>
public static class ChainStageStyle
{
    /// <summary>Technologies that stalled at a stage.</summary>
    public const string StalledColor = "#d9534f";

    /// <summary>Technologies still at a stage (neither moved on nor stalled yet).</summary>
    public const string WaitingColor = "#b8bfcc";

    public static IReadOnlyList<StageStyle> All { get; } =
    [
        new(ChainStage.BasicResearch.FileName(), "Basic research", "#3a66c4"),
        new(ChainStage.Breakthrough.FileName(), "Breakthrough", "#7a4fc2"),
        new(ChainStage.ProofOfConcept.FileName(), "Proof of concept", "#c2569a"),
        new(ChainStage.Transformation.FileName(), "Transformation", "#e08a1e"),
        new(ChainStage.Financing.FileName(), "Financing", "#1f9bb0"),
        new(ChainStage.Market.FileName(), "Market", "#2e9a4f"),
    ];

    /// <summary>The node of technologies that stalled at a stage, e.g. "Stalled at breakthrough".</summary>
    public static string Stalled(string stageName) => $"Stalled at {stageName.ToLowerInvariant()}";

    /// <summary>The node of technologies still at a stage, e.g. "Still at financing".</summary>
    public static string Waiting(string stageName) => $"Still at {stageName.ToLowerInvariant()}";
}
