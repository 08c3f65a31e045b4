namespace GbaSim.Grains.Runs;

/// <summary>An actor of the run failed in a step; the run stops there, and the message says which actor, where and why.</summary>
public sealed class RunFailedException(string message) : Exception(message)
{
    public RunFailedException()
        : this("The run failed.")
    {
    }

    public RunFailedException(string message, Exception innerException)
        : this(message) => _ = innerException;
}
