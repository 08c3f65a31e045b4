namespace GbaSim.Model.Ecosystem;

/// <summary>
/// The stages of the research-to-market chain. A technology enters at basic research and may
/// advance one stage at a time; <see cref="Market"/> means a product is on sale.
/// </summary>
public enum ChainStage : byte
{
    BasicResearch,
    Breakthrough,

    /// <summary>A breakthrough's concept proven (or not) before pilot testing, at a proof-of-concept centre or by the firm itself.</summary>
    ProofOfConcept,
    Transformation,
    Financing,
    Market,
}

/// <summary>How a recorded chain transition ended for the technology.</summary>
public enum TransitionOutcome : byte
{
    Advanced,
    Stalled,
}

public static class ChainStages
{
    public const int Count = 6;

    public static readonly IReadOnlyList<ChainStage> All = Enum.GetValues<ChainStage>();

    public static string FileName(this ChainStage stage) => stage switch
    {
        ChainStage.BasicResearch => "basic-research",
        ChainStage.Breakthrough => "breakthrough",
        ChainStage.ProofOfConcept => "proof-of-concept",
        ChainStage.Transformation => "transformation",
        ChainStage.Financing => "financing",
        _ => "market",
    };

    public static bool TryParse(string name, out ChainStage stage)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.FileName(), name, StringComparison.OrdinalIgnoreCase))
            {
                stage = candidate;
                return true;
            }
        }
        stage = default;
        return false;
    }
}
