using GbaSim.Silo.Storage;

namespace GbaSim.Tests.Storage;

/// <summary>The data folder's lock: one holder at a time, in this process too, and free again once released.</summary>
public sealed class DataFolderLockTests : IDisposable
{
    private readonly StoreFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_held_folder_refuses_a_second_opener_naming_the_folder_and_is_free_once_released()
    {
        Directory.CreateDirectory(_folder.Path);
        var held = DataFolderLock.Acquire(_folder.Path);

        var refused = Assert.Throws<StoreStartupException>(() => SiloStorage.Open(_folder.Path, StoreSamples.Created));
        Assert.Equal(StoreStartupFailure.DataFolderInUse, refused.Failure);
        Assert.StartsWith($"The data folder {_folder.Path} is in use by another GbaSim silo or gbasim command", refused.Message);
        Assert.False(File.Exists(_folder.DatabasePath), "a refused opener must not touch the database");

        held.Dispose();
        using var storage = SiloStorage.Open(_folder.Path, StoreSamples.Created);
        Assert.True(File.Exists(_folder.DatabasePath));
    }

    [Fact]
    public void Opening_marks_runs_an_earlier_silo_left_unfinished_interrupted_only_once_the_folder_is_held()
    {
        using (var earlier = new SqliteResultsStore(_folder.Path))
        {
            earlier.CreateRun(StoreSamples.Run("left"));
            earlier.MarkStarted("left", StoreSamples.Created);
        }
        using (DataFolderLock.Acquire(_folder.Path))
        {
            Assert.Throws<StoreStartupException>(() => SiloStorage.Open(_folder.Path, StoreSamples.Created));
            using var look = new SqliteResultsStore(_folder.Path);
            Assert.Equal(GbaSim.Grains.Storage.RunStatus.Running, look.GetRun("left")!.Status);
        }
        using var storage = SiloStorage.Open(_folder.Path, StoreSamples.Created);
        Assert.Equal(1, storage.Interrupted);
        Assert.Equal(GbaSim.Grains.Storage.RunStatus.Interrupted, storage.Store.GetRun("left")!.Status);
    }
}
