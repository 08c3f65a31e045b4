namespace GbaSim.Silo.Storage;

/// <summary>
/// The exclusive lock a silo process holds on its data folder for as long as it runs: the file
/// <c>gbasim.lock</c>, opened with no sharing. A second silo or gbasim command on the folder is
/// refused before it touches the database; the operating system drops the lock when the holder
/// exits, however it exits, so a left-over file never blocks anyone.
/// </summary>
public sealed class DataFolderLock : IDisposable
{
    public const string FileName = "gbasim.lock";

    private readonly FileStream _file;

    private DataFolderLock(FileStream file, string folder)
    {
        _file = file;
        Folder = folder;
    }

    public string Folder { get; }

    /// <summary>Takes the lock on <paramref name="folder"/> (which must exist).</summary>
    /// <exception cref="StoreStartupException">Another process holds it, or the lock file cannot be made.</exception>
    public static DataFolderLock Acquire(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        var path = Path.Combine(folder, FileName);
        try
        {
            var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 1, FileOptions.None);
            return new DataFolderLock(file, folder);
        }
        catch (IOException ex) when (IsHeldByAnother(ex))
        {
            throw new StoreStartupException(StoreStartupFailure.DataFolderInUse,
                $"The data folder {folder} is in use by another GbaSim silo or gbasim command (it holds {path}). "
                + "Stop that one, talk to it instead (gbasim --silo HOST:GATEWAYPORT), or choose another data folder.", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StoreStartupException(StoreStartupFailure.DataFolderNotWritable,
                $"The data folder {folder} cannot be written: creating {FileName} failed ({ex.Message}). Free space on its disk or fix its permissions, then start again.", ex);
        }
    }

    public void Dispose() => _file.Dispose();

    /// <summary>A sharing violation: EAGAIN (Linux) or EWOULDBLOCK (macOS) from flock, or Windows's sharing and lock violations.</summary>
    private static bool IsHeldByAnother(IOException ex) =>
        ex.GetType() == typeof(IOException) && ex.HResult is 11 or 35 or unchecked((int)0x80070020) or unchecked((int)0x80070021);
}
