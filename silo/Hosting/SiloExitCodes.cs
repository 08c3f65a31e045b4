using GbaSim.Silo.Storage;

namespace GbaSim.Silo.Hosting;

/// <summary>What <c>gbasim-silo</c> returns to the shell (README, docs/security.md). The CLI's embedded silo uses 5 to 7 alike; the CLI's own 4 means a run did not complete.</summary>
public static class SiloExitCodes
{
    /// <summary>Stopped by Ctrl-C or SIGTERM.</summary>
    public const int Stopped = 0;

    /// <summary>A port is already in use.</summary>
    public const int PortInUse = 1;

    /// <summary>An option is invalid.</summary>
    public const int InvalidOptions = 2;

    /// <summary>The data folder is in use by another GbaSim silo or gbasim command.</summary>
    public const int DataFolderInUse = 5;

    /// <summary>The results database is damaged, not a SQLite database, empty, from a newer build, or unreadable.</summary>
    public const int DatabaseUnreadable = 6;

    /// <summary>The data folder or its database cannot be written (a full disk, a read-only file system, permissions).</summary>
    public const int DataFolderNotWritable = 7;

    /// <summary>The shared store (<c>--store postgresql://…</c>) cannot be reached or refuses the silo (no server, a wrong password, no such database).</summary>
    public const int StoreUnreachable = 8;

    /// <summary>The Redis server named by <c>--cluster</c> does not answer, or refused the URL's password.</summary>
    public const int ClusterUnreachable = 9;

    public static int For(StoreStartupFailure failure) => failure switch
    {
        StoreStartupFailure.StoreUnreachable => StoreUnreachable,
        StoreStartupFailure.DataFolderInUse => DataFolderInUse,
        StoreStartupFailure.DataFolderNotWritable => DataFolderNotWritable,
        _ => DatabaseUnreadable,
    };
}
