namespace GbaSim.Client;

/// <summary>What <c>gbasim</c> returns to the shell.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int InvalidInput = 2;
    public const int SiloUnreachable = 3;

    /// <summary>The embedded silo's data folder is in use by another GbaSim silo or gbasim command (as gbasim-silo's exit code 4).</summary>
    public const int DataFolderInUse = 4;

    /// <summary>The embedded silo's results database is damaged, empty, not SQLite or unreadable (as gbasim-silo's 5).</summary>
    public const int DatabaseUnreadable = 5;

    /// <summary>The embedded silo's data folder cannot be written: a full disk, a read-only file system (as gbasim-silo's 6).</summary>
    public const int DataFolderNotWritable = 6;
}
