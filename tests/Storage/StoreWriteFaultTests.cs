using GbaSim.Grains.Storage;
using GbaSim.Silo.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace GbaSim.Tests.Storage;

/// <summary>The store as grains use it when the disk is full: clear errors, nothing half written, endings still reported, and writing again once there is room.</summary>
public sealed class StoreWriteFaultTests : IDisposable
{
    private readonly StoreFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_full_disk_fails_the_write_with_a_clear_error_keeps_what_was_stored_and_the_store_writes_again_once_there_is_room()
    {
        var sqlite = _folder.Open();
        var store = Guard(sqlite);
        store.CreateRun(StoreSamples.Run("r"));
        store.MarkStarted("r", StoreSamples.Created);
        store.AppendMonth("r", StoreSamples.Month(0));

        sqlite.FillDisk();
        var error = Assert.Throws<StoreWriteException>(() =>
        {
            for (var m = 1; m < 12; m++)
            {
                store.AppendMonth("r", StoreSamples.Month(m, transitions: 400, flows: 40));
            }
        });
        Assert.Equal("the results store cannot write (the database or disk is full)", error.Message);
        Assert.Equal(StorageFaults.Full, Assert.IsType<SqliteException>(error.InnerException).SqliteErrorCode);
        var stored = store.GetRun("r")!;
        Assert.Equal(RunStatus.Running, stored.Status);
        Assert.Equal(stored.MonthsDone, store.Months("r").Count);

        sqlite.FreeDisk();
        store.AppendMonth("r", StoreSamples.Month(stored.MonthsDone));
        Assert.Equal(stored.MonthsDone + 1, store.GetRun("r")!.MonthsDone);
        Assert.True(store.CanWrite(out var problem), problem);
    }

    [Fact]
    public void An_ending_the_store_cannot_write_is_reported_at_once_and_stored_once_it_can()
    {
        // Two writes succeed, the next two fail, then the store writes again (as when space is freed).
        var store = Guard(new FaultingResultsStore(_folder.Open(), writesBeforeFault: 2, failingWrites: 2));
        store.CreateRun(StoreSamples.Run("r"));
        store.MarkStarted("r", StoreSamples.Created);

        store.Finish("r", RunStatus.Cancelled, "Cancelled after 0 of 12 months.", StoreSamples.Created.AddMinutes(1));
        var reported = store.GetRun("r")!;
        Assert.Equal(RunStatus.Cancelled, reported.Status);
        Assert.Equal("Cancelled after 0 of 12 months. [This ending is not yet stored: the results store cannot write (the database or disk is full).]", reported.Error);
        Assert.Equal(RunStatus.Cancelled, Assert.Single(store.ListRuns()).Status);
        Assert.Equal(RunStatus.Running, _folder.Open().GetRun("r")!.Status);

        Assert.False(store.CanWrite(out var problem));
        Assert.Equal("the results store cannot write (the database or disk is full)", problem);
        Assert.True(store.CanWrite(out problem), problem);
        var written = _folder.Open().GetRun("r")!;
        Assert.Equal(RunStatus.Cancelled, written.Status);
        Assert.Equal("Cancelled after 0 of 12 months.", written.Error);
        Assert.Equal(StoreSamples.Created.AddMinutes(1), written.FinishedAt);
    }

    [Fact]
    public void New_runs_are_refused_with_a_store_write_error_and_refused_operations_stay_what_they_are()
    {
        // Creating, the refused completion and the probe are the three writes that succeed.
        var store = Guard(new FaultingResultsStore(_folder.Open(), writesBeforeFault: 3));
        store.CreateRun(StoreSamples.Run("first"));
        Assert.Throws<InvalidOperationException>(() => store.Complete("first", StoreSamples.Result(StoreSamples.Run("first"), 0), StoreSamples.Created));
        Assert.True(store.CanWrite(out _), "a refused operation says nothing about the disk");

        var error = Assert.Throws<StoreWriteException>(() => store.CreateRun(StoreSamples.Run("second")));
        Assert.Contains("database or disk is full", error.Message);
        Assert.DoesNotContain(_folder.Path, error.Message);
        Assert.Null(store.GetRun("second"));
    }

    [Fact]
    public void After_a_failure_only_a_probe_counts_the_store_as_writable_again_and_not_before_it_is_due()
    {
        // A month fails; the run's ending, a single row, still fits, as on a disk with a few pages left.
        var time = new ManualTime();
        var store = new GuardedResultsStore(new FaultingResultsStore(_folder.Open(), writesBeforeFault: 2, failingWrites: 1), _folder.DatabasePath,
            TimeSpan.FromSeconds(5), time, NullLogger<GuardedResultsStore>.Instance);
        store.CreateRun(StoreSamples.Run("r"));
        store.MarkStarted("r", StoreSamples.Created);
        Assert.Throws<StoreWriteException>(() => store.AppendMonth("r", StoreSamples.Month(0)));
        store.Finish("r", RunStatus.Failed, "Stopped.", StoreSamples.Created);
        Assert.Equal("Stopped.", store.GetRun("r")!.Error);

        Assert.False(store.CanWrite(out var problem));
        Assert.Equal("the results store cannot write (the database or disk is full)", problem);
        time.Advance(TimeSpan.FromSeconds(6));
        Assert.True(store.CanWrite(out problem), problem);
    }

    private static GuardedResultsStore Guard(IResultsStore store) =>
        new(store, "gbasim.db", TimeSpan.Zero, TimeProvider.System, NullLogger<GuardedResultsStore>.Instance);

    /// <summary>A clock that moves only when told.</summary>
    private sealed class ManualTime : TimeProvider
    {
        private DateTimeOffset _now = StoreSamples.Created;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
