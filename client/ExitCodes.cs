namespace GbaSim.Client;

/// <summary>What <c>gbasim</c> returns to the shell.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int InvalidInput = 2;
    public const int SiloUnreachable = 3;

    /// <summary>The run asked about failed, was cancelled or was interrupted (<c>run</c>, <c>watch</c>, <c>status</c>, <c>results</c>).</summary>
    public const int RunNotCompleted = 4;

    /// <summary>Ctrl-C twice on <c>run</c>: the command stopped following and left the run going on its silo (128 + SIGINT, as shells report an interrupted command).</summary>
    public const int LeftRunning = 130;

    /// <summary>The embedded silo's data folder is in use by another GbaSim silo or gbasim command (as gbasim-silo's exit code 5).</summary>
    public const int DataFolderInUse = 5;

    /// <summary>The embedded silo's results database is damaged, empty, not SQLite or unreadable (as gbasim-silo's 6).</summary>
    public const int DatabaseUnreadable = 6;

    /// <summary>The embedded silo's data folder cannot be written: a full disk, a read-only file system (as gbasim-silo's 7).</summary>
    public const int DataFolderNotWritable = 7;
}
