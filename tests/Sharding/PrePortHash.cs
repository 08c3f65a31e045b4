namespace GbaSim.Tests.Sharding;

/// <summary>
/// The result hash every hosting must give for <c>scenarios/gba-small.yaml</c>. First recorded
/// before GbaSim moved onto Orleans; re-recorded when the model itself changed (firms' own
/// R&amp;D, budgets per year, the mechanism fixes; licence worth, start-ups growing up at three
/// years the recalibration; the seeds' zones, corridors, data and proof of concept; the pipeline under way at the start, slower basic research and the recalibration), as the model's history in docs/model.md says.
/// </summary>
public static class PrePortHash
{
    /// <summary><c>scenarios/gba-small.yaml</c> with its own seed, scale and horizon.</summary>
    public const string GbaSmall = "b46b5e460a85ae69831925297b0b2c2f47906c90fada1040a34708a53d514bcf";

    public const string GbaSmallPath = "gba-small.yaml";
}
