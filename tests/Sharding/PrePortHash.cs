namespace GbaSim.Tests.Sharding;

/// <summary>
/// The result hash every hosting must give for <c>scenarios/gba-small.yaml</c>. First recorded
/// before GbaSim moved onto Orleans; re-recorded when the model itself changed (firms' own
/// R&amp;D, budgets per year, the mechanism fixes, the seed items), as the model's history in docs/model.md says.
/// </summary>
public static class PrePortHash
{
    /// <summary><c>scenarios/gba-small.yaml</c> with its own seed, scale and horizon.</summary>
    public const string GbaSmall = "39ddf44552a659b6110e1293b8c4cda71c4871da7e13bd38efd7c7bcb3fc2f64";

    public const string GbaSmallPath = "gba-small.yaml";
}
