namespace GbaSim.Silo.Storage;

/// <summary>Why a silo's data folder cannot be used; each has its own exit code (see <c>SiloExitCodes</c>).</summary>
public enum StoreStartupFailure
{
    /// <summary>Another GbaSim silo or gbasim command holds the folder's lock.</summary>
    DataFolderInUse,

    /// <summary>The results database is damaged, not a SQLite database, empty, from a newer build, or not readable by this user.</summary>
    DatabaseUnreadable,

    /// <summary>The folder or its database cannot be written: a full disk, a read-only file system, no permission to create files.</summary>
    DataFolderNotWritable,

    /// <summary>The shared store (PostgreSQL) cannot be reached, or refuses the silo: no server there, a wrong password, no such database.</summary>
    StoreUnreachable,
}

/// <summary>
/// The data folder stops the silo from starting; the message is one line that names the folder
/// or file and says what to do, and is meant to be printed as it is, without a stack trace.
/// </summary>
public sealed class StoreStartupException : Exception
{
    public StoreStartupException(StoreStartupFailure failure, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
    }

    public StoreStartupException()
        : this(StoreStartupFailure.DatabaseUnreadable, "The results store cannot be opened.")
    {
    }

    public StoreStartupException(string message)
        : this(StoreStartupFailure.DatabaseUnreadable, message)
    {
    }

    public StoreStartupException(string message, Exception innerException)
        : this(StoreStartupFailure.DatabaseUnreadable, message, innerException)
    {
    }

    public StoreStartupFailure Failure { get; }
}
