namespace GbaSim.Grains.Storage;

/// <summary>Whether the results store can write now: what readiness reports and what new submissions are checked against.</summary>
public interface IStoreWriteHealth
{
    /// <summary>
    /// True when the last write succeeded recently, or a fresh probe write does; otherwise false,
    /// with <paramref name="problem"/> saying why (which file, what failed).
    /// </summary>
    bool CanWrite(out string? problem);
}
