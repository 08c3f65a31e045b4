namespace GbaSim.Tests.Sharding;

/// <summary>
/// The result hash every hosting must give for <c>scenarios/gba-small.yaml</c>. First recorded
/// before GbaSim moved onto Orleans; re-recorded when the model itself changed (firms' own
/// R&amp;D, budgets per year, the mechanism fixes; licence worth, start-ups growing up at three
/// years and the recalibration), as the model's history in docs/model.md says.
/// </summary>
public static class PrePortHash
{
    /// <summary><c>scenarios/gba-small.yaml</c> with its own seed, scale and horizon.</summary>
    public const string GbaSmall = "9a622bffac80c94ab707bf3f74a2ebfa6f98b559c403e28d4b422c7a17b703eb";

    public const string GbaSmallPath = "gba-small.yaml";
}
