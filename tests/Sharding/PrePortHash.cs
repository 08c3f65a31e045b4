namespace GbaSim.Tests.Sharding;

/// <summary>
/// The result hash every hosting must give for <c>scenarios/gba-small.yaml</c>. First recorded
/// before GbaSim moved onto Orleans; re-recorded when the model itself changed (firms' own
/// R&amp;D, budgets per year, the mechanism fixes), as the model's history in docs/model.md says.
/// </summary>
public static class PrePortHash
{
    /// <summary><c>scenarios/gba-small.yaml</c> with its own seed, scale and horizon.</summary>
    public const string GbaSmall = "d9427ec2a5bafba837da809b51e99bb5d15b262d289d9cb4d091cde92263b9f2";

    public const string GbaSmallPath = "gba-small.yaml";
}
