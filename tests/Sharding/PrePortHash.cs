namespace GbaSim.Tests.Sharding;

/// <summary>
/// The result hash every hosting must give for <c>scenarios/gba-small.yaml</c>. First recorded
/// before GbaSim moved onto Orleans; re-recorded when the model itself changed (firms' own
/// R&amp;D, budgets per year, the mechanism fixes; licence worth, start-ups growing up at three
/// years the recalibration; the seeds' zones, corridors, data and proof of concept; firms' leavers in their city's level mix), as the model's history in docs/model.md says.
/// </summary>
public static class PrePortHash
{
    /// <summary><c>scenarios/gba-small.yaml</c> with its own seed, scale and horizon.</summary>
    public const string GbaSmall = "3283022db33043e470127c469ef29fc30a32e5391ca47b2fd7b9bd61755ea5af";

    public const string GbaSmallPath = "gba-small.yaml";
}
