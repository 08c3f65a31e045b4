using GbaSim.Grains.Storage;
using GbaSim.Silo.Storage;
using Microsoft.Data.Sqlite;

namespace GbaSim.Tests.Storage;

public sealed class SchemaMigrationTests : IDisposable
{
    private readonly StoreFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Migrations_are_numbered_in_order_from_one()
    {
        Assert.Equal(Enumerable.Range(1, SchemaMigrations.All.Count), SchemaMigrations.All.Select(m => m.Version));
    }

    [Fact]
    public void Opening_a_database_again_applies_nothing_and_keeps_the_data()
    {
        Assert.False(Directory.Exists(_folder.Path));
        using (var store = new SqliteResultsStore(_folder.Path))
        {
            store.CreateRun(StoreSamples.Run("run-1"));
        }
        Assert.True(File.Exists(_folder.DatabasePath));

        var reopened = _folder.Open();
        Assert.NotNull(reopened.GetRun("run-1"));
        using var connection = Connect();
        Assert.Equal(0, SchemaMigrations.Apply(connection, DateTimeOffset.UtcNow));
        Assert.Equal(SchemaMigrations.Latest, SchemaMigrations.CurrentVersion(connection));
        Assert.Equal(SchemaMigrations.All.Count, Scalar(connection, "SELECT count(*) FROM schema_version"));
    }

    [Fact]
    public void A_new_database_is_at_the_latest_version_in_write_ahead_log_mode()
    {
        using var store = new SqliteResultsStore(_folder.Path);
        using var connection = Connect();
        Assert.Equal(SchemaMigrations.Latest, SchemaMigrations.CurrentVersion(connection));
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", command.ExecuteScalar());
    }

    [Fact]
    public void A_new_database_has_large_pages_so_replacing_a_checkpoint_reads_few_of_them()
    {
        var store = _folder.Open();
        Assert.Equal((long)SqliteResultsStore.PageSize, store.Pragma("page_size"));
    }

    [Fact]
    public void The_store_connections_enforce_foreign_keys_and_wait_when_busy()
    {
        var store = _folder.Open();
        Assert.Equal(1L, store.Pragma("foreign_keys"));
        Assert.True((long)store.Pragma("busy_timeout")! >= 1000);
    }

    [Fact]
    public void A_database_from_a_newer_build_is_refused()
    {
        _folder.Open().Dispose();
        using (var connection = Connect())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "INSERT INTO schema_version (version, description, applied_at) VALUES (99, 'from the future', '2030-01-01T00:00:00Z')";
            command.ExecuteNonQuery();
        }

        var error = Assert.Throws<InvalidOperationException>(() => new SqliteResultsStore(_folder.Path));
        Assert.Contains("schema version 99", error.Message);
        Assert.Contains($"up to {SchemaMigrations.Latest}", error.Message);
        Assert.Contains("newer GbaSim", error.Message);

        using var check = Connect();
        Assert.Equal(99, SchemaMigrations.CurrentVersion(check));
    }

    [Fact]
    public void Disposing_the_store_releases_the_database_files()
    {
        var store = _folder.Open();
        store.CreateRun(StoreSamples.Run("run-1"));
        Assert.NotNull(store.GetRun("run-1"));
        var linux = Directory.Exists("/proc/self/fd");
        Assert.True(!linux || OpenFiles().Count > 0);

        store.Dispose();
        // Elsewhere, deleting the folder when the test ends is the check.
        Assert.True(!linux || OpenFiles().Count == 0, string.Join(", ", linux ? OpenFiles() : []));
        Assert.Throws<ObjectDisposedException>(() => store.GetRun("run-1"));
        Assert.Throws<ObjectDisposedException>(() => store.CreateRun(StoreSamples.Run("run-2")));
    }

    /// <summary>The files of the folder this process holds open (Linux only).</summary>
    private List<string> OpenFiles()
    {
        var open = new List<string>();
        foreach (var fd in Directory.EnumerateFileSystemEntries("/proc/self/fd"))
        {
            try
            {
                if (new FileInfo(fd).LinkTarget is { } target && target.StartsWith(_folder.Path, StringComparison.Ordinal))
                {
                    open.Add(target);
                }
            }
            catch (IOException)
            {
                // The descriptor closed while we looked.
            }
        }
        return open;
    }

    private SqliteConnection Connect()
    {
        var connection = new SqliteConnection($"Data Source={_folder.DatabasePath};Pooling=False");
        connection.Open();
        return connection;
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
