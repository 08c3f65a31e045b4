namespace GbaSim.Tests.Sharding;

/// <summary>Result hashes recorded before GbaSim moved onto Orleans; runs on any hosting must still give them.</summary>
public static class PrePortHash
{
    /// <summary><c>scenarios/gba-small.yaml</c> with its own seed, scale and horizon, as the home-made runtime hashed it.</summary>
    public const string GbaSmall = "06f29275bafa7e96b3e464391f16612648089fcf1cfa1d024c1e08a2e5c0167d";

    public const string GbaSmallPath = "gba-small.yaml";
}
