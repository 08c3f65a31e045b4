namespace GbaSim.Grains.Storage;

/// <summary>Version tags of stored grain states.</summary>
public static class GrainStateTags
{
    /// <summary>A fresh tag: random, so a tag from before a state was cleared never matches the state written after.</summary>
    public static string New() => Guid.NewGuid().ToString("N");
}
