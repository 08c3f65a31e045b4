namespace GbaSim.Tests.Sharding;

/// <summary>
/// The result hash every hosting must give for <c>scenarios/gba-small.yaml</c>. First recorded
/// before GbaSim moved onto Orleans; re-recorded when the model itself changed (firms' own
/// R&amp;D, budgets per year, the mechanism fixes; licence worth, start-ups growing up at three
/// years the recalibration; the seeds' zones, corridors, data and proof of concept), as the model's history in docs/model.md says.
/// </summary>
public static class PrePortHash
{
    /// <summary><c>scenarios/gba-small.yaml</c> with its own seed, scale and horizon.</summary>
    public const string GbaSmall = "6b8a2f4a92b668fd5341446a6712e1e1dd5ea591e796c8f2e03a5e1f38514dae";

    public const string GbaSmallPath = "gba-small.yaml";
}
