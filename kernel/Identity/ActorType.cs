namespace GbaSim.Kernel.Identity;

/// <summary>
/// The kind of an actor (for example "city" or "firm"), identified by a stable code derived
/// from its name so that every silo agrees on it without coordination.
/// </summary>
public readonly record struct ActorType(int Code)
{
    /// <summary>The type of messages posted from outside the actors (the host, a policy schedule).</summary>
    public static readonly ActorType System = new(0);

    public static ActorType Of(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var code = (int)(StableHash.Of(name) & 0x7fffffff);
        return new ActorType(code == 0 ? 1 : code);
    }

    public override string ToString() => $"type#{Code}";
}
