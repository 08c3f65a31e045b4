namespace GbaSim.Tests.Sharding;

/// <summary>
/// The result hash every hosting must give for <c>scenarios/gba-small.yaml</c>. First recorded
/// before GbaSim moved onto Orleans; re-recorded when the model itself changed (firms' own
/// R&amp;D, budgets per year, the mechanism fixes; licence worth, start-ups growing up at three
/// years the recalibration; the seeds' zones, corridors, data and proof of concept; the pipeline under way at the start, slower basic research and the recalibration; firm leavers split between professionals and seniors), as the model's history in docs/model.md says.
/// </summary>
public static class PrePortHash
{
    /// <summary><c>scenarios/gba-small.yaml</c> with its own seed, scale and horizon.</summary>
    public const string GbaSmall = "be91d2796b3af2673890faad5c95ae097f19063756927b065d7534399db9dbc4";

    public const string GbaSmallPath = "gba-small.yaml";
}
