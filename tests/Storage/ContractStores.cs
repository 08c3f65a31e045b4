using GbaSim.Silo.Storage;

namespace GbaSim.Tests.Storage;

/// <summary>Results stores of either kind for one test: SQLite in a temporary folder, or a fresh database on the test PostgreSQL server.</summary>
internal sealed class ContractStores(PostgresServer server) : IDisposable
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgresql";

    private readonly StoreFolder _folder = new();
    private readonly List<SqlResultsStore> _stores = [];
    private string? _database;

    public static TheoryData<string> Kinds => [Sqlite, Postgres];

    /// <summary>Opens a store of the kind; every store of one kind opened by one test sees the same database.</summary>
    public SqlResultsStore Open(string kind)
    {
        if (kind == Sqlite)
        {
            return _folder.Open();
        }
        _database ??= server.NewDatabase();
        var store = new PostgresResultsStore(PostgresServer.Address(_database));
        _stores.Add(store);
        return store;
    }

    public void Dispose()
    {
        foreach (var store in _stores)
        {
            store.Dispose();
        }
        _folder.Dispose();
    }
}
