using GbaSim.Grains.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace GbaSim.Silo.Storage;

/// <summary>
/// The results store as a silo process owns it, checked and opened before the silo starts: the
/// data folder's SQLite database under the folder's lock (held until disposed), with the runs an
/// earlier silo left unfinished already marked interrupted; or a PostgreSQL store shared with
/// other silos. Anything wrong stops the start here with a <see cref="StoreStartupException"/>,
/// before a second silo can touch a live one's runs.
/// </summary>
public sealed class SiloStorage : IDisposable
{
    private readonly DataFolderLock? _lock;

    private SiloStorage(DataFolderLock? folderLock, SqlResultsStore store, int interrupted)
    {
        _lock = folderLock;
        Store = store;
        Interrupted = interrupted;
    }

    public SqlResultsStore Store { get; }

    /// <summary>Runs an earlier silo left queued or running, now marked interrupted.</summary>
    public int Interrupted { get; }

    /// <summary>Opens the shared store at <paramref name="address"/>, or the data folder's database when it is null.</summary>
    /// <exception cref="StoreStartupException">The store cannot be reached or used (see <see cref="Open(string, DateTimeOffset)"/>).</exception>
    public static SiloStorage Open(StoreAddress? address, string dataFolder, DateTimeOffset now) =>
        address is null ? Open(dataFolder, now) : OpenShared(address);

    /// <summary>
    /// Connects to a shared PostgreSQL store. Unfinished runs are left as they are: other silos
    /// may be running them, and a lost silo's runs are the cluster's recovery to resume.
    /// </summary>
    /// <exception cref="StoreStartupException">The server cannot be reached, refuses the silo, or holds a newer schema.</exception>
    public static SiloStorage OpenShared(StoreAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        try
        {
            return new SiloStorage(null, new PostgresResultsStore(address), interrupted: 0);
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            throw SharedRefusal(address, ex);
        }
    }

    /// <exception cref="StoreStartupException">The folder is in use, its database unreadable, or it cannot be written.</exception>
    public static SiloStorage Open(string dataFolder, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataFolder);
        var folder = Path.GetFullPath(dataFolder);
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StoreStartupException(StoreStartupFailure.DataFolderNotWritable, $"The data folder {folder} cannot be created ({ex.Message}). Choose another folder or fix its permissions.", ex);
        }
        var folderLock = DataFolderLock.Acquire(folder);
        SqliteResultsStore? store = null;
        try
        {
            var path = Path.Combine(folder, SqliteResultsStore.FileName);
            ResultsDatabaseFile.Check(path);
            store = new SqliteResultsStore(folder);
            var interrupted = store.InterruptUnfinishedRuns(now);
            return new SiloStorage(folderLock, store, interrupted);
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            store?.Dispose();
            folderLock.Dispose();
            throw Refusal(Path.Combine(folder, SqliteResultsStore.FileName), ex);
        }
        catch
        {
            store?.Dispose();
            folderLock.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        Store.Dispose();
        _lock?.Dispose();
    }

    /// <summary>What opening the database failed on, as the one-line refusal for the person starting the silo.</summary>
    private static StoreStartupException Refusal(string path, Exception ex) => ex switch
    {
        StoreStartupException startup => startup,
        SqliteException sqlite when StorageFaults.Code(sqlite) == StorageFaults.Full => new StoreStartupException(StoreStartupFailure.DataFolderNotWritable,
            $"The results database {path} cannot be written: {StorageFaults.Reason(ex)}. Free space on its disk, then start again.", ex),
        SqliteException sqlite when StorageFaults.Code(sqlite) is StorageFaults.Corrupt or StorageFaults.NotADb => new StoreStartupException(StoreStartupFailure.DatabaseUnreadable,
            $"The results database {path} is damaged ({sqlite.Message.TrimEnd('.')}). Move it aside to start with an empty store, or restore it from a backup.", ex),
        SqliteException sqlite when StorageFaults.IsFault(sqlite) => new StoreStartupException(StoreStartupFailure.DatabaseUnreadable,
            $"The results database {path} cannot be opened for reading and writing: {StorageFaults.Reason(ex)} ({sqlite.Message.TrimEnd('.')}). Check its permissions and the disk, or move it aside.", ex),
        InvalidOperationException => new StoreStartupException(StoreStartupFailure.DatabaseUnreadable, ex.Message, ex),
        IOException or UnauthorizedAccessException => new StoreStartupException(StoreStartupFailure.DataFolderNotWritable,
            $"The data folder {Path.GetDirectoryName(path)} cannot be used: {StorageFaults.Reason(ex)} ({ex.Message}). Free space on its disk or fix its permissions, then start again.", ex),
        _ => new StoreStartupException(StoreStartupFailure.DatabaseUnreadable, $"The results database {path} cannot be opened ({ex.Message}). Move it aside, or restore it from a backup.", ex),
    };

    /// <summary>Why the shared store refused the silo, as one line that names the store (never its password) and what to do.</summary>
    private static StoreStartupException SharedRefusal(StoreAddress address, Exception ex) => ex switch
    {
        PostgresException { SqlState: PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification } => new StoreStartupException(StoreStartupFailure.StoreUnreachable,
            $"The PostgreSQL store {address} refused the password of user {address.User}. Give the password in the URL or PGPASSWORD.", ex),
        PostgresException { SqlState: PostgresErrorCodes.InvalidCatalogName } => new StoreStartupException(StoreStartupFailure.StoreUnreachable,
            $"The PostgreSQL store {address} has no database {address.Database}. Create it (createdb {address.Database}) or name another.", ex),
        PostgresException postgres => new StoreStartupException(StoreStartupFailure.StoreUnreachable,
            $"The PostgreSQL store {address} refused the silo: {postgres.MessageText.TrimEnd('.')} ({postgres.SqlState}).", ex),
        InvalidOperationException => new StoreStartupException(StoreStartupFailure.DatabaseUnreadable, ex.Message, ex),
        _ => new StoreStartupException(StoreStartupFailure.StoreUnreachable,
            $"The PostgreSQL store {address} cannot be reached ({(ex.InnerException ?? ex).Message.TrimEnd('.')}). Check that the server runs and listens there.", ex),
    };
}
