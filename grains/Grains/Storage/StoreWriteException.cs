namespace GbaSim.Grains.Storage;

/// <summary>
/// The results store could not write (a full disk, an I/O error, a file turned read-only): the
/// message says why and which file, in words a person can act on. Runs that meet it fail, new
/// submissions are refused as unavailable, and the silo itself carries on.
/// </summary>
public sealed class StoreWriteException : IOException
{
    public StoreWriteException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public StoreWriteException(string message)
        : base(message)
    {
    }

    public StoreWriteException()
        : base("The results store cannot write.")
    {
    }
}
