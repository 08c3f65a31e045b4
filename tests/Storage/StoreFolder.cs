using GbaSim.Grains.Storage;
using GbaSim.Silo.Storage;

namespace GbaSim.Tests.Storage;

/// <summary>A fresh temporary data folder for results stores, deleted with every store opened on it.</summary>
internal sealed class StoreFolder : IDisposable
{
    private readonly List<SqliteResultsStore> _stores = [];

    public StoreFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "gbasim-store-tests", Guid.NewGuid().ToString("N"));
    }

    public string Path { get; }

    public string DatabasePath => System.IO.Path.Combine(Path, SqliteResultsStore.FileName);

    /// <summary>Opens a store on the folder; it is disposed with the folder.</summary>
    public SqliteResultsStore Open()
    {
        var store = new SqliteResultsStore(Path);
        _stores.Add(store);
        return store;
    }

    public void Dispose()
    {
        foreach (var store in _stores)
        {
            store.Dispose();
        }
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
