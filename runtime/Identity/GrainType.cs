namespace GbaSim.Runtime.Identity;

/// <summary>
/// The kind of a grain (for example "city" or "firm"), identified by a stable code derived
/// from its name so that every silo agrees on it without coordination.
/// </summary>
public readonly record struct GrainType(int Code)
{
    /// <summary>The type of messages posted from outside the grains (the host, a policy schedule).</summary>
    public static readonly GrainType System = new(0);

    public static GrainType Of(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var code = (int)(StableHash.Of(name) & 0x7fffffff);
        return new GrainType(code == 0 ? 1 : code);
    }

    public override string ToString() => $"type#{Code}";
}
