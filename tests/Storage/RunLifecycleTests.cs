using GbaSim.Grains.Storage;
using GbaSim.Silo.Storage;

namespace GbaSim.Tests.Storage;

public sealed class RunLifecycleTests : IDisposable
{
    private readonly StoreFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_run_round_trips_every_field()
    {
        var store = _folder.Open();
        var run = StoreSamples.Run("run-1", seed: ulong.MaxValue - 12_345);
        Assert.True(run.Seed > long.MaxValue);
        store.CreateRun(run);
        Assert.Equal(run, store.GetRun("run-1"));

        var started = StoreSamples.Created.AddSeconds(2);
        store.MarkStarted("run-1", started);
        var running = store.GetRun("run-1")!;
        Assert.Equal(RunStatus.Running, running.Status);
        Assert.Equal(started, running.StartedAt);

        for (var m = 0; m < 3; m++)
        {
            store.AppendMonth("run-1", StoreSamples.Month(m));
        }
        Assert.Equal(3, store.GetRun("run-1")!.MonthsDone);

        var result = StoreSamples.Result(run, 3);
        var finished = new DateTimeOffset(2026, 3, 4, 2, 21, 0, 123, TimeSpan.Zero);
        store.Complete("run-1", result, finished);

        var stored = store.GetRun("run-1")!;
        Assert.Equal(run with
        {
            Status = RunStatus.Completed,
            StartedAt = started,
            FinishedAt = finished,
            MonthsDone = 3,
            ResultHash = result.ResultHash,
            Seconds = result.Seconds,
            Summary = stored.Summary,
        }, stored);
        Assert.Equal(ulong.MaxValue - 12_345, stored.Seed);
        Assert.Equal(StoreSamples.Created.Offset, stored.CreatedAt.Offset);
        Assert.Equal(TimeSpan.Zero, stored.FinishedAt!.Value.Offset);
        Assert.Equal(result.Summary, stored.Summary);
        Assert.Equal(result.Summary.Keys, stored.Summary!.Keys);
        Assert.True(double.IsNaN(stored.Summary["conversion.breakthrough"]));
        Assert.True(stored.Status.IsFinished());
    }

    [Fact]
    public void Runs_are_listed_newest_first_up_to_the_limit()
    {
        var store = _folder.Open();
        // Created out of order, and in different offsets: ordering is by instant.
        store.CreateRun(StoreSamples.Run("b", StoreSamples.Created.AddMinutes(1)));
        store.CreateRun(StoreSamples.Run("c", StoreSamples.Created.ToOffset(TimeSpan.FromHours(-5)).AddMinutes(2)));
        store.CreateRun(StoreSamples.Run("a", StoreSamples.Created));

        Assert.Equal(["c", "b", "a"], store.ListRuns().Select(r => r.Id));
        Assert.Equal(["c", "b"], store.ListRuns(limit: 2).Select(r => r.Id));
        Assert.Null(store.GetRun("missing"));
        Assert.Throws<ArgumentOutOfRangeException>(() => store.ListRuns(0));
    }

    [Fact]
    public void Complete_refuses_a_run_that_is_not_running()
    {
        var store = _folder.Open();
        var run = StoreSamples.Run("run-1");
        store.CreateRun(run);
        var result = StoreSamples.Result(run, 0);

        var queued = Assert.Throws<InvalidOperationException>(() => store.Complete("run-1", result, StoreSamples.Created));
        Assert.Contains("queued", queued.Message);
        Assert.Throws<InvalidOperationException>(() => store.Complete("missing", result, StoreSamples.Created));

        store.MarkStarted("run-1", StoreSamples.Created);
        store.Complete("run-1", result, StoreSamples.Created);
        var again = Assert.Throws<InvalidOperationException>(() => store.Complete("run-1", result, StoreSamples.Created));
        Assert.Contains("completed", again.Message);

        store.CreateRun(StoreSamples.Run("run-2"));
        store.MarkStarted("run-2", StoreSamples.Created);
        store.Finish("run-2", RunStatus.Failed, "boom", StoreSamples.Created);
        Assert.Throws<InvalidOperationException>(() => store.Complete("run-2", result, StoreSamples.Created));
        Assert.Equal(RunStatus.Failed, store.GetRun("run-2")!.Status);
        Assert.Null(store.GetRun("run-2")!.ResultHash);
    }

    [Fact]
    public void Finishing_records_the_status_and_error_once()
    {
        var store = _folder.Open();
        store.CreateRun(StoreSamples.Run("queued"));
        store.Finish("queued", RunStatus.Cancelled, "Cancelled by the user.", StoreSamples.Created.AddMinutes(1));
        var cancelled = store.GetRun("queued")!;
        Assert.Equal(RunStatus.Cancelled, cancelled.Status);
        Assert.Equal("Cancelled by the user.", cancelled.Error);
        Assert.Equal(StoreSamples.Created.AddMinutes(1), cancelled.FinishedAt);

        Assert.Throws<InvalidOperationException>(() => store.Finish("queued", RunStatus.Failed, null, StoreSamples.Created));
        Assert.Throws<InvalidOperationException>(() => store.MarkStarted("queued", StoreSamples.Created));
        Assert.Throws<InvalidOperationException>(() => store.AppendMonth("queued", StoreSamples.Month(0)));
        Assert.Throws<ArgumentException>(() => store.Finish("queued", RunStatus.Completed, null, StoreSamples.Created));
        Assert.Throws<ArgumentException>(() => store.Finish("queued", RunStatus.Running, null, StoreSamples.Created));
    }

    [Fact]
    public void A_run_id_is_stored_once_and_a_new_run_must_be_queued()
    {
        var store = _folder.Open();
        store.CreateRun(StoreSamples.Run("run-1"));
        var duplicate = Assert.Throws<InvalidOperationException>(() => store.CreateRun(StoreSamples.Run("run-1")));
        Assert.Contains("run-1", duplicate.Message);
        Assert.Throws<ArgumentException>(() => store.CreateRun(StoreSamples.Run("run-2") with { Status = RunStatus.Running }));
        Assert.Single(store.ListRuns());
    }
}
