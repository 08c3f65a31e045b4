using System.Buffers.Binary;
using System.Globalization;

namespace GbaSim.Silo.Storage;

/// <summary>
/// Checks the results database file before SQLite opens it, since SQLite takes an empty file for
/// a new database (silently replacing lost results) and reports a cut-off file only when a
/// missing page is read, maybe long after the silo started.
/// </summary>
internal static class ResultsDatabaseFile
{
    private const int HeaderBytes = 100;

    private static ReadOnlySpan<byte> Magic => "SQLite format 3\0"u8;

    /// <exception cref="StoreStartupException">The file is empty, not a SQLite database, cut off, or unreadable.</exception>
    public static void Check(string path)
    {
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            return;
        }
        if (file.Length == 0)
        {
            throw Unreadable(path, "is empty (0 bytes), so it holds no results; a full disk or an interrupted copy may have emptied it. "
                + "GbaSim does not replace it on its own: move it aside (or delete it) to start with an empty store, or restore it from a backup.");
        }
        var header = new byte[HeaderBytes];
        int read;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            read = stream.ReadAtLeast(header, HeaderBytes, throwOnEndOfStream: false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Unreadable(path, $"cannot be read ({StorageFaults.Reason(ex)}). Give the silo's user read and write access to it, or move it aside.", ex);
        }
        if (read < HeaderBytes || !header.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            throw Unreadable(path, "is not a SQLite database (it does not start with a SQLite header); it may have been overwritten or cut off. "
                + "Move it aside to start with an empty store, or restore it from a backup.");
        }
        if (ExpectedLength(header) is { } expected && file.Length < expected && !HasWriteAheadLog(path))
        {
            throw Unreadable(path, string.Create(CultureInfo.InvariantCulture,
                $"is cut off: it holds {file.Length:N0} bytes but its header says {expected:N0}. Move it aside to start with an empty store, or restore it from a backup."));
        }
    }

    /// <summary>The length the header promises, when the header's page count is valid (its change counter matches).</summary>
    private static long? ExpectedLength(byte[] header)
    {
        var pageSize = BinaryPrimitives.ReadUInt16BigEndian(header.AsSpan(16, 2)) is var size && size == 1 ? 65536 : size;
        var pages = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(28, 4));
        var changeCounter = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(24, 4));
        var validFor = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(92, 4));
        return pages > 0 && pageSize >= 512 && changeCounter == validFor ? (long)pages * pageSize : null;
    }

    /// <summary>A write-ahead log with frames in it may hold pages the main file does not have yet.</summary>
    private static bool HasWriteAheadLog(string path) => new FileInfo(path + "-wal") is { Exists: true, Length: > 0 };

    private static StoreStartupException Unreadable(string path, string what, Exception? inner = null) =>
        new(StoreStartupFailure.DatabaseUnreadable, $"The results database {path} {what}", inner);
}
